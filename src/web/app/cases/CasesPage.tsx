import { useState } from 'react';
import type { TMe } from '../../../shared/auth.js';
import type { TCase } from '../../../shared/cases/case.js';
import { CASE_STATUSES } from '../../../shared/cases/lists.js';
import { pickText } from '../../../shared/localized.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { Status } from '../components.js';
import { Select } from '../people/fields.js';
import { useRegistrationStructures } from '../people/useDirectory.js';
import { CaseTable } from './CaseTable.js';
import { CursorPager } from './CursorPager.js';
import { statusLabel } from './labels.js';
import { useCursorPage } from './useCursorPage.js';

/** The case files at the worker's structures, by structure, status and whose; the filters stay in the page. */
export function CasesPage({ me }: { me: TMe }) {
  const { t, tp, lang } = useStaffI18n();
  const { structures } = useRegistrationStructures(me, 'case.read');
  const [structure, setStructure] = useState('');
  const [status, setStatus] = useState('');
  const [whose, setWhose] = useState<'me' | 'any'>('me');
  const params = new URLSearchParams({ assigned: whose, limit: '25' });
  if (structure) params.set('structure', structure);
  if (status) params.set('status', status);
  const list = useCursorPage<{ items: TCase[]; nextCursor: string | null }>(`/cases?${params.toString()}`);
  const items = list.data?.items ?? null;

  return (
    <>
      <h1 className="govgr-heading-xl">{t('cases.heading')}</h1>
      <p className="govgr-body mr-intro">{t('cases.intro')}</p>
      <div className="mr-filters" role="group" aria-label={t('cases.filters')}>
        <Select
          id="cases-structure"
          label={t('case.structure')}
          value={structure}
          onChange={setStructure}
          options={[
            { value: '', label: t('cases.allStructures') },
            ...structures.map((s) => ({ value: s.slug, label: pickText(s.name, lang) })),
          ]}
        />
        <Select
          id="cases-status"
          label={t('case.status')}
          value={status}
          onChange={setStatus}
          options={[
            { value: '', label: t('cases.anyStatus') },
            ...CASE_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) })),
          ]}
        />
        <Select
          id="cases-whose"
          label={t('cases.whose')}
          value={whose}
          onChange={(v) => setWhose(v === 'any' ? 'any' : 'me')}
          options={[
            { value: 'me', label: t('cases.whoseMe') },
            { value: 'any', label: t('cases.whoseAny') },
          ]}
        />
      </div>
      {list.failed ? <p className="govgr-body mr-notice mr-notice--error">{list.failed}</p> : null}
      <Status>{items ? tp('cases.count', items.length) : t('common.loading')}</Status>
      {items && items.length === 0 ? <p className="govgr-body mr-notice">{t('cases.empty')}</p> : null}
      {items && items.length > 0 ? <CaseTable cases={items} caption={t('cases.caption')} linkBy="person" /> : null}
      <CursorPager label={t('cases.paging')} list={list} />
    </>
  );
}
