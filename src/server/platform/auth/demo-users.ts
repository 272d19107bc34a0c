import { createHash } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import { roleRequiresMfa, type RoleKey } from '../../../shared/access.js';
import type { NewUser } from './users.service.js';

/** The password of every demo user (demo mode only; listed in the README). */
export const DEMO_PASSWORD = 'Merimna-Demo-2026';

/** A demo user's TOTP secret, derived from the username so the README can list it. */
export function demoTotpSecret(username: string): string {
  const bytes = createHash('sha256').update(`merimna-demo-totp:${username}`).digest().subarray(0, 20);
  return new OTPAuth.Secret({ buffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 20) }).base32;
}

type DemoSpec = [username: string, displayName: string, role: RoleKey, structure: string | null, organisation?: string];

// One user per role; structure staff and managers in pairs, one pair per structure type.
const SPECS: DemoSpec[] = [
  ['frontdesk', 'Υπάλληλος Υποδοχής ΚΕΜ', 'frontdesk', 'kem'],
  ['socialworker', 'Κοινωνική Λειτουργός ΚΕΜ', 'social_worker', 'kem'],
  ['dormitory.staff', 'Προσωπικό Υπνωτηρίου', 'structure_staff', 'homeless-dormitory'],
  ['dormitory.manager', 'Υπεύθυνη Υπνωτηρίου', 'structure_manager', 'homeless-dormitory'],
  ['daycentre.staff', 'Προσωπικό Κέντρου Ημέρας', 'structure_staff', 'homeless-day-centre'],
  ['daycentre.manager', 'Υπεύθυνος Κέντρου Ημέρας', 'structure_manager', 'homeless-day-centre'],
  ['shelter.staff', 'Προσωπικό Ξενώνα', 'structure_staff', 'womens-shelter'],
  ['shelter.manager', 'Υπεύθυνη Ξενώνα', 'structure_manager', 'womens-shelter'],
  ['clinic.staff', 'Νοσηλεύτρια Δημοτικού Ιατρείου', 'structure_staff', 'clinics-monastiriou'],
  ['clinic.manager', 'Υπεύθυνος Δημοτικών Ιατρείων', 'structure_manager', 'clinics-monastiriou'],
  ['pharmacy.staff', 'Φαρμακοποιός Κοινωνικού Φαρμακείου', 'structure_staff', 'social-pharmacy'],
  ['pharmacy.manager', 'Υπεύθυνη Κοινωνικού Φαρμακείου', 'structure_manager', 'social-pharmacy'],
  ['grocery.staff', 'Προσωπικό Κοινωνικού Παντοπωλείου', 'structure_staff', 'social-grocery'],
  ['grocery.manager', 'Υπεύθυνος Κοινωνικού Παντοπωλείου', 'structure_manager', 'social-grocery'],
  ['transport.staff', 'Οδηγός Δικτύου Μεταφοράς', 'structure_staff', 'disability-transport'],
  ['transport.manager', 'Υπεύθυνη Δικτύου Μεταφοράς', 'structure_manager', 'disability-transport'],
  ['laundry.staff', 'Προσωπικό Κοινωνικού Πλυντηρίου', 'structure_staff', 'social-laundry'],
  ['laundry.manager', 'Υπεύθυνος Κοινωνικού Πλυντηρίου', 'structure_manager', 'social-laundry'],
  ['courses.staff', 'Εκπαιδευτικός Ελληνικής Γλώσσας', 'structure_staff', 'kem-greek-courses'],
  ['courses.manager', 'Συντονίστρια Μαθημάτων', 'structure_manager', 'kem-greek-courses'],
  ['housing.staff', 'Προσωπικό Στέγασης REACT', 'structure_staff', 'react-apartments'],
  ['housing.manager', 'Υπεύθυνος Στέγασης REACT', 'structure_manager', 'react-apartments'],
  ['director', 'Διευθύντρια Κοινωνικής Προστασίας', 'director', null],
  ['dpo', 'Υπεύθυνος Προστασίας Δεδομένων', 'dpo', null],
  ['admin', 'Διαχειριστής Συστήματος', 'admin', null],
  ['arsis.partner', 'Συνεργάτιδα ΑΡΣΙΣ', 'partner', 'filoxeneio-arsis', 'arsis'],
  ['solidaritynow.partner', 'Συνεργάτης SolidarityNow', 'partner', 'solidarity-centre', 'solidaritynow'],
];

/** The demo users, with an enrolled TOTP secret for every role that requires a second factor. */
export function demoUsers(): NewUser[] {
  return SPECS.map(([username, displayName, role, structure, organisation]) => ({
    username,
    displayName,
    email: null,
    organisation: organisation ?? 'thessaloniki',
    password: DEMO_PASSWORD,
    memberships: [{ role, structure }],
    isDemo: true,
    ...(roleRequiresMfa(role) ? { totpSecret: demoTotpSecret(username) } : {}),
  }));
}
