import type { MouseEvent, ReactNode } from 'react';

/** A link of the footer navigation. */
export interface FooterLink {
  href: string;
  text: string;
  onClick?: (event: MouseEvent<HTMLAnchorElement>) => void;
}

/** The texts of the page frame, already translated. */
export interface LayoutLabels {
  skipLink: string;
  serviceName: string;
  serviceTagline: string;
  footerNav: string;
  footerOwner: string;
  footerLicence: string;
}

/** The catalogue keys of the page frame; both the portal and the staff catalogues have them. */
type LayoutKey =
  | 'layout.skipLink'
  | 'layout.serviceName'
  | 'layout.serviceTagline'
  | 'layout.footerNav'
  | 'layout.footerOwner'
  | 'layout.footerLicence';

/** The frame's texts from a translator that knows the layout keys. */
export function layoutLabels(t: (key: LayoutKey) => string): LayoutLabels {
  return {
    skipLink: t('layout.skipLink'),
    serviceName: t('layout.serviceName'),
    serviceTagline: t('layout.serviceTagline'),
    footerNav: t('layout.footerNav'),
    footerOwner: t('layout.footerOwner'),
    footerLicence: t('layout.footerLicence'),
  };
}

/** Props of the page frame shared by the portal and the staff area. */
export interface LayoutProps {
  labels: LayoutLabels;
  homeHref: string;
  onHomeClick?: (event: MouseEvent<HTMLAnchorElement>) => void;
  /** The language switcher, placed in the header. */
  switcher: ReactNode;
  footerLinks: readonly FooterLink[];
  children: ReactNode;
}

/** The id the skip link jumps to. */
export const MAIN_ID = 'main-content';

/** The gov.gr page frame: skip link, header, main landmark and footer. */
export function Layout({ labels, homeHref, onHomeClick, switcher, footerLinks, children }: LayoutProps) {
  return (
    <div className="govgr-layout-wrapper govgr-layout-wrapper__full-height">
      <a className="govgr--skip-link" href={`#${MAIN_ID}`}>
        {labels.skipLink}
      </a>
      <header className="govgr-header">
        <div className="govgr-header__container">
          <div className="govgr-header__content mr-header__brand">
            <a className="govgr-header-title" href={homeHref} onClick={onHomeClick}>
              {labels.serviceName}
            </a>
            <span className="mr-header__tagline">{labels.serviceTagline}</span>
          </div>
          {switcher}
        </div>
      </header>
      <div className="govgr-width-container">
        <main id={MAIN_ID} className="mr-main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="govgr-footer">
        <div className="govgr-width-container">
          <nav aria-label={labels.footerNav}>
            <ul className="govgr-footer__inline-list">
              {footerLinks.map((link) => (
                <li key={link.href} className="govgr-footer__inline-list-item">
                  <a className="govgr-footer__link" href={link.href} onClick={link.onClick}>
                    {link.text}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <p className="mr-footer__text">{labels.footerOwner}</p>
          <p className="mr-footer__text">{labels.footerLicence}</p>
        </div>
      </footer>
    </div>
  );
}
