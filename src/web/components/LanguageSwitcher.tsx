import type { LanguageOption } from '../i18n/react.js';

/** Props of the language switcher. */
export interface LanguageSwitcherProps {
  current: string;
  languages: readonly LanguageOption[];
  /** Accessible name of the navigation region, in the current language. */
  label: string;
  onChange: (code: string) => void;
}

/**
 * One button per other offered language, each named in its own language (with its lang attribute),
 * so that a visitor who cannot read the current language still recognises theirs.
 */
export function LanguageSwitcher({ current, languages, label, onChange }: LanguageSwitcherProps) {
  const others = languages.filter((language) => language.code !== current);
  if (others.length === 0) return null;
  return (
    <nav className="mr-language-switcher" aria-label={label}>
      <ul className="mr-language-switcher__list">
        {others.map((language) => (
          <li key={language.code}>
            <button type="button" className="mr-language-switcher__button" onClick={() => onChange(language.code)}>
              <span lang={language.code} dir={language.dir}>
                {language.name}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
