import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { TLocalizedText } from '../../../shared/localized.js';
import type { ShareableField } from '../../../shared/referrals/machine.js';
import type { TSharedPerson } from '../../../shared/referrals/referral.js';

/** What a referral letter says. */
export interface LetterContent {
  id: string;
  sender: TLocalizedText;
  target: TLocalizedText;
  purpose: string | null;
  status: string;
  sentAt: string | null;
  expiresAt: string | null;
  person: TSharedPerson;
}

type Lang = 'el' | 'en';

const LABELS: Record<Lang, Record<string, string>> = {
  el: {
    title: 'Παραπεμπτικό σημείωμα',
    ref: 'Αριθμός παραπομπής',
    date: 'Ημερομηνία',
    from: 'Από',
    to: 'Προς',
    status: 'Κατάσταση',
    sent: 'Στάλθηκε',
    expires: 'Απάντηση έως',
    purpose: 'Αιτία παραπομπής',
    person: 'Στοιχεία του προσώπου (μόνο όσα κοινοποιούνται)',
    footer:
      'Το σημείωμα περιέχει προσωπικά δεδομένα που κοινοποιούνται μόνο για τον σκοπό της παραπομπής. Φυλάξτε το εμπιστευτικά.',
  },
  en: {
    title: 'Referral letter',
    ref: 'Referral number',
    date: 'Date',
    from: 'From',
    to: 'To',
    status: 'Status',
    sent: 'Sent',
    expires: 'Reply by',
    purpose: 'Reason for the referral',
    person: 'The person (only the fields shared)',
    footer: 'This letter holds personal data shared only for the purpose of the referral. Keep it confidential.',
  },
};

const FIELD_LABELS: Record<Lang, Record<ShareableField, string>> = {
  el: {
    givenName: 'Όνομα',
    familyName: 'Επώνυμο',
    birthYear: 'Έτος γέννησης',
    phone: 'Τηλέφωνο',
    email: 'Ηλ. ταχυδρομείο',
    birthDate: 'Ημερομηνία γέννησης',
    sex: 'Φύλο',
    fatherName: 'Όνομα πατέρα',
    motherName: 'Όνομα μητέρας',
    nationality: 'Υπηκοότητα',
    languages: 'Γλώσσες',
    address: 'Διεύθυνση',
    legalStatus: 'Νομικό καθεστώς',
    disabilityPercent: 'Ποσοστό αναπηρίας',
  },
  en: {
    givenName: 'Given name',
    familyName: 'Family name',
    birthYear: 'Year of birth',
    phone: 'Phone',
    email: 'Email',
    birthDate: 'Date of birth',
    sex: 'Sex',
    fatherName: 'Father’s name',
    motherName: 'Mother’s name',
    nationality: 'Nationality',
    languages: 'Languages',
    address: 'Address',
    legalStatus: 'Legal status',
    disabilityPercent: 'Disability (%)',
  },
};

const STATUS: Record<Lang, Record<string, string>> = {
  el: {
    draft: 'Πρόχειρο',
    sent: 'Στάλθηκε',
    received: 'Παραλήφθηκε',
    accepted: 'Έγινε δεκτή',
    declined: 'Απορρίφθηκε',
    waitlisted: 'Σε λίστα αναμονής',
    in_service: 'Σε εξυπηρέτηση',
    completed: 'Ολοκληρώθηκε',
    expired: 'Έληξε',
    cancelled: 'Ακυρώθηκε',
  },
  en: {
    draft: 'Draft',
    sent: 'Sent',
    received: 'Received',
    accepted: 'Accepted',
    declined: 'Declined',
    waitlisted: 'Waitlisted',
    in_service: 'In service',
    completed: 'Completed',
    expired: 'Expired',
    cancelled: 'Cancelled',
  },
};

// DejaVu Sans covers Greek (and Latin, Cyrillic, Arabic letters); read once from its npm package.
const require = createRequire(import.meta.url);
let fonts: Promise<[Buffer, Buffer]> | undefined;
function fontFiles(): Promise<[Buffer, Buffer]> {
  fonts ??= Promise.all([
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  ]);
  return fonts;
}

/** Splits text into lines that fit the width at the size. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

/** The referral letter as a one-page (or longer) A4 PDF in Greek or English, with the font embedded (subset). */
export async function referralLetter(c: LetterContent, lang: Lang): Promise<Uint8Array> {
  const [regularBytes, boldBytes] = await fontFiles();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(regularBytes, { subset: true });
  const bold = await doc.embedFont(boldBytes, { subset: true });
  const L = LABELS[lang];
  doc.setTitle(`${L.title} ${c.id}`);
  doc.setLanguage(lang === 'el' ? 'el-GR' : 'en-GB');
  doc.setProducer('Merimna');
  const margin = 56;
  const width = 595.28 - 2 * margin;
  let page: PDFPage = doc.addPage([595.28, 841.89]);
  let y = 841.89 - margin;
  const write = (text: string, font: PDFFont, size: number, gap = 4) => {
    for (const line of wrap(text, font, size, width)) {
      if (y < margin + size) {
        page = doc.addPage([595.28, 841.89]);
        y = 841.89 - margin;
      }
      page.drawText(line, { x: margin, y: y - size, size, font, color: rgb(0.1, 0.1, 0.1) });
      y -= size + gap;
    }
  };
  write(L.title ?? '', bold, 18, 12);
  const rows: [string | undefined, string][] = [
    [L.ref, c.id],
    [L.date, new Date().toISOString().slice(0, 10)],
    [L.from, c.sender[lang] ?? c.sender.el],
    [L.to, c.target[lang] ?? c.target.el],
    [L.status, STATUS[lang][c.status] ?? c.status],
    [L.sent, day(c.sentAt)],
    [L.expires, day(c.expiresAt)],
  ];
  for (const [label, value] of rows) write(`${label ?? ''}: ${value}`, regular, 11);
  y -= 8;
  write(L.purpose ?? '', bold, 12, 6);
  write(c.purpose ?? '—', regular, 11);
  y -= 8;
  write(L.person ?? '', bold, 12, 6);
  for (const [field, value] of Object.entries(c.person) as [ShareableField, string | number | string[] | null][]) {
    const shown = Array.isArray(value) ? value.join(', ') : value === null ? '—' : String(value);
    write(`${FIELD_LABELS[lang][field]}: ${shown}`, regular, 11);
  }
  y -= 16;
  write(L.footer ?? '', regular, 9);
  return doc.save();
}
