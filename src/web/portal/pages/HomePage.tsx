import { useEffect, useState } from 'react';
import { usePortalI18n } from '../../i18n/portal/index.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import type { StructurePage } from '../api.js';
import { SearchForm } from '../components/SearchForm.js';
import { StructureCard } from '../components/StructureCard.js';
import { Link, navigate } from '../router.js';
import { parseSearch, rememberHomeSearch, searchQueryString, structuresApiUrl } from '../search.js';
import type { SearchParams } from '../search.js';
import { useApi } from '../useApi.js';

/** The home page: search the directory; the search lives in the address bar so back/forward and sharing work. */
export function HomePage({ search }: { search: string }) {
  const { t, tp } = usePortalI18n();
  const current = parseSearch(search);
  const [draft, setDraft] = useState(current.q);
  const [draftFor, setDraftFor] = useState(current.q);
  const [attempt, setAttempt] = useState(0);
  const state = useApi<StructurePage>(structuresApiUrl(current), attempt);

  // When the address changes under the form (back/forward, a shared link), the text box follows it.
  if (draftFor !== current.q) {
    setDraftFor(current.q);
    setDraft(current.q);
  }

  useDocumentTitle(t('meta.titlePattern', { page: t('home.title') }));
  useEffect(() => rememberHomeSearch(search), [search]);

  const runSearch = (next: SearchParams) => {
    const target = `/${searchQueryString(next)}`;
    if (target === `/${searchQueryString(current)}`) setAttempt((n) => n + 1);
    else navigate(target);
  };

  const failed = state.status === 'error' || state.status === 'not-found';
  const filtered = current.q !== '' || current.community !== null || current.need !== null;

  let status: string;
  if (state.status === 'loading') status = t('results.loading');
  else if (state.status === 'ok') status = tp('results.count', state.data.total);
  else status = t('results.error');

  return (
    <>
      <h1 className="govgr-heading-xl">{t('home.heading')}</h1>
      <p className="govgr-body mr-intro">{t('home.intro')}</p>
      <div className="mr-search-layout">
        <div className="mr-search-layout__form">
          <SearchForm current={current} draft={draft} onDraftChange={setDraft} onSearch={runSearch} />
          {filtered && (
            <p className="govgr-body">
              <Link to="/" className="govgr-link" onClick={() => setDraft('')}>
                {t('search.clear')}
              </Link>
            </p>
          )}
        </div>
        <section className="mr-search-layout__results" aria-labelledby="results-heading">
          <h2 className="govgr-heading-m mr-results__heading" id="results-heading">
            {t('results.heading')}
          </h2>
          <p className="govgr-body mr-results__count" role="status" aria-live="polite">
            {status}
            {state.status === 'ok' && state.data.items.length < state.data.total && (
              <> {t('results.showing', { shown: state.data.items.length })}</>
            )}
          </p>
          {failed && (
            <div className="mr-notice mr-notice--error">
              <p className="govgr-body">{t('results.errorHint')}</p>
              <button
                type="button"
                className="govgr-btn govgr-btn-secondary mr-notice__action"
                onClick={() => setAttempt((n) => n + 1)}
              >
                {t('results.retry')}
              </button>
            </div>
          )}
          {state.status === 'ok' && state.data.items.length === 0 && (
            <div className="mr-notice">
              <p className="govgr-body mr-notice__title">{t('results.empty')}</p>
              <p className="govgr-body">{t('results.emptyHint')}</p>
            </div>
          )}
          {state.status === 'ok' && state.data.items.length > 0 && (
            <ul className="mr-results__list">
              {state.data.items.map((structure) => (
                <StructureCard key={structure.id} structure={structure} />
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
