/** Greek messages of the staff area: the reference catalogue. */
export const el = {
  'meta.languageName': 'Ελληνικά',
  'meta.title': 'Περιοχή προσωπικού — Μέριμνα',

  'layout.skipLink': 'Μετάβαση στο κύριο περιεχόμενο',
  'layout.serviceName': 'Μέριμνα',
  'layout.serviceTagline': 'Περιοχή προσωπικού',
  'layout.languageNav': 'Επιλογή γλώσσας',
  'layout.footerNav': 'Σύνδεσμοι υποσέλιδου',
  'layout.footerPortal': 'Πύλη κοινωνικών υπηρεσιών',
  'layout.footerOwner': '© Δήμος Θεσσαλονίκης — Διεύθυνση Κοινωνικής Προστασίας και Δημόσιας Υγείας',
  'layout.footerLicence': 'Ελεύθερο λογισμικό με άδεια EUPL-1.2.',

  'staff.heading': 'Περιοχή προσωπικού',
  'staff.signIn': 'Η περιοχή προσωπικού απαιτεί σύνδεση με λογαριασμό του Δήμου.',
  'staff.nextRelease': 'Η σύνδεση έρχεται με την επόμενη έκδοση της Μέριμνας.',
  'staff.portalLink': 'Μετάβαση στην πύλη κοινωνικών υπηρεσιών',
} as const;

/** The keys of the staff catalogue. */
export type StaffKey = keyof typeof el;
/** A complete staff catalogue. */
export type StaffMessages = Readonly<Record<StaffKey, string>>;
