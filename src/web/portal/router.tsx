/**
 * A tiny router on the History API (no library): the server answers every non-API GET with index.html,
 * so the browser's address is the state. Pages read it with useLocation() and change it with navigate().
 */
import { useSyncExternalStore } from 'react';
import type { AnchorHTMLAttributes, MouseEvent } from 'react';

/** The pages of the portal. */
export type Route = { name: 'home' } | { name: 'structure'; slug: string } | { name: 'not-found' };

const NAVIGATE_EVENT = 'merimna:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const snapshot = (): string => window.location.pathname + window.location.search;

/** The current path and query, re-rendering on navigation and on back/forward. */
export function useLocation(): { pathname: string; search: string } {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, 'http://localhost');
  return { pathname: url.pathname, search: url.search };
}

/** Goes to a path of the portal without reloading; `replace` keeps the history entry. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** Matches a path to a page. */
export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '/index.html') return { name: 'home' };
  const structure = /^\/structures\/([^/]+)\/?$/.exec(pathname);
  if (structure?.[1]) {
    try {
      return { name: 'structure', slug: decodeURIComponent(structure[1]) };
    } catch {
      return { name: 'not-found' }; // a malformed %-escape
    }
  }
  return { name: 'not-found' };
}

/** Handles a click on a link to the portal in place, leaving new-tab and modified clicks to the browser. */
export function followLink(event: MouseEvent<HTMLAnchorElement>, to: string): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(to);
}

/** Props of a portal link. */
export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
}

/** An ordinary link to a page of the portal that navigates without reloading. */
export function Link({ to, onClick, ...props }: LinkProps) {
  return (
    <a
      {...props}
      href={to}
      onClick={(event) => {
        onClick?.(event);
        followLink(event, to);
      }}
    />
  );
}
