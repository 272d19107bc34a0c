import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arabicNormalise,
  detectScript,
  elot743,
  elot743Title,
  nameKey,
  personNameKeys,
  romaniseArabic,
  skeleton,
  surnameStem,
} from './names.js';

const ASCII_KEY = /^[a-z ]*$/;
const GREEK_LETTERS = [
  ...Array.from('αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΆΈΉΊΌΎΏΪΫ'),
  'ἀ',
  'ὠ',
  'ῆ',
  'ᾳ',
  'α\u0301',
  'ι\u0308',
];
const greekText = fc.string({ unit: fc.constantFrom(...GREEK_LETTERS, ' ', '-'), maxLength: 24 });
const latinWord = fc.string({ unit: fc.constantFrom(...Array.from('abcdefghijklmnopqrstuvwxyz')), minLength: 1, maxLength: 14 });

describe('elot743', () => {
  it.each([
    ['Γιώργος Παπαδόπουλος', 'giorgos papadopoulos'],
    ['Γεώργιος', 'georgios'],
    ['Ευάγγελος', 'evangelos'],
    ['Ευθύμιος', 'efthymios'],
    ['Αυγερινός', 'avgerinos'],
    ['Μπακογιάννης', 'mpakogiannis'],
    ['Ντίνος', 'ntinos'],
    ['Χρήστος', 'christos'],
    ['Ψυχάρης', 'psycharis'],
    ['Ξανθή', 'xanthi'],
    ['Μωυσής', 'moysis'],
    ['Κωνσταντίνος', 'konstantinos'],
    ['Θεσσαλονίκη', 'thessaloniki'],
  ])('transcribes %s as %s (reference table)', (greek, latin) => {
    expect(elot743(greek)).toBe(latin);
  });

  it('applies the αυ/ευ/ηυ rule: v before vowels and voiced consonants, f before voiceless ones and at the end', () => {
    expect(elot743('Παύλος')).toBe('pavlos');
    expect(elot743('ευρώ')).toBe('evro');
    expect(elot743('αυτός')).toBe('aftos');
    expect(elot743('ηύρα')).toBe('ivra');
    expect(elot743('ευ')).toBe('ef');
  });

  it('writes γγ ng, γκ gk, γξ nx, γχ nch, μπ mp, ντ nt', () => {
    expect(elot743('Άγγελος')).toBe('angelos');
    expect(elot743('Αγκίστρι')).toBe('agkistri');
    expect(elot743('Σφίγξ')).toBe('sfinx');
    expect(elot743('Αγχίαλος')).toBe('anchialos');
    expect(elot743('Λάμπρος Αντώνης')).toBe('lampros antonis');
  });

  it('lets a dialytika or a tonos on the first vowel break the pair', () => {
    expect(elot743('προϋπόθεση')).toBe('proypothesi');
    expect(elot743('άυλος')).toBe('aylos');
    expect(elot743('Νικολαΐδης')).toBe('nikolaidis');
  });

  it('handles capitals, decomposed accents and polytonic text', () => {
    expect(elot743('ΕΥΑΓΓΕΛΟΣ')).toBe('evangelos');
    expect(elot743('Γιώργος'.normalize('NFD'))).toBe('giorgos');
    expect(elot743('Ἀθῆναι')).toBe('athinai');
  });

  it('passes other characters through, lower-cased', () => {
    expect(elot743('Café Ωμέγα 12')).toBe('café omega 12');
    expect(elot743('MIXED Λ')).toBe('mixed l');
  });

  it('gives ASCII for any Greek text', () => {
    fc.assert(
      fc.property(greekText, (text) => {
        expect(elot743(text)).toMatch(/^[\x20-\x7e]*$/);
      }),
    );
  });

  it('capitalises each word for display', () => {
    expect(elot743Title('Γιώργος Παπαδόπουλος')).toBe('Giorgos Papadopoulos');
    expect(elot743Title('ΜΑΡΙΑ-ΕΛΕΝΗ χρηστου')).toBe('Maria-Eleni Christou');
  });
});

describe('nameKey', () => {
  it.each([
    ['yorgo', ['Γιώργος', 'Giorgos', 'Yiorgos', 'Giwrgos', 'Jorgos']],
    ['evagelo', ['Ευάγγελος', 'Evangelos', 'Evaggelos', 'Euaggelos']],
    ['bakoyani', ['Μπακογιάννης', 'Bakogiannis', 'Mpakogiannis', 'Bakoyannis']],
    ['xristo', ['Χρήστος', 'Christos', 'Hristos', 'Xristos']],
    ['thesaloniki', ['Θεσσαλονίκη', '8essaloniki']],
  ])('gives the verified group %s one key', (key, spellings) => {
    for (const spelling of spellings) expect(nameKey(spelling)).toBe(key);
  });

  it('keeps Papadopoulou apart from Papadopoulos', () => {
    expect(nameKey('Papadopoulou')).not.toBe(nameKey('Papadopoulos'));
    expect(nameKey('Παπαδοπούλου')).toBe(nameKey('Papadopoulou'));
  });

  it('folds everyday greeklish: η as h, ου as oy, αι as e, ξ as ks', () => {
    expect(nameKey('Eirhnh')).toBe(nameKey('Ειρήνη'));
    expect(nameKey('Papadopoylos')).toBe(nameKey('Παπαδόπουλος'));
    expect(nameKey('Ekaterini')).toBe(nameKey('Αικατερίνη'));
    expect(nameKey('Ksanthi')).toBe(nameKey('Ξανθή'));
    expect(nameKey('Mihalis')).toBe(nameKey('Μιχάλης'));
    expect(nameKey('Dinos')).toBe(nameKey('Ντίνος'));
  });

  it('does not take νθ for ντ nor μψ for μπ', () => {
    expect(nameKey('Ανθή')).toBe('anthi');
    expect(nameKey('Λάμψη')).toBe('lampsi');
  });

  it('keys each word of a longer text, and returns an empty key for no letters', () => {
    expect(nameKey('Γιώργος  Παπαδόπουλος')).toBe('yorgo papadopulo');
    expect(nameKey(' - ')).toBe('');
  });

  it('is idempotent on Latin words', () => {
    fc.assert(
      fc.property(latinWord, (word) => {
        const key = nameKey(word);
        expect(nameKey(key)).toBe(key);
      }),
      { numRuns: 2000 },
    );
  });

  it('is ASCII for any input', () => {
    fc.assert(
      fc.property(fc.oneof(greekText, fc.string(), fc.string({ unit: 'grapheme' })), (text) => {
        expect(nameKey(text)).toMatch(ASCII_KEY);
      }),
    );
  });
});

describe('arabicNormalise', () => {
  it.each([
    ["Sa'īd", 'said'],
    ['ʿAbd al-Rahman', 'abd rahman'],
    ['Abdul Rahman', 'abd rahman'],
    ['Abdelrahman', 'abd rahman'],
    ['Abdurrahman', 'abd rahman'],
    ['Abdullah', 'abdula'],
    ['Abd Allah', 'abdula'],
    ['al-Hassan', 'hasan'],
    ['El Sayed', 'sayed'],
    ['ash-Shami', 'shami'],
    ['Ali bin Ahmed', 'ali ahmed'],
    ['Fatima bint Ali', 'fatima ali'],
    ['Khaled', 'xaled'],
    ['Cherif', 'sherif'],
    ['Othman', 'ozman'],
    ['Vahid', 'wahid'],
    ['Noor', 'nur'],
    ['Saeed', 'said'],
    ['Fatemeh', 'fatema'],
    ['Habibullah', 'habibula'],
    ['Habibollah', 'habibula'],
  ])('normalises %s to %s', (name, normalised) => {
    expect(arabicNormalise(name)).toBe(normalised);
  });

  it('keeps the standalone names Abdi and Abdul', () => {
    expect(arabicNormalise('Abdi')).toBe('abdi');
    expect(arabicNormalise('Abdul')).toBe('abdul');
  });

  it('romanises Arabic and Persian script to the same form as the Latin spelling', () => {
    expect(arabicNormalise('محمد')).toBe(arabicNormalise('Mohammad'));
    expect(arabicNormalise('حسین')).toBe(arabicNormalise('Hussein'));
    expect(arabicNormalise('عبد الرحمن')).toBe('abd rahman');
    expect(arabicNormalise('الحسن')).toBe('hasan');
  });

  it('reads unknown Arabic-script names letter by letter, Persian letters included', () => {
    expect(romaniseArabic('پژمان')).toBe('Pzhman');
    expect(romaniseArabic('چنگیز')).toBe('Chngiz');
    expect(romaniseArabic('کاوه')).toBe('Kaweh');
    expect(romaniseArabic('محمد رضا')).toBe('Mohammad Reza');
  });
});

describe('skeleton', () => {
  it.each([
    ['MHMD', ['Mohammad', 'Muhammad', 'Mohamed', 'Mouhamed', 'محمد']],
    ['HSN', ['Hossein', 'Hussein', 'حسين']],
    ['FTM', ['Fatima', 'Fatemeh', 'Fatma', 'فاطمه']],
    ['KSM', ['Qasim', 'Kassem', 'قاسم']],
    ['AMR', ['Omar', 'Umar', 'عمر']],
  ])('gives %s for the verified group', (expected, spellings) => {
    for (const spelling of spellings) expect(skeleton(spelling)).toBe(expected);
  });

  it('merges different names too (hence a weak level only)', () => {
    expect(skeleton('Mahmoud')).toBe(skeleton('Muhammad'));
    expect(skeleton('Hassan')).toBe(skeleton('Hussein'));
  });

  it('works for Greek and greeklish through the key', () => {
    expect(skeleton('Χρήστος')).toBe('HRST');
    expect(skeleton('Hristos')).toBe(skeleton('Χρήστος'));
    expect(skeleton('Παπαδόπουλος')).toBe('PPDPL');
  });
});

describe('detectScript', () => {
  it('names the script most letters are in', () => {
    expect(detectScript('Γιώργος')).toBe('greek');
    expect(detectScript('محمد')).toBe('arabic');
    expect(detectScript('Mohammad')).toBe('latin');
    expect(detectScript('Hüseyin')).toBe('latin');
    expect(detectScript('Олена')).toBe('other');
    expect(detectScript('123')).toBe('other');
    expect(detectScript('Γιώργος G.')).toBe('greek');
  });
});

describe('surnameStem', () => {
  it.each([
    ['Παπαδόπουλος', 'Παπαδοπούλου'],
    ['Παπαδάκης', 'Παπαδάκη'],
    ['Γεωργιάδης', 'Γεωργιάδου'],
    ['Νικολαΐδης', 'Νικολαΐδου'],
    ['Μπαλτάς', 'Μπαλτά'],
    ['Papadopoulos', 'Papadopoulou'],
    ['Papadopoulos', 'Papadopulu'],
    ['Παπαδόπουλος', 'Papadopoulou'],
  ])('gives %s and %s one stem', (masculine, feminine) => {
    expect(surnameStem(feminine)).toBe(surnameStem(masculine));
  });

  it('returns a key, not a word', () => {
    expect(surnameStem('Παπαδόπουλος')).toBe('papadopul');
  });

  const CONSONANTS = Array.from('βγδζθκλμνξπρστφχψ');
  const VOWELS = ['α', 'ε', 'η', 'ι', 'ο', 'υ', 'ω', 'ου', 'αι', 'ει', 'ά', 'ό', 'ί'];
  const PAIRS = [
    ['ος', 'ου'],
    ['όπουλος', 'οπούλου'],
    ['άκης', 'άκη'],
    ['ίδης', 'ίδου'],
    ['ιάδης', 'ιάδου'],
    ['ας', 'α'],
    ['ής', 'ή'],
  ] as const;
  const root = fc
    .tuple(
      fc.array(fc.tuple(fc.constantFrom(...CONSONANTS), fc.constantFrom(...VOWELS)), { minLength: 1, maxLength: 3 }),
      fc.constantFrom(...CONSONANTS),
    )
    .map(([syllables, last]) => syllables.map(([c, v]) => c + v).join('') + last);

  it('gives every generated masculine/feminine pair one stem', () => {
    fc.assert(
      fc.property(root, fc.constantFrom(...PAIRS), (r, [masculine, feminine]) => {
        expect(surnameStem(r + feminine)).toBe(surnameStem(r + masculine));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('personNameKeys', () => {
  it('keys a Greek name, its parents and its ELOT form', () => {
    expect(personNameKeys({ given: ' Γιώργος ', family: 'Παπαδόπουλος', father: 'Κωνσταντίνος', mother: '' })).toEqual({
      givenKey: 'yorgo',
      familyKey: 'papadopulo',
      givenTokens: ['yorgo'],
      familyTokens: ['papadopulo'],
      givenCanonical: nameKey('Γεώργιος'),
      familyStem: 'papadopul',
      givenSkeleton: 'YRG',
      familySkeleton: 'PPDPL',
      fatherKey: 'konstadino',
      motherKey: null,
      givenLatin: 'Giorgos',
      familyLatin: 'Papadopoulos',
      script: 'greek',
      keySystem: 'greek',
    });
  });

  it('gives a passport spelling the keys of the Greek one', () => {
    const greek = personNameKeys({ given: 'Ευάγγελος', family: 'Μπακογιάννης' });
    const latin = personNameKeys({ given: 'EVANGELOS', family: 'BAKOYANNIS' });
    expect(latin).toMatchObject({ givenKey: greek.givenKey, familyKey: greek.familyKey, givenCanonical: greek.givenCanonical });
    expect(latin.familyLatin).toBe('BAKOYANNIS');
  });

  it('sorts and deduplicates the tokens of compound names', () => {
    const keys = personNameKeys({ given: 'Μαρία-Ελένη Μαρία', family: 'Παπαδοπούλου Γεωργίου' });
    expect(keys.givenTokens).toEqual(['eleni', 'maria']);
    expect(keys.familyTokens).toEqual(['georyu', 'papadopulu']);
    expect(keys.givenKey).toBe('maria');
  });

  it('keys an Arabic-script name and its romanisation alike', () => {
    const script = personNameKeys({ given: 'محمد', family: 'حسینی', father: 'علی' });
    const latin = personNameKeys({ given: 'Mohammad', family: 'Hosseini', father: 'Ali' });
    expect(script).toMatchObject({
      keySystem: 'arabic',
      script: 'arabic',
      givenKey: 'mohamad',
      givenLatin: 'Mohammad',
      fatherKey: 'ali',
    });
    expect(latin).toMatchObject({
      keySystem: 'arabic',
      givenKey: 'mohamad',
      givenCanonical: script.givenCanonical,
      fatherKey: 'ali',
    });
    expect(latin.familySkeleton).toBe(script.familySkeleton);
  });

  it('treats Latin names with Arabic spellings or dictionary names as Arabic', () => {
    expect(personNameKeys({ given: 'Abdul Rahman', family: 'Al-Hassan' })).toMatchObject({
      keySystem: 'arabic',
      givenKey: 'abd rahman',
      familyKey: 'hasan',
      familyStem: 'hasan',
      givenSkeleton: 'ABD RHMN',
    });
    expect(personNameKeys({ given: 'Hussein', family: 'Karimi' }).keySystem).toBe('arabic');
  });

  it('keeps a Greek surname Greek even after an Arabic-looking given name', () => {
    expect(personNameKeys({ given: 'Sara', family: 'Papadopoulou' })).toMatchObject({
      keySystem: 'greek',
      familyStem: 'papadopul',
    });
  });

  it('gives ASCII keys for any input', () => {
    fc.assert(
      fc.property(fc.string(), fc.oneof(greekText, fc.string()), fc.option(fc.string()), (given, family, father) => {
        const keys = personNameKeys({ given, family, father });
        for (const key of [
          keys.givenKey,
          keys.familyKey,
          keys.familyStem,
          keys.fatherKey ?? '',
          ...keys.givenTokens,
          ...keys.familyTokens,
        ])
          expect(key).toMatch(ASCII_KEY);
        expect(keys.givenSkeleton + keys.familySkeleton).toMatch(/^[A-Z ]*$/);
      }),
    );
  });
});
