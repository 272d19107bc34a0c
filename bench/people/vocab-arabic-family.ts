// Arabic-script family names: a hand-written list of common Syrian, Iraqi, Palestinian, Iranian and Afghan
// family names, then compositional ones built from given names the way the languages build them
// (al-X and Abu X in Arabic; X-i, X-zadeh, X-pour in Farsi; X-zai in Pashto).
import { ARABIC_GIVEN, parseArabicNames, toPersianLetters, type ArabicName, type ArabicSubgroup } from './vocab-arabic-given.js';

const FAMILY = `حداد;;A;Haddad,Hadad,Al-Haddad
خليل;;A;Khalil,Khaleel,Halil
نجار;;A;Najjar,Naggar,Al-Najjar
حمدان;;A;Hamdan,Hamadan
درويش;;A;Darwish,Darwiche,Derwish
خوري;;A;Khoury,Khouri,Khuri
شامي;;A;Shami,Chami,Al-Shami
حلبي;;A;Halabi,Halaby,Al-Halabi
جابر;;A;Jaber,Jabir
العلي;;A;Al-Ali,Al Ali,Alali,El Ali
الأحمد;;A;Al-Ahmad,Al Ahmad,Alahmad,Al-Ahmed
المصري;;A;Al-Masri,El Masry,Masri,Al Masri
الحمصي;;A;Al-Homsi,Homsi,Al Homsi
الشيخ;;A;Al-Sheikh,El Cheikh,Sheikh,Alsheikh
الكردي;;A;Al-Kurdi,Kurdi,Alkurdi
التميمي;;A;Al-Tamimi,At-Tamimi,Tamimi
الجبوري;;A;Al-Jubouri,Al-Jabouri,Jubori,Aljubouri
الدليمي;;A;Al-Dulaimi,Al-Dulaymi,Dulaimi
العبيدي;;A;Al-Obaidi,Al-Ubaidi,Obaidi
الزبيدي;;A;Al-Zubaidi,Zubaidi,Az-Zubaidi
الربيعي;;A;Al-Rubaie,Al-Rubaiy,Rubaie
الساعدي;;A;Al-Saadi,Saadi,As-Saadi
الشمري;;A;Al-Shammari,Shammary,Ash-Shammari
العنزي;;A;Al-Anazi,Enezi,Al-Enezi
الخزرجي;;A;Al-Khazraji,Khazraji
حمود;;A;Hamoud,Hammoud,Hamood
زيدان;;A;Zaidan,Zeidan,Zidane
عودة;;A;Odeh,Ouda,Awda
نصار;;A;Nassar,Nasar
عيد;;A;Eid,Id,Ead
بكر;;A;Bakr,Bakir,Baker
عمران;;A;Imran,Omran
رمضان;;AF;Ramadan,Ramazan,Ramadhan
شعبان;;A;Shaaban,Chaabane,Shaban
سلامة;;A;Salameh,Salama,Salame
الحاج;;A;Al-Hajj,El Hajj,Haj,Al-Haj
عطية;;A;Atiyeh,Attia,Atieh
غنيم;;A;Ghoneim,Ghonaim,Ghuneim
مراد;;AF;Mourad,Murad,Morad
كيالي;;A;Kayyali,Kayali,Kayyaly
قباني;;A;Kabbani,Qabbani,Kabani
شهاب;;A;Shehab,Shihab,Chehab
الحلو;;A;Al-Helou,Helou,El Helou
قدور;;A;Kaddour,Qaddour,Kadour
عبدو;;A;Abdo,Abdou,Abdu
سويد;;A;Sweid,Suwaid,Swaid
نعمة;;A;Nehme,Nimeh,Neamah
الأسعد;;A;Al-Asaad,Al-Asad,Asaad
البغدادي;;A;Al-Baghdadi,Baghdadi
الموصلي;;A;Al-Mousili,Al-Mosuli,Mosuli
الحسيني;;A;Al-Husseini,Al-Hussaini,Husseini
الدمشقي;;A;Al-Dimashqi,Dimashki
الإدلبي;;A;Al-Idlibi,Idlibi
الحوراني;;A;Al-Hourani,Hourani,Horani
العمر;;A;Al-Omar,Al Omar,Alomar
الصالح;;A;Al-Saleh,Al Saleh,Alsaleh
الحسن;;A;Al-Hassan,Al Hassan,Alhassan,El Hassan
الخطيب;;A;Al-Khatib,Khatib,El Khatib
الهاشمي;;A;Al-Hashimi,Hashemi,Al-Hashemi
الرفاعي;;A;Al-Rifai,Rifai,Ar-Rifai
الفرا;;A;Al-Farra,Farra
ابو زيد;;A;Abu Zaid,Abou Zeid,Abuzaid
ابو علي;;A;Abu Ali,Abou Ali,Abuali
احمدي;;FP;Ahmadi,Ahmady,Ahmedi
محمدي;;FP;Mohammadi,Mohamadi,Muhammadi
حسيني;;FP;Hosseini,Husseini,Hosaini,Hussaini
رضايي;;F;Rezaei,Rezaee,Rezayi,Rezai
كريمي;;FP;Karimi,Karimy
رحيمي;;FP;Rahimi,Rahimy
جعفري;;FP;Jafari,Jafary,Jaafari
صادقي;;FP;Sadeghi,Sadiqi,Sadeqi
حيدري;;FP;Heidari,Haidari,Hydari,Haydari
موسوي;;FP;Mousavi,Musavi,Moosavi,Musawi
نوري;;FP;Noori,Nouri,Nuri
هاشمي;;FP;Hashemi,Hashimi
عزيزي;;FP;Azizi,Azizy
قرباني;;FP;Ghorbani,Qurbani,Qorbani
اميري;;FP;Amiri,Ameeri
يعقوبي;;FP;Yaghoubi,Yaqubi,Yakubi,Yaqoobi
نظري;;FP;Nazari,Nazary
رسولي;;FP;Rasouli,Rasuli,Rasooli
كاظمي;;FP;Kazemi,Kazimi
ابراهيمي;;FP;Ebrahimi,Ibrahimi
سلطاني;;FP;Soltani,Sultani
اكبري;;F;Akbari,Akbary
عباسي;;FP;Abbasi,Abasi
پوپل;;P;Popal,Popul
دراني;;P;Durrani,Durani
ستانكزي;;P;Stanikzai,Stanekzai,Stanakzai
وردك;;P;Wardak,Wardag,Vardak
صافي;;P;Safi,Safee
حكيمي;;FP;Hakimi,Hakeemi
نيازي;;P;Niazi,Niyazi
يوسفزي;;P;Yousafzai,Yusufzai,Yousufzai
كاكر;;P;Kakar,Kakkar
شينواري;;P;Shinwari,Shinwary
مومند;;P;Momand,Mohmand
قادري;;FP;Qaderi,Ghaderi,Qadiri
رحماني;;FP;Rahmani,Rahmany
نورزي;;P;Noorzai,Nurzai,Noorzay
عليزي;;P;Alizai,Alizay
باركزي;;P;Barakzai,Barakzay
اچكزي;;P;Achakzai,Achekzai
سادات;;FP;Sadat,Sadaat
اميني;;FP;Amini,Ameeni
توحيدي;;FP;Tohidi,Tawhidi
جلالي;;FP;Jalali,Djalali
ظاهري;;FP;Zaheri,Zahiri
هزاره;;F;Hazara,Hazarah
تاجيك;;F;Tajik,Tadjik
نيكزاد;;F;Nikzad,Nickzad
رستمي;;F;Rostami,Rustami
مرادي;;F;Moradi,Muradi
بهرامي;;F;Bahrami,Bahramy
صفري;;F;Safari,Safary
شريفي;;FP;Sharifi,Sharify
فرهادي;;F;Farhadi,Ferhadi
نادري;;F;Naderi,Nadiri
خاني;;FP;Khani,Khany
ميرزايي;;F;Mirzaei,Mirzayi,Mirzai
سروري;;F;Sarvari,Sarwari
ملكي;;F;Maleki,Maliki
حيدرزاده;;F;Heidarzadeh,Haidarzada`;

// Given names whose script form and first romanisation compose cleanly into family names.
const COMPOSABLE = ARABIC_GIVEN.filter(
  (n) => n.sex === 'M' && !n.script.includes('\u200c') && !n.script.startsWith('عبد') && n.script.length <= 6,
);

function variants(base: readonly string[], make: (v: string) => readonly string[], limit: number): string[] {
  const out = new Set<string>();
  for (const v of base) for (const w of make(v)) out.add(w);
  return [...out].slice(0, limit);
}

// Latin forms ending in a vowel take the Farsi ‑i badly (Ali‑i); those roots get only the other patterns.
function endsInVowel(latin: string): boolean {
  return /[aeiouy]$/i.test(latin);
}

function compose(): ArabicName[] {
  const out: ArabicName[] = [];
  const make = (script: string, subgroups: ArabicSubgroup[], latin: string[]): void => {
    out.push({ script, sex: '', subgroups, latin, latinPersian: latin });
  };
  for (const given of COMPOSABLE) {
    const first = given.latin.slice(0, 3);
    const persian = given.latinPersian.slice(0, 3);
    const bare = given.script.replace(/^[أإآ]/, 'ا');
    if (given.subgroups.includes('arabic')) {
      make(
        `ال${given.script}`,
        ['arabic'],
        variants(first, (v) => [`Al-${v}`, `Al ${v}`, `El-${v}`, `Al${v.toLowerCase()}`], 5),
      );
      make(
        `ابو ${bare}`,
        ['arabic'],
        variants(first, (v) => [`Abu ${v}`, `Abou ${v}`, `Abu-${v}`], 4),
      );
    }
    if ((given.subgroups.includes('farsi') || given.subgroups.includes('pashto')) && !endsInVowel(persian[0] ?? 'a')) {
      make(
        `${bare}ی`,
        ['farsi', 'pashto'],
        variants(persian, (v) => [`${v}i`, `${v}y`, `${v}ee`], 4),
      );
    }
    if (given.subgroups.includes('farsi')) {
      make(
        `${bare}زاده`,
        ['farsi'],
        variants(persian, (v) => [`${v}zadeh`, `${v}zada`, `${v} Zadeh`], 4),
      );
      make(
        `${bare}پور`,
        ['farsi'],
        variants(persian, (v) => [`${v}pour`, `${v}pur`, `${v}poor`], 4),
      );
    }
    if (given.subgroups.includes('pashto')) {
      make(
        `${bare}زی`,
        ['pashto'],
        variants(persian, (v) => [`${v}zai`, `${v}zay`, `${v}zoy`], 4),
      );
    }
  }
  return out;
}

function build(): ArabicName[] {
  const seen = new Set<string>();
  const all: ArabicName[] = [];
  for (const name of [...parseArabicNames(FAMILY), ...compose()]) {
    // احمدي and احمدی are one name once Farsi spelling is applied.
    const key = toPersianLetters(name.script);
    if (seen.has(key)) continue;
    seen.add(key);
    all.push(name);
  }
  return all;
}

/** Arabic-script family names, hand-written common ones first, then composed ones. */
export const ARABIC_FAMILY: readonly ArabicName[] = build();
