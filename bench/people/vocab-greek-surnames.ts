// Greek surnames: a curated head of real common surnames (most frequent first), then a long compositional
// tail (root × suffix, and Παπα-/Χατζη-/Καρα- prefixes) shuffled with a fixed seed so the Zipf tail does not
// follow the alphabetical order of the roots. Every surname carries its feminine (genitive) form.
import { Rng } from './rng.js';

/** A Greek surname in its masculine and feminine forms (identical for ‑ίου, ‑όγλου, ‑ου). */
export interface GreekSurname {
  masculine: string;
  feminine: string;
}

// Thessaloniki-flavoured: Pontic and Asia Minor ‑ίδης/‑ιάδης names are over-represented.
const HEAD = `Παπαδόπουλος/Παπαδοπούλου Γεωργίου Ιωαννίδης/Ιωαννίδου Παπαδημητρίου Οικονόμου Κωνσταντινίδης/Κωνσταντινίδου
Ιωάννου Σαββίδης/Σαββίδου Βασιλείου Νικολάου Παπαγεωργίου Παυλίδης/Παυλίδου Αθανασίου Καραγιάννης/Καραγιάννη
Γεωργιάδης/Γεωργιάδου Παπαδάκης/Παπαδάκη Δημητρίου Χριστοδούλου Θεοδωρίδης/Θεοδωρίδου Πετρίδης/Πετρίδου
Αλεξίου Μακρής/Μακρή Παπανικολάου Αντωνίου Παππάς/Παππά Κωνσταντίνου Μιχαηλίδης/Μιχαηλίδου Αναστασίου
Παπαϊωάννου Λαμπρόπουλος/Λαμπροπούλου Αποστολίδης/Αποστολίδου Χατζηδάκης/Χατζηδάκη Οικονομίδης/Οικονομίδου
Δημόπουλος/Δημοπούλου Παναγιωτόπουλος/Παναγιωτοπούλου Κωνσταντόπουλος/Κωνσταντοπούλου Γεωργόπουλος/Γεωργοπούλου
Νικολόπουλος/Νικολοπούλου Αθανασόπουλος/Αθανασοπούλου Πολυχρονίδης/Πολυχρονίδου Τσολάκης/Τσολάκη
Καρανικόλας/Καρανικόλα Κυριακίδης/Κυριακίδου Σιδηρόπουλος/Σιδηροπούλου Μαυρίδης/Μαυρίδου Παπαθανασίου
Χριστοφορίδης/Χριστοφορίδου Ευαγγελίου Βλάχος/Βλάχου Τζιόλας/Τζιόλα Αναστασιάδης/Αναστασιάδου Ζαφειρίου
Μπακογιάννης/Μπακογιάννη Ψυχάρης/Ψυχάρη Αυγερινός/Αυγερινού Σπυρόπουλος/Σπυροπούλου Χατζηγεωργίου
Καραμανλής/Καραμανλή Τσιρίγκας/Τσιρίγκα Ντόκος/Ντόκου Γκίκας/Γκίκα Μπαλτάς/Μπαλτά Ευθυμιάδης/Ευθυμιάδου
Πολίτης/Πολίτη Κεχαγιάς/Κεχαγιά Σαμαράς/Σαμαρά Λαζαρίδης/Λαζαρίδου Ξανθόπουλος/Ξανθοπούλου Κοντός/Κοντού
Ηλιόπουλος/Ηλιοπούλου Ιορδανίδης/Ιορδανίδου Τοπαλίδης/Τοπαλίδου Χατζηιωάννου Παπαχρήστου Σωτηρίου
Φωτίου Χρυσοχόου Αργυρίου Καλαϊτζίδης/Καλαϊτζίδου Τσακίρογλου Κεσίσογλου Μουρατίδης/Μουρατίδου`;

// Roots end in a consonant and carry no accent: the suffix brings the stress.
const ROOTS = `Νικολ Γεωργ Δημητρ Κωνσταντιν Αθανασ Παναγιωτ Σταυρ Βασιλ Χριστ Μιχαλ Πετρ Μανωλ Σπυρ Αντων Λαμπρ
Στεφαν Θεοδωρ Παυλ Αλεξ Ζαχαρ Κυριακ Μαυρ Κοντ Μακρ Ψαρ Μπαλτ Σιδηρ Χαλκ Καλ Τσαλ Τσιρ Τσολ Κουτσ Φωτ Αγγελ
Αναστασ Αποστολ Αργυρ Αρβαν Βλαχ Γιαννακ Γιαννουλ Γκικ Γρηγορ Δρακ Ευαγγελ Ζαφειρ Ζερβ Θεοχαρ Ιορδαν Καραμ
Κεφαλ Κοκκιν Κουκ Κουρτ Κυπρ Λαζαρ Λιαπ Μαργαρ Μαρκ Μελετ Μητρ Μουρατ Μπακ Μπεκ Ντοκ Ξανθ Οικονομ Παλαμ
Παντελ Πασχαλ Περιστερ Πολυχρον Ραπτ Ρουσ Σαββ Σαρρ Σιμ Σκαρλατ Σουλ Σπανουδ Σταμ Στεργ Συμεων Ταχ Τζαν
Τζιωρτζ Τοπαλ Τριανταφυλλ Τσακ Τσαμ Τσανακ Τσιτσ Τσουκαλ Φιλιππ Φραγκ Χαραλαμπ Χατζ Χρυσ Ψωμ Αβραμ Αγαπ
Αδαμ Αλεβιζ Αμανατ Ανδρεαδ Ανθ Αντωνιαδ Αρναουτ Ασλαν Αχιλλ Βαφειαδ Βελ Βερβερ Βουλγαρ Γαλαν Γεροντ Γιαγκ
Γκαγκ Γκουγκ Γουναρ Δαμιαν Δελη Διαμαντ Δουκ Εμμανουηλ Ζαχαρι Ζησ Ζουρ Ηλι Θεμελ Θωμ Ιακωβ Ισαακ Καβαλ
Καλογερ Καντζ Καπετ Καραβ Καρατζ Κασαπ Καψ Κεραμ Κιουρ Κλειδ Κοσμ Κοτζαμ Κουβελ Κουμπ Κουτσουρ Κουφ Κρητ
Κυριαζ Λαγ Λαμπαδ Λεοντ Λιακ Λουκ Μαλλ Μανδαλ Μαντζ Μαργιωτ Ματθαι Μελισσ Μεταξ Μηλ Μιχαηλ Μουστακ Μπαμπ
Μπατζ Μπιτσ Μπουρ Ναλμπαντ Νεοφυτ Ντιν Ξενιτ Ορφαν Παλιουρ Παπ Παρασκευ Πατσ Πεχλιβαν Πιπερ Πλατ Πουλ
Προδρομ Ρηγ Σαλτ Σαμαρ Σεραφειμ Σκουρ Σοφ Σπαθ Σταματ Στυλιαν Σωτηρ Ταμπακ Τερζ Τζαφερ Τζιολ
Τουρκ Τριβιζ Τσαγγαρ Τσακιρ Τσιακ Τσιμπ Τσοπαν Φακ Φαρμακ Φιλ Φλωρ Χαλβατζ Χαρ Χασαπ Χιωτ Χοτζ Χρηστ
Ψαθ Αβρα Αγγελακ Βασ Βουρ Γαρ Δεμερτζ Δημ Καρ Κουλ Κουρ Λαμπρ Μαν Μουρ Ντουρ Παπαδ Ρεντζ Σιδερ
Τσατσ Φουντ Ιατρ Κουρουπ Μπαλαμπαν Ραφαηλ Βαμβακ`;

// Masculine/feminine suffix pairs, with a weight for how often the tail should use each.
const SUFFIXES: readonly (readonly [string, string])[] = [
  ['όπουλος', 'οπούλου'],
  ['ίδης', 'ίδου'],
  ['άκης', 'άκη'],
  ['ίου', 'ίου'],
  ['όγλου', 'όγλου'],
  ['άς', 'ά'],
  ['έας', 'έα'],
  ['άτος', 'άτου'],
  ['έλης', 'έλη'],
  ['ούδης', 'ούδη'],
  ['ιάδης', 'ιάδου'],
  ['άκος', 'άκου'],
  ['ίτης', 'ίτη'],
  ['ιώτης', 'ιώτη'],
  ['άρης', 'άρη'],
  ['ίνης', 'ίνη'],
  ['ούλης', 'ούλη'],
  ['άνης', 'άνη'],
];

const PREFIXES = ['Παπα', 'Χατζη', 'Καρα'];
const PREFIX_SUFFIXES: readonly (readonly [string, string])[] = [
  ['όπουλος', 'οπούλου'],
  ['ίου', 'ίου'],
  ['άκης', 'άκη'],
  ['ίδης', 'ίδου'],
];

const GREEK_VOWELS = new Set('αεηιουωΑΕΗΙΟΥΩ');

function lowerFirst(root: string): string {
  return root.charAt(0).toLocaleLowerCase('el') + root.slice(1);
}

function buildSurnames(): GreekSurname[] {
  const head: GreekSurname[] = [];
  const seen = new Set<string>();
  const add = (list: GreekSurname[], masculine: string, feminine: string): void => {
    if (seen.has(masculine)) return;
    seen.add(masculine);
    list.push({ masculine, feminine });
  };
  for (const token of HEAD.split(/\s+/)) {
    if (!token) continue;
    const [masculine = '', feminine = masculine] = token.split('/');
    add(head, masculine, feminine);
  }
  const roots = [...new Set(ROOTS.split(/\s+/).filter((r) => r.length > 0))];
  const tail: GreekSurname[] = [];
  for (const root of roots) {
    for (const [m, f] of SUFFIXES) add(tail, root + m, root + f);
  }
  for (const prefix of PREFIXES) {
    for (const root of roots) {
      // Prefix + vowel gives forms like Παπαϊωάννου that need a dialytika; the head has the real ones.
      if (GREEK_VOWELS.has(root.charAt(0))) continue;
      // Stacked prefixes (Παπαπαπαδ…, Καρακαραμ…) are not names.
      if (PREFIXES.some((p) => root.startsWith(p.slice(0, 3)))) continue;
      for (const [m, f] of PREFIX_SUFFIXES) add(tail, prefix + lowerFirst(root) + m, prefix + lowerFirst(root) + f);
    }
  }
  // A fixed seed: the vocabulary must not depend on the population seed, or two seeds would differ in names.
  new Rng(743).shuffle(tail);
  return [...head, ...tail];
}

/** Greek surnames, most common first (a curated head, then a shuffled compositional tail). */
export const GREEK_SURNAMES: readonly GreekSurname[] = buildSurnames();
