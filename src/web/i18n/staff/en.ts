import type { StaffMessages } from './el.js';

/** English messages of the staff area (complete). */
export const en: StaffMessages = {
  'meta.languageName': 'English',
  'meta.title': 'Staff area — Merimna',

  'layout.skipLink': 'Skip to main content',
  'layout.serviceName': 'Merimna',
  'layout.serviceTagline': 'Staff area',
  'layout.languageNav': 'Choose a language',
  'layout.footerNav': 'Footer links',
  'layout.footerPortal': 'Social services portal',
  'layout.footerOwner': '© Municipality of Thessaloniki — Directorate of Social Protection and Public Health',
  'layout.footerLicence': 'Free software under the EUPL-1.2 licence.',

  'staff.heading': 'Staff area',
  'staff.signIn': 'The staff area requires signing in with a Municipality account.',
  'staff.nextRelease': 'Sign-in comes with the next release of Merimna.',
  'staff.portalLink': 'Go to the social services portal',
};
