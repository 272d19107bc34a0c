import { useRef, useState } from 'react';
import type { TMe } from '../../../shared/auth.js';
import type { TCase } from '../../../shared/cases/case.js';
import { useStaffI18n } from '../../i18n/staff/index.js';
import { Status } from '../components.js';
import { CaseTable } from './CaseTable.js';
import { CursorPager } from './CursorPager.js';
import { OpenCaseForm } from './OpenCaseForm.js';
import { useCursorPage } from './useCursorPage.js';

/** The "Cases" section of a person's page: their case files at the worker's structures, and opening a new one. */
export function PersonCases({ me, personId }: { me: TMe; personId: string }) {
  const { t } = useStaffI18n();
  const list = useCursorPage<{ items: TCase[]; nextCursor: string | null }>(
    `/cases?${new URLSearchParams({ person: personId, limit: '20' }).toString()}`,
  );
  const [opening, setOpening] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  const items = list.data?.items ?? null;
  const canCreate = me.permissions.includes('case.create');
  return (
    <section className="mr-section" aria-labelledby="person-cases-heading">
      <h2 className="govgr-heading-m" id="person-cases-heading">
        {t('personCases.heading')}
      </h2>
      {list.failed ? <p className="govgr-body mr-notice mr-notice--error">{list.failed}</p> : null}
      {items === null && !list.failed ? <Status>{t('common.loading')}</Status> : null}
      {items && items.length === 0 ? <p className="govgr-body">{t('personCases.none')}</p> : null}
      {items && items.length > 0 ? <CaseTable cases={items} caption={t('personCases.caption')} linkBy="type" /> : null}
      <CursorPager label={t('personCases.paging')} list={list} />
      {canCreate && !opening ? (
        <button type="button" className="govgr-btn govgr-btn-secondary" ref={openButton} onClick={() => setOpening(true)}>
          {t('openCase.heading')}
        </button>
      ) : null}
      {canCreate && opening ? (
        <OpenCaseForm
          me={me}
          personId={personId}
          onCancel={() => {
            setOpening(false);
            window.setTimeout(() => openButton.current?.focus(), 0);
          }}
        />
      ) : null}
    </section>
  );
}
