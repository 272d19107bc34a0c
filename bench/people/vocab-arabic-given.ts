// Arabic, Farsi/Dari and Pashto given names in Arabic script with their usual Latin romanisations, most
// common first. Line format: script ; sex ; subgroups (A Arabic, F Farsi/Dari, P Pashto) ; romanisations as
// written in the Arab world ; optionally the romanisations used for Iranians and Afghans (Hossein, Fatemeh).
// Script forms are Arabic spelling; Farsi/Pashto records get ی ک ه through toPersianLetters.
import { codePoints } from './rng.js';

/** A subgroup of the Arabic-script population: it decides spelling, romanisation and nationality. */
export type ArabicSubgroup = 'arabic' | 'farsi' | 'pashto';

/** A name in Arabic script with its Latin romanisation variants (first = most usual) per subgroup. */
export interface ArabicName {
  script: string;
  sex: 'M' | 'F' | '';
  subgroups: readonly ArabicSubgroup[];
  latin: readonly string[];
  latinPersian: readonly string[];
}

const GIVEN = `محمد;M;AFP;Mohammad,Muhammad,Mohamed,Mohammed,Mouhamed,Mohamad;Mohammad,Mohamad,Muhammad,Mohammed
أحمد;M;AFP;Ahmad,Ahmed,Ahmet;Ahmad,Ahmed
علي;M;AFP;Ali,Aly,Alee
حسين;M;AFP;Hussein,Husain,Hussain,Hussien,Hossein;Hossein,Hosein,Hussain,Husain
حسن;M;AFP;Hassan,Hasan,Hassane;Hassan,Hasan
فاطمة;F;AFP;Fatima,Fatma,Fatimah,Fatemeh;Fatemeh,Fateme,Fatima
مريم;F;AFP;Maryam,Mariam,Meryem,Miriam;Maryam,Mariam
محمود;M;AFP;Mahmoud,Mahmud,Mahmood;Mahmood,Mahmud,Mahmoud
زينب;F;AFP;Zainab,Zeinab,Zaynab,Zeynab;Zeinab,Zainab,Zeynab
مصطفى;M;AFP;Mustafa,Mostafa,Moustafa,Mustapha;Mostafa,Mustafa
عائشة;F;AP;Aisha,Aysha,Ayesha,Aicha;Aisha,Ayesha
خالد;M;AP;Khaled,Khalid,Haled;Khalid,Khaled
عمر;M;AP;Omar,Umar,Omer;Omar,Umar
يوسف;M;AFP;Youssef,Yousef,Yusuf,Yousif,Yusef;Yousef,Yusuf,Yosef
إبراهيم;M;AFP;Ibrahim,Ebrahim,Brahim,Ibraheem;Ebrahim,Ibrahim
خديجة;F;AFP;Khadija,Khadijah,Khadidja,Khadijeh;Khadijeh,Khadija
عبدالله;M;AFP;Abdullah,Abdallah,Abdulla,Abd Allah;Abdullah,Abdollah,Abdulla
نور;F;AFP;Nour,Noor,Nur;Noor,Nour,Nur
رضا;M;F;Reza,Rida,Ridha;Reza,Rida
عبدالرحمن;M;AP;Abdulrahman,Abdel Rahman,Abd al-Rahman,Abdurrahman;Abdulrahman,Abdolrahman,Abdul Rahman
سارة;F;AFP;Sara,Sarah;Sara,Sarah
مهدي;M;AF;Mahdi,Mehdi;Mehdi,Mahdi
ليلى;F;AFP;Layla,Leila,Laila,Leyla;Leila,Laila,Leyla
جعفر;M;AFP;Jafar,Jaafar,Jafer;Jafar,Jafer
قاسم;M;AFP;Qasim,Kassem,Qassem,Kasim;Ghasem,Qasim,Kasim
هدى;F;A;Huda,Hoda,Houda;Hoda,Huda
كريم;M;AFP;Karim,Kareem;Karim,Kareem
رحيم;M;AFP;Rahim,Raheem;Rahim,Raheem
جواد;M;AF;Jawad,Javad;Javad,Jawad
بلال;M;AP;Bilal,Belal;Bilal,Belal
آمنة;F;AFP;Amina,Amna,Aminah;Ameneh,Amina,Amena
طارق;M;AP;Tariq,Tarek,Tarik;Tariq,Tarek
زياد;M;A;Ziad,Ziyad;Ziad,Ziyad
رنا;F;A;Rana;Rana
سامي;M;A;Sami,Samy;Sami
رشا;F;A;Rasha;Rasha
ماجد;M;A;Majed,Majid,Madjid;Majid,Majed
وليد;M;AP;Walid,Waleed;Walid,Waleed
ريم;F;A;Reem,Rim;Reem
فراس;M;A;Firas,Feras;Firas
دعاء;F;A;Doaa,Duaa,Doa;Doaa,Duaa
رامي;M;A;Rami,Ramy;Rami
عماد;M;A;Imad,Emad;Emad,Imad
سمية;F;AFP;Sumaya,Somaya,Soumaya,Sumayyah;Somayeh,Sumaya
إياد;M;A;Iyad,Eyad;Iyad,Eyad
أيمن;M;A;Ayman,Aiman;Ayman,Aiman
حليمة;F;AFP;Halima,Halimeh;Halimeh,Halima
أنس;M;A;Anas,Anass;Anas
حمزة;M;AFP;Hamza,Hamzah,Hamze;Hamzeh,Hamza
زهراء;F;AFP;Zahraa,Zahra,Zehra;Zahra,Zohra
عثمان;M;AP;Othman,Osman,Uthman;Osman,Usman,Othman
سكينة;F;AFP;Sakina,Sakinah;Sakineh,Sakina
إسماعيل;M;AFP;Ismail,Ismael,Esmail;Esmail,Ismail
معصومة;F;FP;Masuma,Masouma,Masooma;Masoumeh,Masuma,Masooma
موسى;M;AFP;Musa,Mousa,Moussa;Mousa,Musa
رقية;F;AFP;Ruqaya,Ruqayya,Roqia;Roghayeh,Roqia,Ruqia
عيسى;M;AFP;Issa,Isa,Eissa;Isa,Eisa
نرجس;F;FP;Narjis,Nargis;Narges,Nargis
داود;M;AFP;Dawood,Daoud,Dawud;Davood,Dawood,Dawud
شيماء;F;A;Shaimaa,Shaima,Chaima;Shaima
سليمان;M;AFP;Suleiman,Sulaiman,Soleiman,Sleiman;Soleyman,Sulaiman,Soleiman
أسماء;F;AP;Asmaa,Asma;Asma
ياسر;M;AF;Yasser,Yasir,Yaser;Yaser,Yasir
إيمان;F;AF;Iman,Eman,Imane;Iman
ناصر;M;AFP;Nasser,Naser,Nasir;Naser,Nasir
منصور;M;AFP;Mansour,Mansoor,Mansur;Mansour,Mansoor
هالة;F;A;Hala;Hala
جمال;M;AFP;Jamal,Gamal,Djamal;Jamal
لينا;F;A;Lina,Leena;Lina
كمال;M;AF;Kamal,Kemal;Kamal
رهف;F;A;Rahaf;Rahaf
فيصل;M;AP;Faisal,Faysal,Feisal;Faisal,Faysal
جنى;F;A;Jana,Janna;Jana
صالح;M;AFP;Saleh,Salih;Saleh,Salih
سلمى;F;A;Salma,Selma;Salma
صلاح;M;A;Salah,Slah;Salah
دانة;F;A;Dana;Dana
عادل;M;AF;Adel,Adil;Adel,Adil
ياسمين;F;AF;Yasmin,Yasmine,Jasmin,Yasameen;Yasaman,Yasmin
هاني;M;A;Hani,Hany;Hani
نسرين;F;AF;Nisreen,Nesrine,Nasrin;Nasrin,Nesrin
نبيل;M;A;Nabil,Nabeel;Nabil
شيرين;F;AF;Shireen,Sherine,Shirin;Shirin,Shireen
باسل;M;A;Basel,Basil,Bassel;Basel
بتول;F;AF;Batoul,Batool,Batul;Batool,Batoul
مازن;M;A;Mazen,Mazin;Mazen
غزال;F;FP;Ghazal;Ghazal,Ghezal
حيدر;M;AFP;Haidar,Haider,Hayder,Heidar;Heidar,Haidar,Hyder
پروانه;F;FP;Parvaneh,Parwana;Parwana,Parvaneh,Parvana
عباس;M;AFP;Abbas,Abas;Abbas,Abas
گلناز;F;FP;Golnaz,Gulnaz;Gulnaz,Golnaz
كاظم;M;AF;Kadhim,Kazem,Kazim;Kazem,Kazim
فرشته;F;FP;Fereshteh,Freshta,Fereshta;Freshta,Fereshteh,Fereshta
أمير;M;AFP;Amir,Ameer;Amir,Ameer
شكيلا;F;FP;Shakila,Shakeela;Shakila,Shakeela
أمين;M;AFP;Amin,Ameen;Amin,Ameen
زرغونه;F;P;Zarghona,Zarghuna;Zarghona,Zarghuna
شريف;M;AFP;Sharif,Sherif,Shareef;Sharif,Shareef
ملالی;F;P;Malalai,Malalay;Malalai,Malalay
نادر;M;AFP;Nader,Nadir;Nader,Nadir
نازنين;F;F;Nazanin;Nazanin,Nazaneen
رشيد;M;AFP;Rashid,Rachid,Rasheed;Rashid,Rasheed
مينا;F;FP;Mina,Meena;Mina,Meena
ظاهر;M;FP;Zaher,Zahir,Dhaher;Zahir,Zaher
سحر;F;AF;Sahar;Sahar
غلام;M;FP;Ghulam,Gholam;Ghulam,Gholam,Golam
سميرة;F;AF;Samira,Sameera;Samira,Sameera
نجيب;M;AFP;Najib,Najeeb,Nagib;Najib,Najeeb
منيرة;F;AF;Munira,Mounira;Monireh,Munira
حبيب;M;AFP;Habib,Habeeb;Habib,Habeeb
وفاء;F;A;Wafaa,Wafa;Wafa
فريد;M;AFP;Farid,Fareed;Farid,Fareed
ولاء;F;A;Walaa,Wala;Walaa
وحيد;M;AFP;Wahid,Waheed;Vahid,Wahid,Waheed
هيفاء;F;A;Haifa,Hayfa;Haifa
حميد;M;AFP;Hamid,Hameed;Hamid,Hameed
نادية;F;AF;Nadia,Nadya;Nadia
سعد;M;A;Saad,Sa'ad;Saad
سعاد;F;A;Souad,Suad,Soad;Soad
عمار;M;A;Ammar,Amar;Ammar
فرح;F;AF;Farah;Farah
أسامة;M;A;Osama,Usama,Oussama;Osama,Usama
لمى;F;A;Lama;Lama
هشام;M;A;Hisham,Hicham,Hesham;Hesham,Hisham
تسنيم;F;A;Tasnim,Tasneem;Tasnim
جلال;M;AFP;Jalal,Djalal;Jalal
ملك;F;A;Malak;Malak
شفيق;M;AFP;Shafiq,Chafik,Shafik;Shafiq,Shafigh
حنان;F;A;Hanan;Hanan
رفيق;M;AF;Rafiq,Rafik,Rafeeq;Rafigh,Rafiq
عبير;F;A;Abeer,Abir;Abir
عزيز;M;AFP;Aziz,Azeez;Aziz
نجلاء;F;A;Najlaa,Najla;Najla
ولي;M;FP;Wali,Vali;Wali,Vali
سناء;F;A;Sanaa,Sana;Sana
فرهاد;M;F;Farhad,Ferhad;Farhad,Ferhad
هبة;F;A;Heba,Hiba;Hiba,Heba
بهروز;M;F;Behrouz,Behrooz;Behrouz,Behrooz,Bahrouz
غادة;F;A;Ghada;Ghada
داريوش;M;F;Dariush,Daryoush;Dariush,Daryoush,Darioush
كوثر;F;AFP;Kawthar,Kausar;Kowsar,Kausar,Kawsar
مرتضى;M;AF;Murtada,Mortada,Murtaza;Morteza,Murtaza,Mortaza
مرضية;F;FP;Mardiya,Marzia;Marzieh,Marzia,Marziyeh
مجتبى;M;AF;Mujtaba,Mojtaba;Mojtaba,Mujtaba
صغرى;F;FP;Sughra,Soghra;Soghra,Sughra
سجاد;M;AFP;Sajjad,Sajad;Sajad,Sajjad
كلثوم;F;AFP;Kulthum,Kolthoum;Kulsum,Kolsoum,Kulsoom
امید;M;FP;Omid,Omeed;Omid,Omeed
رامين;M;F;Ramin;Ramin
سهراب;M;FP;Sohrab,Suhrab;Sohrab,Suhrab
فرشاد;M;F;Farshad;Farshad
نويد;M;FP;Navid,Naveed;Navid,Naveed,Nawid
حامد;M;AFP;Hamed,Haamed;Hamed,Hamid
شاهين;M;F;Shahin,Shaheen;Shahin,Shaheen
أسدالله;M;FP;Asadullah,Asadollah;Asadullah,Asadollah
نصرالله;M;AFP;Nasrallah,Nasrullah;Nasrullah,Nasrollah
حبيب‌الله;M;FP;Habibullah,Habibollah;Habibullah,Habibollah
ذبيح‌الله;M;FP;Zabihullah,Zabiullah;Zabihullah,Zabiullah,Zabihollah
نجيب‌الله;M;P;Najibullah,Najeebullah;Najibullah,Najeebullah
گل;M;P;Gul,Gol;Gul,Gol
أكبر;M;FP;Akbar;Akbar
أصغر;M;FP;Asghar,Asgar;Asghar,Asgar
سميع‌الله;M;P;Samiullah,Sami Ullah;Samiullah,Sami Ullah
عبدالرحيم;M;AFP;Abdulrahim,Abdul Rahim,Abdel Rahim;Abdul Rahim,Abdulrahim
شير;M;P;Sher,Shir;Sher,Shir
حكمت;M;AFP;Hikmat,Hekmat;Hekmat,Hikmat
رحمت‌الله;M;P;Rahmatullah,Rahmatollah;Rahmatullah,Rahmatollah
عبدالكريم;M;AP;Abdulkarim,Abdel Karim,Abdul Karim;Abdul Karim,Abdulkarim
عبدالعزيز;M;AP;Abdulaziz,Abdel Aziz,Abdul Aziz;Abdul Aziz,Abdulaziz
سعيد;M;AFP;Said,Saeed,Saied;Saeed,Saeid,Said
عبدالغني;M;P;Abdulghani,Abdul Ghani;Abdul Ghani,Abdulghani`;

const SUBGROUP_CODES: Record<string, ArabicSubgroup> = { A: 'arabic', F: 'farsi', P: 'pashto' };

/** Parses the ';'-separated name lines shared by the given-name and family-name lists. */
export function parseArabicNames(block: string): ArabicName[] {
  const names: ArabicName[] = [];
  for (const line of block.split('\n')) {
    const [script = '', sex = '', groups = '', latin = '', persian = ''] = line.trim().split(';');
    if (!script || !latin) continue;
    const subgroups = codePoints(groups)
      .map((c) => SUBGROUP_CODES[c])
      .filter((g): g is ArabicSubgroup => g !== undefined);
    const latinVariants = latin.split(',').map((v) => v.trim());
    names.push({
      script,
      sex: sex === 'M' || sex === 'F' ? sex : '',
      subgroups,
      latin: latinVariants,
      latinPersian: persian ? persian.split(',').map((v) => v.trim()) : latinVariants,
    });
  }
  return names;
}

/** Arabic-script given names, most common first. */
export const ARABIC_GIVEN: readonly ArabicName[] = parseArabicNames(GIVEN);

/** Rewrites Arabic letters the way Farsi and Pashto spell them (ي→ی, ك→ک, ة→ه, final ى→ی). */
export function toPersianLetters(text: string): string {
  return text.replace(/ي/g, 'ی').replace(/ك/g, 'ک').replace(/ة/g, 'ه').replace(/ى/g, 'ی');
}
