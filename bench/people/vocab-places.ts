// Streets, social-service structures and nationalities of the synthetic population.
import type { ArabicSubgroup } from './vocab-arabic-given.js';

/** Real streets of Thessaloniki (municipality and its nearest neighbourhoods), in registry spelling. */
export const STREETS: readonly string[] = [
  'Εγνατία',
  'Τσιμισκή',
  'Μητροπόλεως',
  'Βασιλίσσης Όλγας',
  'Βασιλέως Γεωργίου',
  'Λεωφόρος Νίκης',
  'Αριστοτέλους',
  'Βενιζέλου',
  'Αγίας Σοφίας',
  'Ερμού',
  'Ίωνος Δραγούμη',
  'Καρόλου Ντηλ',
  'Παύλου Μελά',
  'Κασσάνδρου',
  'Αγίου Δημητρίου',
  'Ολυμπιάδος',
  'Εθνικής Αμύνης',
  'Μοναστηρίου',
  'Λαγκαδά',
  'Δελφών',
  'Κωνσταντινουπόλεως',
  'Γεωργίου Παπανδρέου',
  '25ης Μαρτίου',
  'Παπάφη',
  'Κλεάνθους',
  'Ιασονίδου',
  'Αλεξάνδρου Σβώλου',
  'Μπότσαρη',
  'Αγγελάκη',
  'Φράγκων',
  'Ναυάρχου Κουντουριώτη',
  'Σαλαμίνος',
  'Βαλαωρίτου',
  'Συγγρού',
  'Δωδεκανήσου',
  'Κομνηνών',
  'Ικτίνου',
  'Προξένου Κορομηλά',
  'Χαλκέων',
  'Αγίου Παύλου',
  'Πτολεμαίων',
  'Καυταντζόγλου',
  'Μιαούλη',
  'Μαρασλή',
  'Αλεξάνδρου Παπαναστασίου',
  'Θεαγένους Χαρίση',
  'Γρηγορίου Λαμπράκη',
  'Πολυτεχνείου',
  'Φλέμινγκ',
  'Μαλακοπή',
  'Σοφούλη',
  'Ικονίου',
  'Πόντου',
  'Κρήτης',
  'Καραολή και Δημητρίου',
  'Νικολάου Πλαστήρα',
  'Ζεύξιδος',
  'Ανατολικής Θράκης',
  'Γιαννιτσών',
  'Κολοκοτρώνη',
  'Ανδριανουπόλεως',
  'Αγίου Ανδρέα',
  'Κατσιμίδη',
  'Ελένης Ζωγράφου',
];

/** The structures (services) whose registrations are to be linked. */
export const STRUCTURES = [
  'kem',
  'homeless-dormitory',
  'homeless-day-centre',
  'social-grocery',
  'social-pharmacy',
  'clinics-monastiriou',
  'social-laundry',
  'kem-greek-courses',
  'react-apartments',
  'disability-transport',
] as const;

/** A structure slug. */
export type StructureSlug = (typeof STRUCTURES)[number];

/** Who tends to register where: the weights differ by population, and homeless persons have their own. */
export type StructureProfile = 'greek' | 'arabic' | 'homeless';

/** Relative weights per profile; a zero keeps a population out of a structure (no Greeks in REACT flats). */
export const STRUCTURE_WEIGHTS: Readonly<Record<StructureProfile, Readonly<Record<StructureSlug, number>>>> = {
  greek: {
    kem: 0.5,
    'homeless-dormitory': 3,
    'homeless-day-centre': 4,
    'social-grocery': 30,
    'social-pharmacy': 26,
    'clinics-monastiriou': 17,
    'social-laundry': 4,
    'kem-greek-courses': 0,
    'react-apartments': 0,
    'disability-transport': 10,
  },
  arabic: {
    kem: 25,
    'homeless-dormitory': 2,
    'homeless-day-centre': 3,
    'social-grocery': 12,
    'social-pharmacy': 10,
    'clinics-monastiriou': 11,
    'social-laundry': 2,
    'kem-greek-courses': 20,
    'react-apartments': 14,
    'disability-transport': 1,
  },
  homeless: {
    kem: 2,
    'homeless-dormitory': 30,
    'homeless-day-centre': 34,
    'social-grocery': 3,
    'social-pharmacy': 5,
    'clinics-monastiriou': 10,
    'social-laundry': 20,
    'kem-greek-courses': 1,
    'react-apartments': 0,
    'disability-transport': 0,
  },
};

/** Nationality weights (ISO 3166 alpha-2; '' = not recorded) for each subgroup. */
export const NATIONALITIES: Readonly<Record<'greek' | ArabicSubgroup, readonly (readonly [string, number])[]>> = {
  greek: [
    ['GR', 96.5],
    ['CY', 2],
    ['', 1.5],
  ],
  arabic: [
    ['SY', 52],
    ['IQ', 24],
    ['PS', 8],
    ['EG', 4],
    ['LB', 3],
    ['DZ', 3],
    ['MA', 2],
    ['', 4],
  ],
  farsi: [
    ['AF', 62],
    ['IR', 34],
    ['', 4],
  ],
  pashto: [
    ['AF', 82],
    ['PK', 15],
    ['', 3],
  ],
};
