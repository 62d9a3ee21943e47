// biome-ignore-all format: a place a line, as a table reads
/** Where demo producers are: the cities of each province, its landline area code and a weight for spreading population-bound industries (roughly by population). */

export interface Place {
  code: string;
  /** Short name used by the industry tables. */
  key: string;
  area: string;
  weight: number;
  /** Persian and English names; the first is the capital. */
  cities: readonly (readonly [string, string])[];
}

export const PLACES: readonly Place[] = [
  { code: 'IR-00', key: 'markazi', area: '086', weight: 2, cities: [['اراک', 'Arak'], ['ساوه', 'Saveh'], ['خمین', 'Khomein'], ['محلات', 'Mahallat'], ['دلیجان', 'Delijan'], ['شازند', 'Shazand']] },
  { code: 'IR-01', key: 'gilan', area: '013', weight: 3, cities: [['رشت', 'Rasht'], ['بندر انزلی', 'Bandar Anzali'], ['لاهیجان', 'Lahijan'], ['رودبار', 'Rudbar'], ['فومن', 'Fuman'], ['لنگرود', 'Langarud'], ['آستارا', 'Astara']] },
  { code: 'IR-02', key: 'mazandaran', area: '011', weight: 4, cities: [['ساری', 'Sari'], ['آمل', 'Amol'], ['بابل', 'Babol'], ['قائم‌شهر', 'Qaem Shahr'], ['نکا', 'Neka'], ['تنکابن', 'Tonekabon']] },
  { code: 'IR-03', key: 'eazar', area: '041', weight: 5, cities: [['تبریز', 'Tabriz'], ['مراغه', 'Maragheh'], ['مرند', 'Marand'], ['میانه', 'Mianeh'], ['اهر', 'Ahar'], ['بناب', 'Bonab'], ['آذرشهر', 'Azarshahr']] },
  { code: 'IR-04', key: 'wazar', area: '044', weight: 3, cities: [['ارومیه', 'Urmia'], ['خوی', 'Khoy'], ['مهاباد', 'Mahabad'], ['میاندوآب', 'Miandoab'], ['سلماس', 'Salmas'], ['بوکان', 'Bukan']] },
  { code: 'IR-05', key: 'kermanshah', area: '083', weight: 2, cities: [['کرمانشاه', 'Kermanshah'], ['اسلام‌آباد غرب', 'Eslamabad-e Gharb'], ['کنگاور', 'Kangavar'], ['هرسین', 'Harsin'], ['سنقر', 'Sonqor']] },
  { code: 'IR-06', key: 'khuzestan', area: '061', weight: 5, cities: [['اهواز', 'Ahvaz'], ['آبادان', 'Abadan'], ['ماهشهر', 'Mahshahr'], ['دزفول', 'Dezful'], ['شوشتر', 'Shushtar'], ['بهبهان', 'Behbahan']] },
  { code: 'IR-07', key: 'fars', area: '071', weight: 5, cities: [['شیراز', 'Shiraz'], ['مرودشت', 'Marvdasht'], ['کازرون', 'Kazerun'], ['جهرم', 'Jahrom'], ['فسا', 'Fasa'], ['استهبان', 'Estahban'], ['آباده', 'Abadeh']] },
  { code: 'IR-08', key: 'kerman', area: '034', weight: 3, cities: [['کرمان', 'Kerman'], ['رفسنجان', 'Rafsanjan'], ['سیرجان', 'Sirjan'], ['بم', 'Bam'], ['جیرفت', 'Jiroft'], ['زرند', 'Zarand'], ['شهربابک', 'Shahr-e Babak']] },
  { code: 'IR-09', key: 'rkhorasan', area: '051', weight: 7, cities: [['مشهد', 'Mashhad'], ['نیشابور', 'Neyshabur'], ['سبزوار', 'Sabzevar'], ['تربت حیدریه', 'Torbat-e Heydarieh'], ['قوچان', 'Quchan'], ['کاشمر', 'Kashmar'], ['گناباد', 'Gonabad']] },
  { code: 'IR-10', key: 'isfahan', area: '031', weight: 6, cities: [['اصفهان', 'Isfahan'], ['کاشان', 'Kashan'], ['نجف‌آباد', 'Najafabad'], ['مبارکه', 'Mobarakeh'], ['شاهین‌شهر', 'Shahin Shahr'], ['آران و بیدگل', 'Aran va Bidgol'], ['نایین', 'Nain']] },
  { code: 'IR-11', key: 'sistan', area: '054', weight: 3, cities: [['زاهدان', 'Zahedan'], ['چابهار', 'Chabahar'], ['زابل', 'Zabol'], ['ایرانشهر', 'Iranshahr'], ['خاش', 'Khash']] },
  { code: 'IR-12', key: 'kurdistan', area: '087', weight: 2, cities: [['سنندج', 'Sanandaj'], ['سقز', 'Saqqez'], ['مریوان', 'Marivan'], ['بانه', 'Baneh'], ['قروه', 'Qorveh'], ['بیجار', 'Bijar']] },
  { code: 'IR-13', key: 'hamadan', area: '081', weight: 2, cities: [['همدان', 'Hamadan'], ['ملایر', 'Malayer'], ['نهاوند', 'Nahavand'], ['تویسرکان', 'Tuyserkan'], ['لالجین', 'Lalejin']] },
  { code: 'IR-14', key: 'chb', area: '038', weight: 1, cities: [['شهرکرد', 'Shahrekord'], ['بروجن', 'Borujen'], ['فارسان', 'Farsan'], ['لردگان', 'Lordegan']] },
  { code: 'IR-15', key: 'lorestan', area: '066', weight: 2, cities: [['خرم‌آباد', 'Khorramabad'], ['بروجرد', 'Borujerd'], ['دورود', 'Dorud'], ['الیگودرز', 'Aligudarz'], ['ازنا', 'Azna']] },
  { code: 'IR-16', key: 'ilam', area: '084', weight: 1, cities: [['ایلام', 'Ilam'], ['دهلران', 'Dehloran'], ['مهران', 'Mehran'], ['ایوان', 'Eyvan'], ['آبدانان', 'Abdanan']] },
  { code: 'IR-17', key: 'kb', area: '074', weight: 1, cities: [['یاسوج', 'Yasuj'], ['دوگنبدان', 'Dogonbadan'], ['دهدشت', 'Dehdasht'], ['سی‌سخت', 'Sisakht']] },
  { code: 'IR-18', key: 'bushehr', area: '077', weight: 1, cities: [['بوشهر', 'Bushehr'], ['عسلویه', 'Asaluyeh'], ['کنگان', 'Kangan'], ['برازجان', 'Borazjan'], ['جم', 'Jam']] },
  { code: 'IR-19', key: 'zanjan', area: '024', weight: 1, cities: [['زنجان', 'Zanjan'], ['ابهر', 'Abhar'], ['خرمدره', 'Khorramdarreh'], ['قیدار', 'Qeydar'], ['آب‌بر', 'Ab Bar']] },
  { code: 'IR-20', key: 'semnan', area: '023', weight: 1, cities: [['سمنان', 'Semnan'], ['شاهرود', 'Shahrud'], ['دامغان', 'Damghan'], ['گرمسار', 'Garmsar']] },
  { code: 'IR-21', key: 'yazd', area: '035', weight: 1, cities: [['یزد', 'Yazd'], ['اردکان', 'Ardakan'], ['میبد', 'Meybod'], ['بافق', 'Bafq'], ['تفت', 'Taft'], ['مهریز', 'Mehriz']] },
  { code: 'IR-22', key: 'hormozgan', area: '076', weight: 2, cities: [['بندرعباس', 'Bandar Abbas'], ['قشم', 'Qeshm'], ['میناب', 'Minab'], ['بندر لنگه', 'Bandar Lengeh'], ['کیش', 'Kish']] },
  { code: 'IR-23', key: 'tehran', area: '021', weight: 16, cities: [['تهران', 'Tehran'], ['شهریار', 'Shahriar'], ['اسلامشهر', 'Eslamshahr'], ['ورامین', 'Varamin'], ['ری', 'Rey'], ['پاکدشت', 'Pakdasht'], ['دماوند', 'Damavand']] },
  { code: 'IR-24', key: 'ardabil', area: '045', weight: 1, cities: [['اردبیل', 'Ardabil'], ['مشگین‌شهر', 'Meshginshahr'], ['پارس‌آباد', 'Parsabad'], ['خلخال', 'Khalkhal'], ['سرعین', 'Sarein']] },
  { code: 'IR-25', key: 'qom', area: '025', weight: 1, cities: [['قم', 'Qom'], ['کهک', 'Kahak'], ['سلفچگان', 'Salafchegan'], ['جعفریه', 'Jafarieh']] },
  { code: 'IR-26', key: 'qazvin', area: '028', weight: 1, cities: [['قزوین', 'Qazvin'], ['تاکستان', 'Takestan'], ['آبیک', 'Abyek'], ['بوئین‌زهرا', 'Buin Zahra'], ['الوند', 'Alvand']] },
  { code: 'IR-27', key: 'golestan', area: '017', weight: 2, cities: [['گرگان', 'Gorgan'], ['گنبد کاووس', 'Gonbad-e Kavus'], ['علی‌آباد کتول', 'Aliabad-e Katul'], ['آق‌قلا', 'Aqqala'], ['بندر ترکمن', 'Bandar Torkaman']] },
  { code: 'IR-28', key: 'nkhorasan', area: '058', weight: 1, cities: [['بجنورد', 'Bojnurd'], ['شیروان', 'Shirvan'], ['اسفراین', 'Esfarayen'], ['جاجرم', 'Jajarm']] },
  { code: 'IR-29', key: 'skhorasan', area: '056', weight: 1, cities: [['بیرجند', 'Birjand'], ['قائن', 'Qaen'], ['فردوس', 'Ferdows'], ['طبس', 'Tabas'], ['سرایان', 'Sarayan']] },
  { code: 'IR-30', key: 'alborz', area: '026', weight: 3, cities: [['کرج', 'Karaj'], ['هشتگرد', 'Hashtgerd'], ['نظرآباد', 'Nazarabad'], ['اشتهارد', 'Eshtehard'], ['فردیس', 'Fardis']] },
];

/** The export destinations the tables name, with their Persian and English names. */
export const COUNTRIES: Readonly<Record<string, readonly [string, string]>> = {
  AE: ['امارات متحده عربی', 'the United Arab Emirates'],
  AF: ['افغانستان', 'Afghanistan'],
  AM: ['ارمنستان', 'Armenia'],
  AZ: ['جمهوری آذربایجان', 'Azerbaijan'],
  BH: ['بحرین', 'Bahrain'],
  BY: ['بلاروس', 'Belarus'],
  CN: ['چین', 'China'],
  DE: ['آلمان', 'Germany'],
  ES: ['اسپانیا', 'Spain'],
  FR: ['فرانسه', 'France'],
  GE: ['گرجستان', 'Georgia'],
  HK: ['هنگ‌کنگ', 'Hong Kong'],
  IN: ['هند', 'India'],
  IQ: ['عراق', 'Iraq'],
  IT: ['ایتالیا', 'Italy'],
  JP: ['ژاپن', 'Japan'],
  KE: ['کنیا', 'Kenya'],
  KW: ['کویت', 'Kuwait'],
  KZ: ['قزاقستان', 'Kazakhstan'],
  LB: ['لبنان', 'Lebanon'],
  MY: ['مالزی', 'Malaysia'],
  OM: ['عمان', 'Oman'],
  PK: ['پاکستان', 'Pakistan'],
  QA: ['قطر', 'Qatar'],
  RU: ['روسیه', 'Russia'],
  SY: ['سوریه', 'Syria'],
  TJ: ['تاجیکستان', 'Tajikistan'],
  TM: ['ترکمنستان', 'Turkmenistan'],
  TR: ['ترکیه', 'Turkey'],
  UZ: ['ازبکستان', 'Uzbekistan'],
  VE: ['ونزوئلا', 'Venezuela'],
  VN: ['ویتنام', 'Vietnam'],
};

/** Words Iranian firms and brands are named after: mountains, rivers, poets, gems, good omens. */
export const NAME_WORDS: readonly (readonly [string, string])[] = [
  ['آریا', 'Arya'], ['پارس', 'Pars'], ['البرز', 'Alborz'], ['دماوند', 'Damavand'], ['زاگرس', 'Zagros'],
  ['سپاهان', 'Sepahan'], ['کوثر', 'Kowsar'], ['مهر', 'Mehr'], ['نگین', 'Negin'], ['طلوع', 'Tolou'],
  ['سپید', 'Sepid'], ['آفتاب', 'Aftab'], ['ستاره', 'Setareh'], ['بهار', 'Bahar'], ['آرمان', 'Arman'],
  ['پیشگام', 'Pishgam'], ['نوین', 'Novin'], ['کیان', 'Kian'], ['آوا', 'Ava'], ['سیمرغ', 'Simorgh'],
  ['هما', 'Homa'], ['آناهیتا', 'Anahita'], ['مهرگان', 'Mehregan'], ['کاوه', 'Kaveh'], ['آرش', 'Arash'],
  ['سهند', 'Sahand'], ['سبلان', 'Sabalan'], ['الوند', 'Alvand'], ['تفتان', 'Taftan'], ['بینالود', 'Binalud'],
  ['کارون', 'Karun'], ['هیرمند', 'Hirmand'], ['سپیدرود', 'Sepidrud'], ['ارغوان', 'Arghavan'], ['یاس', 'Yas'],
  ['نیلوفر', 'Niloufar'], ['شقایق', 'Shaghayegh'], ['پرند', 'Parand'], ['رخشان', 'Rakhshan'], ['درخشان', 'Derakhshan'],
  ['فردوس', 'Ferdows'], ['مینا', 'Mina'], ['ایران‌زمین', 'Iranzamin'], ['آذر', 'Azar'], ['پویا', 'Pouya'],
  ['پیروز', 'Pirouz'], ['صدف', 'Sadaf'], ['سعدی', 'Saadi'], ['حافظ', 'Hafez'], ['خیام', 'Khayyam'],
  ['عطار', 'Attar'], ['نظامی', 'Nezami'], ['رودکی', 'Rudaki'], ['شهریار', 'Shahriar'], ['پروین', 'Parvin'],
  ['آسمان', 'Aseman'], ['کهکشان', 'Kahkeshan'], ['مروارید', 'Morvarid'], ['فیروزه', 'Firouzeh'], ['یاقوت', 'Yaghout'],
  ['زمرد', 'Zomorrod'], ['الماس', 'Almas'], ['اطلس', 'Atlas'], ['ارس', 'Aras'], ['تندیس', 'Tandis'],
  ['رایان', 'Rayan'], ['نقش جهان', 'Naghsh-e Jahan'], ['شایان', 'Shayan'], ['سورنا', 'Surena'], ['آریان', 'Arian'],
  ['مهیار', 'Mahyar'], ['کیمیا', 'Kimia'], ['نوید', 'Navid'], ['فجر', 'Fajr'], ['بامداد', 'Bamdad'],
  ['سحر', 'Sahar'], ['افق', 'Ofogh'], ['ترنج', 'Toranj'], ['پرنیان', 'Parnian'], ['دیبا', 'Diba'],
  ['ساحل', 'Sahel'], ['دریا', 'Darya'], ['نسیم', 'Nasim'], ['چکاد', 'Chakad'], ['آبشار', 'Abshar'],
  ['هامون', 'Hamoun'], ['دنا', 'Dena'], ['سروش', 'Soroush'], ['رستاک', 'Rastak'], ['آیدا', 'Aida'],
  ['گلستان', 'Golestan'], ['بهاران', 'Baharan'], ['مهتاب', 'Mahtab'], ['ماهور', 'Mahour'], ['نارون', 'Narvan'],
];

/** Streets of industrial estates. */
export const STREETS: readonly string[] = [
  'خیابان صنعت', 'بلوار کارآفرین', 'خیابان نوآوری', 'بلوار تولید', 'خیابان یکم', 'خیابان سوم',
  'خیابان پنجم', 'بلوار صنایع', 'خیابان بهارستان', 'خیابان فن‌آوران', 'بلوار اصلی', 'خیابان لاله',
];
