import type { SubmitEvent } from 'react';
import { NEEDS } from '../../../shared/directory.js';
import { usePortalI18n } from '../../i18n/portal/index.js';
import { COMMUNITIES, isCommunity } from '../search.js';
import type { SearchParams } from '../search.js';

/** Props of the search form. */
export interface SearchFormProps {
  /** The search in the address bar. */
  current: SearchParams;
  /** The text being typed, searched on submit. */
  draft: string;
  onDraftChange: (text: string) => void;
  /** Runs a search: on submit, and at once when a filter changes. */
  onSearch: (search: SearchParams) => void;
}

/** The search form of the home page: text, municipal community and need. */
export function SearchForm({ current, draft, onDraftChange, onSearch }: SearchFormProps) {
  const { t } = usePortalI18n();
  // Needs sorted by their label in the current language, so the list reads alphabetically.
  const needs = NEEDS.map((need) => ({ need, label: t(`need.${need}`) })).sort((a, b) => a.label.localeCompare(b.label));

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch({ ...current, q: draft });
  };

  return (
    <form role="search" className="mr-search" onSubmit={submit} noValidate>
      <div className="govgr-field mr-field">
        <label className="govgr-label" htmlFor="search-q">
          {t('search.label')}
        </label>
        <p className="govgr-hint mr-hint" id="search-q-hint">
          {t('search.hint')}
        </p>
        <input
          className="govgr-input"
          id="search-q"
          name="q"
          type="search"
          value={draft}
          maxLength={100}
          autoComplete="off"
          aria-describedby="search-q-hint"
          onChange={(event) => onDraftChange(event.target.value)}
        />
      </div>
      <div className="govgr-field mr-field">
        <label className="govgr-label" htmlFor="search-community">
          {t('search.community')}
        </label>
        <select
          className="govgr-select mr-select"
          id="search-community"
          name="community"
          value={current.community ?? ''}
          onChange={(event) => {
            const value = Number(event.target.value);
            onSearch({ ...current, q: draft, community: event.target.value && isCommunity(value) ? value : null });
          }}
        >
          <option value="">{t('search.communityAll')}</option>
          {COMMUNITIES.map((community) => (
            <option key={community} value={community}>
              {t(`community.${community}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="govgr-field mr-field">
        <label className="govgr-label" htmlFor="search-need">
          {t('search.need')}
        </label>
        <select
          className="govgr-select mr-select"
          id="search-need"
          name="need"
          value={current.need ?? ''}
          onChange={(event) => {
            const need = NEEDS.find((candidate) => candidate === event.target.value) ?? null;
            onSearch({ ...current, q: draft, need });
          }}
        >
          <option value="">{t('search.needAll')}</option>
          {needs.map(({ need, label }) => (
            <option key={need} value={need}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="govgr-btn govgr-btn-primary mr-search__submit">
        {t('search.submit')}
      </button>
    </form>
  );
}
