import { useEffect } from 'react';

/** Sets document.title while the calling page is shown; null leaves the title as it is (e.g. while loading). */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    if (title !== null) document.title = title;
  }, [title]);
}
