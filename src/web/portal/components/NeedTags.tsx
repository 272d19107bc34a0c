import type { TNeed } from '../../../shared/directory.js';
import { usePortalI18n } from '../../i18n/portal/index.js';

/** The categories of need a structure covers, as tags. */
export function NeedTags({ needs, label }: { needs: readonly TNeed[]; label: string }) {
  const { t } = usePortalI18n();
  if (needs.length === 0) return null;
  return (
    <ul className="mr-tags" aria-label={label}>
      {needs.map((need) => (
        <li key={need} className="govgr-tag__gray mr-tag">
          {t(`need.${need}`)}
        </li>
      ))}
    </ul>
  );
}
