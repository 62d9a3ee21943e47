// biome-ignore-all format: an industry a few lines, as a table reads
/**
 * What Iranian factories make: one row per industry (one ISIC class), its goods and their variants.
 * Prices are ex-works IRR per unit at 1403–1404 levels; `imported` is the share of imported inputs.
 */

export type ProductUnit = 'piece' | 'kg' | 'tonne' | 'litre' | 'm' | 'm2' | 'm3' | 'set' | 'pair' | 'box';

/** Persian and English spec, price factor against the good's base price, and a tariff code when it differs. */
export type Variant = readonly [fa: string, en: string, factor?: number, hs?: string];

export interface Good {
  hs: string;
  fa: string;
  en: string;
  unit: ProductUnit;
  price: number;
  imported: number;
  capacity: number;
  /** Model prefix. */
  mp: string;
  /** Attribute the variants set. */
  spec: string;
  variants: readonly Variant[];
  dFa: string;
  dEn: string;
  /** INSO (ISIRI) national standard number. */
  std?: string;
}

export interface Industry {
  isic: string;
  /** The trade word of a firm's name: «شرکت فولاد کوثر», "Kowsar Steel Co.". */
  fa: string;
  en: string;
  /** Place keys (optionally `key/City`) where the industry is; empty means anywhere, by population. */
  where: readonly string[];
  weight: number;
  markets: readonly string[];
  /** Consumer goods carry GS1 barcodes. */
  retail: boolean;
  goods: readonly Good[];
}

export const INDUSTRIES: readonly Industry[] = [
  {
    isic: '2410', fa: 'فولاد', en: 'Steel', weight: 6, retail: false,
    where: ['isfahan', 'isfahan/Mobarakeh', 'khuzestan', 'kerman', 'kerman/Sirjan', 'yazd', 'hormozgan', 'qazvin', 'semnan'],
    markets: ['IQ', 'AF', 'AE', 'OM', 'TR', 'PK', 'SY', 'CN', 'TM'],
    goods: [
      { hs: '72142000', fa: 'میلگرد آجدار', en: 'Deformed steel rebar', unit: 'tonne', price: 280e6, imported: 0.12, capacity: 200_000, mp: 'RB', spec: 'grade and size', std: '3132',
        variants: [['A3 قطر ۱۲', 'A3 Ø12 mm'], ['A3 قطر ۱۶', 'A3 Ø16 mm'], ['A3 قطر ۲۵', 'A3 Ø25 mm'], ['A4 قطر ۲۰', 'A4 Ø20 mm', 1.05], ['A2 قطر ۱۰', 'A2 Ø10 mm', 1.03]],
        dFa: 'میلگرد گرم‌نوردشده برای بتن مسلح، تولیدشده از شمش فولادی در خط نورد پیوسته.', dEn: 'Hot-rolled bar for reinforced concrete, rolled from steel billet on a continuous mill.' },
      { hs: '72071100', fa: 'شمش فولادی (بیلت)', en: 'Steel billet', unit: 'tonne', price: 230e6, imported: 0.15, capacity: 500_000, mp: 'BL', spec: 'section',
        variants: [['مقطع ۱۲۵×۱۲۵ میلی‌متر', '125×125 mm'], ['مقطع ۱۵۰×۱۵۰ میلی‌متر', '150×150 mm'], ['مقطع ۱۳۰×۱۳۰ میلی‌متر', '130×130 mm']],
        dFa: 'شمش ریخته‌گری پیوسته از فولاد کم‌کربن، ساخته‌شده از آهن اسفنجی و قراضه در کورهٔ قوس الکتریکی.', dEn: 'Continuously cast low-carbon steel billet, made from direct-reduced iron and scrap in an electric arc furnace.' },
      { hs: '72083700', fa: 'ورق فولادی گرم‌نورد (کلاف)', en: 'Hot-rolled steel coil', unit: 'tonne', price: 320e6, imported: 0.15, capacity: 800_000, mp: 'HR', spec: 'thickness',
        variants: [['ضخامت ۶ میلی‌متر', '6 mm thick'], ['ضخامت ۸ میلی‌متر', '8 mm thick'], ['ضخامت ۳ میلی‌متر', '3 mm thick', 1.05, '72083900'], ['ضخامت ۴ میلی‌متر', '4 mm thick', 1.03, '72083800']],
        dFa: 'کلاف گرم‌نورد عرض ۱۵۰۰ میلی‌متر از فولاد ساختمانی St37 برای لوله‌سازی و سازه.', dEn: 'Hot-rolled coil, 1500 mm wide, St37 structural steel for pipe making and structures.' },
    ],
  },
  {
    isic: '2420', fa: 'مس', en: 'Copper', weight: 2, retail: false,
    where: ['kerman', 'kerman/Rafsanjan', 'eazar/Ahar', 'kerman/Shahr-e Babak', 'markazi'],
    markets: ['CN', 'TR', 'AE', 'IN', 'IT', 'DE'],
    goods: [
      { hs: '74031100', fa: 'کاتد مس', en: 'Copper cathode', unit: 'tonne', price: 6_300e6, imported: 0.08, capacity: 60_000, mp: 'CC', spec: 'purity',
        variants: [['عیار ۹۹٫۹۹ درصد', '99.99 % Cu'], ['عیار ۹۹٫۹۷ درصد', '99.97 % Cu', 0.99]],
        dFa: 'کاتد مس پالایش‌شده به روش الکترولیز از کنسانترهٔ معادن داخلی.', dEn: 'Electrolytically refined copper cathode from domestic mine concentrate.' },
      { hs: '74081100', fa: 'مفتول مس', en: 'Copper wire rod', unit: 'tonne', price: 6_600e6, imported: 0.08, capacity: 40_000, mp: 'CW', spec: 'diameter',
        variants: [['قطر ۸ میلی‌متر', 'Ø8 mm'], ['قطر ۱۲٫۵ میلی‌متر', 'Ø12.5 mm']],
        dFa: 'مفتول مس ریخته‌گری و نورد پیوسته برای صنایع سیم و کابل.', dEn: 'Continuously cast and rolled copper rod for the wire and cable industry.' },
    ],
  },
  {
    isic: '2420', fa: 'آلومینیوم', en: 'Aluminium', weight: 1, retail: false,
    where: ['markazi/Arak', 'hormozgan/Bandar Abbas', 'nkhorasan/Jajarm', 'isfahan'],
    markets: ['TR', 'AE', 'IQ', 'CN', 'AF', 'PK'],
    goods: [
      { hs: '76011000', fa: 'شمش آلومینیوم', en: 'Aluminium ingot', unit: 'tonne', price: 1_800e6, imported: 0.4, capacity: 120_000, mp: 'AL', spec: 'grade',
        variants: [['خالص P1020', 'unalloyed P1020'], ['خالص ۹۹٫۷ درصد ۲۲ کیلوگرمی', 'unalloyed 99.7 %, 22 kg']],
        dFa: 'شمش آلومینیوم اولیه حاصل از احیای الکترولیتی آلومینا.', dEn: 'Primary aluminium ingot from the electrolytic reduction of alumina.' },
      { hs: '76012000', fa: 'شمش آلیاژی آلومینیوم', en: 'Aluminium alloy ingot', unit: 'tonne', price: 1_950e6, imported: 0.35, capacity: 60_000, mp: 'AA', spec: 'alloy',
        variants: [['آلیاژ ۶۰۶۳ (بیلت اکستروژن)', 'alloy 6063 extrusion billet'], ['آلیاژ A356 ریخته‌گری', 'alloy A356 foundry ingot', 1.04]],
        dFa: 'شمش آلیاژی برای اکستروژن پروفیل و ریخته‌گری قطعات خودرو.', dEn: 'Alloy ingot for profile extrusion and automotive castings.' },
    ],
  },
  {
    isic: '2420', fa: 'روی و سرب', en: 'Zinc and Lead', weight: 1, retail: false,
    where: ['zanjan', 'zanjan/Zanjan'],
    markets: ['TR', 'CN', 'AE', 'IN', 'PK'],
    goods: [
      { hs: '79011100', fa: 'شمش روی', en: 'Zinc ingot', unit: 'tonne', price: 2_000e6, imported: 0.05, capacity: 30_000, mp: 'ZN', spec: 'purity',
        variants: [['SHG عیار ۹۹٫۹۹۵ درصد', 'SHG 99.995 % Zn'], ['عیار ۹۹٫۹۹ درصد', '99.99 % Zn', 0.98]],
        dFa: 'شمش روی حاصل از فرآوری هیدرومتالورژی کنسانترهٔ روی.', dEn: 'Zinc ingot from hydrometallurgical processing of zinc concentrate.' },
      { hs: '78011000', fa: 'شمش سرب', en: 'Refined lead ingot', unit: 'tonne', price: 1_450e6, imported: 0.05, capacity: 20_000, mp: 'PB', spec: 'purity',
        variants: [['عیار ۹۹٫۹۷ درصد', '99.97 % Pb'], ['عیار ۹۹٫۹۸۵ درصد', '99.985 % Pb', 1.02]],
        dFa: 'سرب تصفیه‌شده برای ساخت باتری و روکش کابل.', dEn: 'Refined lead for batteries and cable sheathing.' },
    ],
  },
  {
    isic: '2394', fa: 'سیمان', en: 'Cement', weight: 6, retail: false, where: [],
    markets: ['IQ', 'AF', 'KW', 'QA', 'OM', 'TM', 'SY', 'KE'],
    goods: [
      { hs: '25232900', fa: 'سیمان پرتلند', en: 'Portland cement', unit: 'tonne', price: 30e6, imported: 0.04, capacity: 1_200_000, mp: 'PC', spec: 'type', std: '389',
        variants: [['تیپ ۲', 'Type II'], ['تیپ ۱-۴۲۵', 'Type I-425', 1.05], ['تیپ ۵ ضدسولفات', 'Type V sulphate-resistant', 1.1], ['پوزولانی', 'pozzolanic', 0.95]],
        dFa: 'سیمان پرتلند فله و پاکتی ۵۰ کیلوگرمی تولیدشده در کورهٔ دوار خشک.', dEn: 'Portland cement in bulk and 50 kg bags, from a dry-process rotary kiln.' },
      { hs: '25232100', fa: 'سیمان سفید', en: 'White Portland cement', unit: 'tonne', price: 65e6, imported: 0.05, capacity: 200_000, mp: 'WC', spec: 'class',
        variants: [['رده ۴۲۵', 'class 42.5'], ['رده ۵۲۵', 'class 52.5', 1.1]],
        dFa: 'سیمان سفید با درجهٔ سفیدی بالا برای نما، بندکشی و موزاییک.', dEn: 'High-whiteness cement for facades, grouting and terrazzo.' },
    ],
  },
  {
    isic: '2394', fa: 'گچ', en: 'Gypsum', weight: 2, retail: false, where: ['semnan', 'tehran', 'qom', 'markazi', 'isfahan', 'fars'],
    markets: ['IQ', 'AF', 'TM', 'IN', 'AE'],
    goods: [
      { hs: '25202000', fa: 'گچ ساختمانی', en: 'Building plaster', unit: 'tonne', price: 15e6, imported: 0.02, capacity: 150_000, mp: 'GP', spec: 'type', std: '12015',
        variants: [['گچ دستی', 'hand-applied plaster'], ['گچ پاششی', 'machine-sprayed plaster', 1.3], ['گچ سفیدکاری', 'finishing plaster', 1.15]],
        dFa: 'گچ کلسینه‌شده در کورهٔ دوار، در کیسه‌های ۴۰ کیلوگرمی.', dEn: 'Plaster calcined in a rotary kiln, in 40 kg bags.' },
    ],
  },
  {
    isic: '2392', fa: 'کاشی و سرامیک', en: 'Tile', weight: 6, retail: false,
    where: ['yazd', 'yazd/Meybod', 'yazd/Ardakan', 'isfahan', 'semnan', 'qazvin', 'mazandaran', 'kerman'],
    markets: ['IQ', 'AF', 'AZ', 'AM', 'TM', 'GE', 'KW', 'QA', 'PK', 'RU'],
    goods: [
      { hs: '69072100', fa: 'کاشی پرسلان لعاب‌دار', en: 'Glazed porcelain tile', unit: 'm2', price: 4.5e6, imported: 0.15, capacity: 3_000_000, mp: 'PT', spec: 'size and finish', std: '25',
        variants: [['۶۰×۶۰ پولیش', '60×60 cm polished'], ['۶۰×۱۲۰ مات', '60×120 cm matt', 1.4], ['۸۰×۸۰ براق', '80×80 cm glossy', 1.25]],
        dFa: 'کاشی پرسلان با جذب آب کمتر از ۰٫۵ درصد برای کف‌پوش داخلی و تجاری.', dEn: 'Porcelain tile with water absorption under 0.5 % for interior and commercial floors.' },
      { hs: '69072300', fa: 'کاشی دیواری', en: 'Ceramic wall tile', unit: 'm2', price: 2.6e6, imported: 0.15, capacity: 4_000_000, mp: 'WT', spec: 'size', std: '25',
        variants: [['۳۰×۹۰', '30×90 cm', 1.2], ['۲۵×۴۰', '25×40 cm', 0.85], ['۳۰×۶۰', '30×60 cm']],
        dFa: 'کاشی دیواری لعاب‌دار تک‌پخت برای آشپزخانه و سرویس بهداشتی.', dEn: 'Single-fired glazed wall tile for kitchens and bathrooms.' },
      { hs: '69072200', fa: 'سرامیک کف', en: 'Ceramic floor tile', unit: 'm2', price: 2.9e6, imported: 0.15, capacity: 3_500_000, mp: 'FT', spec: 'size', std: '25',
        variants: [['۴۰×۴۰', '40×40 cm', 0.9], ['۵۰×۵۰', '50×50 cm'], ['۳۳×۳۳ ضدلغزش', '33×33 cm anti-slip', 0.95]],
        dFa: 'سرامیک کف با لعاب مقاوم به سایش.', dEn: 'Ceramic floor tile with an abrasion-resistant glaze.' },
    ],
  },
  {
    isic: '2392', fa: 'آجر', en: 'Brick', weight: 3, retail: false, where: [],
    markets: ['IQ', 'AF'],
    goods: [
      { hs: '69041000', fa: 'آجر', en: 'Brick', unit: 'piece', price: 30_000, imported: 0.02, capacity: 20_000_000, mp: 'BR', spec: 'type', std: '7',
        variants: [['سفال ۱۰ سانتی', 'hollow clay block, 10 cm', 1.6], ['فشاری', 'solid pressed brick'], ['نما قزاقی', 'facing brick', 1.4]],
        dFa: 'آجر رسی پخته‌شده در کورهٔ تونلی.', dEn: 'Clay brick fired in a tunnel kiln.' },
    ],
  },
  {
    isic: '2393', fa: 'چینی و سفال', en: 'Ceramics', weight: 2, retail: true,
    where: ['hamadan/Lalejin', 'hamadan/Lalejin', 'yazd/Meybod', 'qazvin', 'tehran', 'isfahan'],
    markets: ['IQ', 'AF', 'AE', 'DE', 'IT', 'QA', 'RU'],
    goods: [
      { hs: '69120000', fa: 'ظروف سفالی لعاب‌دار', en: 'Glazed earthenware', unit: 'piece', price: 1.5e6, imported: 0.05, capacity: 100_000, mp: 'CE', spec: 'item',
        variants: [['کاسه فیروزه‌ای', 'turquoise bowl'], ['گلدان نقش‌برجسته', 'relief vase', 2], ['بشقاب دیوارکوب', 'decorative wall plate', 1.5]],
        dFa: 'ظروف سفالی دست‌ساز با لعاب فیروزه‌ای سنتی.', dEn: 'Handmade earthenware with the traditional turquoise glaze.' },
      { hs: '69111000', fa: 'سرویس غذاخوری چینی', en: 'Porcelain dinner set', unit: 'set', price: 150e6, imported: 0.2, capacity: 200_000, mp: 'PS', spec: 'pieces',
        variants: [['۱۰۲ پارچه', '102 pieces'], ['۲۸ پارچه', '28 pieces', 0.3], ['۶۴ پارچه لب‌طلا', '64 pieces, gold rim', 0.9]],
        dFa: 'چینی مظروف با پخت در دمای بالا، مناسب ماشین ظرف‌شویی.', dEn: 'Hard-fired porcelain tableware, dishwasher-safe.' },
      { hs: '69101000', fa: 'توالت فرنگی', en: 'Porcelain toilet', unit: 'piece', price: 60e6, imported: 0.15, capacity: 150_000, mp: 'SW', spec: 'model',
        variants: [['تک‌تیکه', 'one-piece', 1.4], ['وال‌هنگ', 'wall-hung'], ['درجا', 'close-coupled', 0.8]],
        dFa: 'چینی بهداشتی با فلاش دوزمانه.', dEn: 'Vitreous china sanitary ware with dual flush.' },
    ],
  },
  {
    isic: '2310', fa: 'شیشه', en: 'Glass', weight: 2, retail: false, where: ['qazvin', 'semnan', 'kerman', 'isfahan/Kashan', 'tehran', 'yazd'],
    markets: ['IQ', 'AF', 'TM', 'AZ', 'PK', 'AM'],
    goods: [
      { hs: '70052900', fa: 'شیشهٔ فلوت', en: 'Float glass', unit: 'm2', price: 1.2e6, imported: 0.1, capacity: 10_000_000, mp: 'FG', spec: 'thickness',
        variants: [['۴ میلی‌متر شفاف', '4 mm clear'], ['۶ میلی‌متر شفاف', '6 mm clear', 1.5], ['۱۰ میلی‌متر شفاف', '10 mm clear', 2.5], ['۶ میلی‌متر رنگی', '6 mm tinted', 1.8, '70052100']],
        dFa: 'شیشهٔ جام تولیدشده به روش فلوت روی حمام قلع.', dEn: 'Flat glass made by the float process on a tin bath.' },
      { hs: '70109000', fa: 'بطری شیشه‌ای', en: 'Glass bottle', unit: 'piece', price: 25_000, imported: 0.1, capacity: 50_000_000, mp: 'GB', spec: 'capacity',
        variants: [['۳۰۰ سی‌سی', '300 ml'], ['۱ لیتری', '1 litre', 1.8], ['شیشهٔ مربا ۳۵۰ گرمی', '350 g jam jar', 0.9]],
        dFa: 'بطری و ظرف شیشه‌ای قالبی برای صنایع غذایی و دارویی.', dEn: 'Moulded glass bottles and jars for food and pharmaceuticals.' },
    ],
  },
  {
    isic: '2396', fa: 'سنگ', en: 'Stone', weight: 3, retail: false,
    where: ['isfahan/Najafabad', 'isfahan', 'markazi/Mahallat', 'yazd', 'kerman', 'tehran', 'kurdistan', 'zanjan', 'eazar/Azarshahr'],
    markets: ['CN', 'IQ', 'AE', 'IT', 'TR', 'IN', 'KW', 'QA'],
    goods: [
      { hs: '68029100', fa: 'سنگ مرمریت', en: 'Marble slab', unit: 'm2', price: 12e6, imported: 0.03, capacity: 200_000, mp: 'MB', spec: 'stone',
        variants: [['کرم ابیانه صیقلی', 'Abyaneh cream, polished'], ['تراورتن محلات', 'Mahallat travertine', 0.8], ['مرمر سفید اسپیدار', 'white Spidar marble', 1.5], ['چینی نی‌ریز', 'Neyriz white', 1.2]],
        dFa: 'سنگ برش‌خورده و صیقلی در ضخامت ۲ سانتی‌متر برای کف و نما.', dEn: 'Sawn and polished stone, 2 cm thick, for floors and facades.' },
      { hs: '68029300', fa: 'سنگ گرانیت', en: 'Granite slab', unit: 'm2', price: 18e6, imported: 0.03, capacity: 150_000, mp: 'GR', spec: 'stone',
        variants: [['نطنز', 'Natanz'], ['مشکی زاهدان', 'Zahedan black', 1.4], ['قرمز یزد', 'Yazd red', 1.1]],
        dFa: 'گرانیت برش‌خورده و فلیم‌شده برای پله، کف و نمای ساختمان.', dEn: 'Cut and flamed granite for stairs, floors and building facades.' },
    ],
  },
  {
    isic: '1050', fa: 'لبنیات', en: 'Dairy', weight: 8, retail: true, where: [],
    markets: ['IQ', 'AF', 'AE', 'RU', 'AM', 'AZ', 'TM', 'QA', 'OM'],
    goods: [
      { hs: '04012000', fa: 'شیر پاستوریزه', en: 'Pasteurised milk', unit: 'litre', price: 300_000, imported: 0.08, capacity: 20_000_000, mp: 'MK', spec: 'fat and pack', std: '93',
        variants: [['کم‌چرب ۱٫۵ درصد بطری ۹۴۵ سی‌سی', '1.5 % fat, 945 ml bottle'], ['پرچرب ۳ درصد پاکتی', '3 % fat, carton', 1.1], ['استریل فرادما ۱ لیتری', 'UHT 1 litre', 1.3]],
        dFa: 'شیر گاو تازهٔ پاستوریزه و هموژنیزه.', dEn: 'Fresh pasteurised and homogenised cow milk.' },
      { hs: '04032000', fa: 'ماست', en: 'Yoghurt', unit: 'kg', price: 450_000, imported: 0.08, capacity: 10_000_000, mp: 'YG', spec: 'type', std: '695',
        variants: [['همزده کم‌چرب', 'stirred low-fat'], ['پرچرب سنتی', 'full-fat set', 1.15], ['یونانی', 'Greek-style', 1.8], ['موسیر', 'with shallot', 1.3]],
        dFa: 'ماست پاستوریزه با کشت آغازگر، بدون افزودنی نگه‌دارنده.', dEn: 'Pasteurised yoghurt with starter culture and no preservatives.' },
      { hs: '04069000', fa: 'پنیر سفید', en: 'White cheese', unit: 'kg', price: 1.5e6, imported: 0.1, capacity: 3_000_000, mp: 'CH', spec: 'type',
        variants: [['فراپالایش (UF) ۴۰۰ گرمی', 'UF, 400 g'], ['لیقوان', 'Lighvan-style', 1.6], ['پیتزا موزارلا', 'pizza mozzarella', 1.4]],
        dFa: 'پنیر تولیدشده از شیر پاستوریزهٔ گاو در بسته‌بندی بهداشتی.', dEn: 'Cheese made from pasteurised cow milk in hygienic packaging.' },
      { hs: '04039000', fa: 'دوغ', en: 'Doogh', unit: 'litre', price: 250_000, imported: 0.08, capacity: 8_000_000, mp: 'DG', spec: 'flavour',
        variants: [['گازدار ۱٫۵ لیتری', 'carbonated, 1.5 l'], ['بدون گاز با نعناع', 'still, with mint', 1.05], ['محلی کفیری', 'kefir-style', 1.2]],
        dFa: 'نوشیدنی تخمیری بر پایهٔ ماست، آب و نمک.', dEn: 'Fermented drink of yoghurt, water and salt.' },
      { hs: '04051000', fa: 'کره', en: 'Butter', unit: 'kg', price: 4e6, imported: 0.1, capacity: 1_000_000, mp: 'BT', spec: 'pack',
        variants: [['۱۰۰ گرمی', '100 g'], ['۵۰ گرمی', '50 g', 1.05], ['حیوانی ۱ کیلوگرمی', '1 kg block', 0.95]],
        dFa: 'کرهٔ پاستوریزه از خامهٔ شیر گاو با ۸۲ درصد چربی.', dEn: 'Pasteurised butter from cream, 82 % fat.' },
    ],
  },
  {
    isic: '1079', fa: 'زعفران', en: 'Saffron', weight: 3, retail: true,
    where: ['rkhorasan/Torbat-e Heydarieh', 'rkhorasan/Gonabad', 'rkhorasan/Mashhad', 'rkhorasan/Kashmar', 'skhorasan/Qaen', 'skhorasan/Birjand'],
    markets: ['AE', 'ES', 'CN', 'HK', 'IT', 'DE', 'FR', 'IN', 'IQ', 'AF', 'QA', 'KW'],
    goods: [
      { hs: '09102000', fa: 'زعفران', en: 'Saffron', unit: 'kg', price: 400e6, imported: 0.02, capacity: 3_000, mp: 'SF', spec: 'grade', std: '259',
        variants: [['سرگل', 'Sargol'], ['نگین', 'Negin', 1.15], ['پوشال', 'Pushal', 0.8], ['دسته', 'Dasteh (bunch)', 0.7]],
        dFa: 'کلالهٔ خشک‌شدهٔ گل زعفران، درجه‌بندی‌شده و بسته‌بندی در ظرف دربسته.', dEn: 'Dried stigmas of the saffron crocus, graded and packed in sealed containers.' },
      { hs: '09102000', fa: 'زعفران بسته‌بندی خرد', en: 'Retail-pack saffron', unit: 'box', price: 2.2e6, imported: 0.05, capacity: 1_000_000, mp: 'SR', spec: 'pack',
        variants: [['یک مثقالی (۴٫۶ گرم)', '1 mithqal (4.6 g)'], ['نیم مثقالی', 'half mithqal', 0.52], ['۱ گرمی خاتم‌کاری', '1 g khatam box', 0.35]],
        dFa: 'زعفران سرگل در بسته‌بندی خرده‌فروشی.', dEn: 'Sargol saffron in retail packs.' },
    ],
  },
  {
    isic: '1079', fa: 'چای', en: 'Tea', weight: 2, retail: true, where: ['gilan/Lahijan', 'gilan/Langarud', 'gilan/Fuman', 'mazandaran/Tonekabon', 'gilan/Rasht'],
    markets: ['AF', 'IQ', 'RU', 'TJ', 'UZ', 'AZ'],
    goods: [
      { hs: '09023000', fa: 'چای سیاه', en: 'Black tea', unit: 'kg', price: 5e6, imported: 0.05, capacity: 500_000, mp: 'TE', spec: 'grade', std: '623',
        variants: [['ممتاز بهاره ۴۵۰ گرمی', 'premium spring-plucked, 450 g', 1.3], ['شکسته', 'broken leaf'], ['کیسه‌ای ۱۰۰ عددی', '100 tea bags', 0.9]],
        dFa: 'چای سیاه ارتودوکس از برگ سبز باغ‌های شمال کشور.', dEn: 'Orthodox black tea from green leaf of northern Iranian gardens.' },
    ],
  },
  {
    isic: '1079', fa: 'عسل', en: 'Honey', weight: 1, retail: true, where: ['ardabil/Sarein', 'eazar', 'wazar', 'zanjan', 'kurdistan', 'rkhorasan', 'lorestan'],
    markets: ['IQ', 'AE', 'QA', 'KW', 'OM', 'AF'],
    goods: [
      { hs: '04090000', fa: 'عسل طبیعی', en: 'Natural honey', unit: 'kg', price: 8e6, imported: 0.02, capacity: 100_000, mp: 'HN', spec: 'flora', std: '92',
        variants: [['گون', 'astragalus'], ['چندگیاه کوهستان', 'mountain wildflower', 0.9], ['آویشن', 'thyme', 1.3], ['کنار', 'sidr', 1.2]],
        dFa: 'عسل طبیعی صاف‌شده و بسته‌بندی در ظرف شیشه‌ای.', dEn: 'Natural strained honey in glass jars.' },
    ],
  },
  {
    isic: '1030', fa: 'خشکبار', en: 'Nuts and Dried Fruit', weight: 4, retail: true,
    where: ['kerman/Rafsanjan', 'kerman/Rafsanjan', 'kerman/Bam', 'kerman/Jiroft', 'rkhorasan', 'semnan/Damghan', 'bushehr', 'hormozgan/Minab', 'hamadan/Malayer', 'qazvin/Takestan', 'wazar'],
    markets: ['CN', 'HK', 'IN', 'RU', 'AE', 'IQ', 'DE', 'IT', 'KZ', 'VN'],
    goods: [
      { hs: '08025100', fa: 'پسته با پوست', en: 'In-shell pistachios', unit: 'kg', price: 7e6, imported: 0.03, capacity: 2_000_000, mp: 'PI', spec: 'variety and size', std: '218',
        variants: [['اکبری ۲۲–۲۴', 'Akbari, 22–24 per ounce', 1.2], ['احمدآقایی ۲۴–۲۶', 'Ahmad Aghaei, 24–26 per ounce'], ['فندقی ۳۰–۳۲', 'Fandoghi, 30–32 per ounce', 0.85], ['کله‌قوچی ۲۰–۲۲', 'Kalleh Ghouchi, 20–22 per ounce', 1.15]],
        dFa: 'پستهٔ خندان فرآوری‌شده، شسته، خشک و سورت‌شده.', dEn: 'Processed split pistachios, washed, dried and sorted.' },
      { hs: '08025200', fa: 'مغز پسته', en: 'Pistachio kernels', unit: 'kg', price: 15e6, imported: 0.03, capacity: 500_000, mp: 'PK', spec: 'grade',
        variants: [['سبز ممتاز', 'green premium', 1.4], ['معمولی', 'regular']],
        dFa: 'مغز پستهٔ پوست‌گیری‌شده برای صنایع شیرینی و بستنی.', dEn: 'Shelled pistachio kernels for confectionery and ice cream.' },
      { hs: '08041000', fa: 'خرما', en: 'Dates', unit: 'kg', price: 1e6, imported: 0.03, capacity: 3_000_000, mp: 'DT', spec: 'variety',
        variants: [['مضافتی بم', 'Mazafati (Bam)', 1.2], ['پیارم', 'Piarom', 2.5], ['زاهدی', 'Zahedi', 0.6], ['کبکاب', 'Kabkab', 0.8]],
        dFa: 'خرمای درجه‌یک سورت‌شده و بسته‌بندی در سردخانه.', dEn: 'Sorted first-grade dates packed in cold storage.' },
      { hs: '08062000', fa: 'کشمش', en: 'Raisins', unit: 'kg', price: 1.5e6, imported: 0.03, capacity: 2_000_000, mp: 'RS', spec: 'type',
        variants: [['سبز', 'green'], ['پلویی طلایی', 'golden', 1.1], ['سایه‌خشک', 'shade-dried', 1.2]],
        dFa: 'کشمش شسته، دم‌گیری و سورت‌شده.', dEn: 'Washed, destemmed and sorted raisins.' },
    ],
  },
  {
    isic: '1030', fa: 'آبمیوه و کنسرو', en: 'Juice and Cannery', weight: 3, retail: true,
    where: ['wazar/Urmia', 'mazandaran', 'fars', 'eazar', 'tehran', 'alborz', 'golestan', 'khuzestan'],
    markets: ['IQ', 'AF', 'AZ', 'AM', 'RU', 'TM', 'SY'],
    goods: [
      { hs: '20097100', fa: 'آبمیوهٔ سیب', en: 'Apple juice', unit: 'litre', price: 600_000, imported: 0.15, capacity: 5_000_000, mp: 'JA', spec: 'pack',
        variants: [['پاکت ۱ لیتری', '1 litre carton'], ['پاکت ۲۰۰ سی‌سی', '200 ml carton', 1.3]],
        dFa: 'آبمیوهٔ صددرصد طبیعی از کنسانترهٔ سیب آذربایجان، بدون شکر افزوده.', dEn: '100 % juice from Azerbaijani apple concentrate, no added sugar.' },
      { hs: '20098900', fa: 'آب انار', en: 'Pomegranate juice', unit: 'litre', price: 900_000, imported: 0.1, capacity: 2_000_000, mp: 'JP', spec: 'pack',
        variants: [['بطری شیشه‌ای ۱ لیتری', '1 litre glass bottle'], ['پاکت ۲۰۰ سی‌سی', '200 ml carton', 1.3]],
        dFa: 'آب انار طبیعی فشرده و پاستوریزه.', dEn: 'Pressed and pasteurised pomegranate juice.' },
      { hs: '20029000', fa: 'رب گوجه‌فرنگی', en: 'Tomato paste', unit: 'kg', price: 900_000, imported: 0.2, capacity: 5_000_000, mp: 'TP', spec: 'pack',
        variants: [['قوطی ۸۰۰ گرمی', '800 g can'], ['شیشه‌ای ۷۰۰ گرمی', '700 g jar', 1.15], ['بشکه‌ای ۲۲۰ کیلوگرمی', '220 kg drum', 0.75]],
        dFa: 'رب غلیظ‌شده با بریکس ۲۵ درصد از گوجه‌فرنگی تازه.', dEn: 'Concentrated paste of fresh tomatoes, 25 % Brix.' },
    ],
  },
  {
    isic: '1061', fa: 'برنج', en: 'Rice', weight: 2, retail: true, where: ['gilan', 'mazandaran/Amol', 'mazandaran/Babol', 'gilan/Fuman', 'golestan'],
    markets: ['IQ', 'AF', 'AE', 'QA'],
    goods: [
      { hs: '10063000', fa: 'برنج ایرانی', en: 'Iranian rice', unit: 'kg', price: 1.5e6, imported: 0.02, capacity: 3_000_000, mp: 'RC', spec: 'variety', std: '127',
        variants: [['هاشمی', 'Hashemi'], ['طارم محلی', 'Tarom Mahali', 1.1], ['فجر', 'Fajr', 0.85], ['شیرودی', 'Shiroudi', 0.75]],
        dFa: 'برنج سفید سفیدکاری‌شده و سورت رنگی، در کیسه‌های ۱۰ کیلوگرمی.', dEn: 'Milled white rice, colour-sorted, in 10 kg bags.' },
    ],
  },
  {
    isic: '1061', fa: 'آرد', en: 'Flour', weight: 3, retail: false, where: [],
    markets: ['IQ', 'AF'],
    goods: [
      { hs: '11010000', fa: 'آرد گندم', en: 'Wheat flour', unit: 'tonne', price: 200e6, imported: 0.1, capacity: 100_000, mp: 'FL', spec: 'type',
        variants: [['ستاره (قنادی)', 'Setareh (pastry)', 1.3], ['نان لواش', 'for lavash bread'], ['سبوس‌دار', 'wholemeal', 0.9]],
        dFa: 'آرد گندم آسیاب غلتکی با درصد استخراج کنترل‌شده.', dEn: 'Roller-milled wheat flour with controlled extraction rate.' },
    ],
  },
  {
    isic: '1073', fa: 'شیرینی و شکلات', en: 'Confectionery', weight: 4, retail: true,
    where: ['isfahan/Isfahan', 'isfahan/Isfahan', 'qom/Qom', 'tehran', 'eazar/Tabriz', 'alborz', 'yazd', 'rkhorasan'],
    markets: ['IQ', 'AF', 'AE', 'RU', 'TR', 'KZ', 'AZ', 'AM', 'OM'],
    goods: [
      { hs: '17049000', fa: 'گز', en: 'Gaz (Persian nougat)', unit: 'kg', price: 3.5e6, imported: 0.05, capacity: 500_000, mp: 'GZ', spec: 'type',
        variants: [['پسته‌ای ۴۰ درصد', '40 % pistachio', 1.3], ['بادامی', 'almond'], ['لقمه‌ای زعفرانی', 'bite-size saffron', 1.2]],
        dFa: 'گز سنتی از انگبین، سفیدهٔ تخم‌مرغ، گلاب و مغز پسته.', dEn: 'Traditional gaz of manna, egg white, rosewater and pistachio.' },
      { hs: '17049000', fa: 'سوهان', en: 'Sohan (saffron brittle)', unit: 'kg', price: 2.5e6, imported: 0.05, capacity: 400_000, mp: 'SH', spec: 'type',
        variants: [['لقمه‌ای', 'bite-size'], ['کره‌ای', 'butter sohan', 1.2], ['عسلی', 'honey sohan', 1.1]],
        dFa: 'سوهان سنتی از جوانهٔ گندم، زعفران و مغزها.', dEn: 'Traditional sohan of sprouted wheat, saffron and nuts.' },
      { hs: '18069000', fa: 'شکلات', en: 'Chocolate', unit: 'kg', price: 4e6, imported: 0.45, capacity: 2_000_000, mp: 'CT', spec: 'type',
        variants: [['تلخ ۷۰ درصد', '70 % dark', 1.3], ['شیری', 'milk'], ['مغزدار فندقی', 'hazelnut-filled', 1.2], ['تابلت ۱۰۰ گرمی', '100 g bar']],
        dFa: 'شکلات تولیدشده از کرهٔ کاکائو و پودر کاکائو.', dEn: 'Chocolate made with cocoa butter and cocoa powder.' },
    ],
  },
  {
    isic: '1071', fa: 'بیسکویت', en: 'Biscuit', weight: 3, retail: true, where: ['tehran', 'alborz', 'qazvin', 'eazar', 'rkhorasan', 'isfahan', 'golestan'],
    markets: ['IQ', 'AF', 'TJ', 'UZ', 'TM', 'AZ', 'AM', 'SY', 'KE'],
    goods: [
      { hs: '19053100', fa: 'بیسکویت', en: 'Sweet biscuit', unit: 'kg', price: 1.2e6, imported: 0.15, capacity: 5_000_000, mp: 'BS', spec: 'type', std: '37',
        variants: [['ساقه‌طلایی', 'digestive'], ['پتی‌بور', 'petit beurre'], ['کرمدار کاکائویی', 'cocoa cream-filled', 1.3], ['کوکی', 'cookie', 1.4]],
        dFa: 'بیسکویت شیرین پخته‌شده در فر تونلی.', dEn: 'Sweet biscuits baked in a tunnel oven.' },
      { hs: '19053200', fa: 'ویفر', en: 'Wafer', unit: 'kg', price: 1.5e6, imported: 0.2, capacity: 3_000_000, mp: 'WF', spec: 'flavour',
        variants: [['کاکائویی', 'cocoa'], ['وانیلی', 'vanilla'], ['روکش شکلات', 'chocolate-coated', 1.4]],
        dFa: 'ویفر کرمدار چندلایه.', dEn: 'Multi-layer cream-filled wafers.' },
    ],
  },
  {
    isic: '1074', fa: 'ماکارونی', en: 'Pasta', weight: 2, retail: true, where: ['tehran', 'alborz', 'qazvin', 'isfahan', 'rkhorasan', 'fars', 'khuzestan'],
    markets: ['IQ', 'AF', 'TM', 'AZ', 'SY'],
    goods: [
      { hs: '19021900', fa: 'ماکارونی', en: 'Pasta', unit: 'kg', price: 600_000, imported: 0.1, capacity: 20_000_000, mp: 'PA', spec: 'shape', std: '213',
        variants: [['رشته‌ای ۱٫۲ میلی‌متر', 'spaghetti 1.2 mm'], ['پنه', 'penne'], ['فرمی', 'fusilli'], ['لازانیا', 'lasagne', 1.4]],
        dFa: 'ماکارونی بدون تخم‌مرغ از آرد سمولینای گندم دوروم.', dEn: 'Egg-free pasta of durum wheat semolina.' },
    ],
  },
  {
    isic: '1040', fa: 'روغن', en: 'Oil', weight: 2, retail: true, where: ['gilan/Rudbar', 'zanjan', 'tehran', 'alborz', 'golestan', 'khuzestan'],
    markets: ['IQ', 'AF', 'AE', 'RU', 'TM'],
    goods: [
      { hs: '15092000', fa: 'روغن زیتون فرابکر', en: 'Extra virgin olive oil', unit: 'litre', price: 6e6, imported: 0.1, capacity: 300_000, mp: 'OL', spec: 'pack', std: '1446',
        variants: [['بطری ۱ لیتری', '1 litre bottle'], ['بطری ۵۰۰ سی‌سی', '500 ml bottle', 1.1], ['قوطی ۴ لیتری', '4 litre tin', 0.9]],
        dFa: 'روغن زیتون فرابکر حاصل از فشار سرد زیتون رودبار و طارم.', dEn: 'Cold-pressed extra virgin oil from Rudbar and Tarom olives.' },
      { hs: '15121900', fa: 'روغن آفتابگردان', en: 'Sunflower oil', unit: 'litre', price: 1.2e6, imported: 0.6, capacity: 30_000_000, mp: 'SO', spec: 'pack',
        variants: [['بطری ۸۱۰ گرمی', '810 g bottle'], ['بطری ۱٫۵ لیتری', '1.5 litre bottle'], ['حلب ۱۶ کیلوگرمی', '16 kg tin', 0.92]],
        dFa: 'روغن آفتابگردان تصفیه و بی‌بوشده.', dEn: 'Refined, deodorised sunflower oil.' },
    ],
  },
  {
    isic: '1104', fa: 'آشامیدنی', en: 'Beverages', weight: 3, retail: true, where: [],
    markets: ['IQ', 'AF', 'QA', 'KW', 'AZ'],
    goods: [
      { hs: '22011000', fa: 'آب معدنی', en: 'Mineral water', unit: 'piece', price: 100_000, imported: 0.1, capacity: 60_000_000, mp: 'MW', spec: 'bottle', std: '6694',
        variants: [['۱٫۵ لیتری', '1.5 litre'], ['۵۰۰ سی‌سی', '500 ml', 0.55], ['۱۰ لیتری', '10 litre', 3.2]],
        dFa: 'آب آشامیدنی معدنی از چشمهٔ کوهستانی، بطری‌شده در محل.', dEn: 'Mineral water from a mountain spring, bottled at source.' },
      { hs: '22021000', fa: 'نوشابهٔ گازدار', en: 'Carbonated soft drink', unit: 'piece', price: 300_000, imported: 0.2, capacity: 40_000_000, mp: 'SD', spec: 'flavour',
        variants: [['کولا ۱٫۵ لیتری', 'cola, 1.5 litre'], ['پرتقالی ۱٫۵ لیتری', 'orange, 1.5 litre'], ['لیموناد قوطی ۳۳۰ سی‌سی', 'lemonade, 330 ml can', 0.7]],
        dFa: 'نوشابهٔ گازدار با شکر.', dEn: 'Sweetened carbonated drink.' },
    ],
  },
  {
    isic: '1020', fa: 'شیلات', en: 'Seafood', weight: 1, retail: true, where: ['hormozgan', 'sistan/Chabahar', 'bushehr', 'gilan/Bandar Anzali', 'mazandaran'],
    markets: ['IQ', 'AE', 'RU', 'VN', 'CN', 'AF', 'GE'],
    goods: [
      { hs: '16041400', fa: 'کنسرو ماهی تن', en: 'Canned tuna', unit: 'piece', price: 900_000, imported: 0.2, capacity: 30_000_000, mp: 'TN', spec: 'type',
        variants: [['در روغن گیاهی ۱۸۰ گرمی', 'in vegetable oil, 180 g'], ['با فلفل', 'with chilli', 1.05], ['در روغن زیتون', 'in olive oil', 1.3]],
        dFa: 'کنسرو تن ماهی هوور صیدشده در آب‌های جنوب.', dEn: 'Canned skipjack tuna caught in southern waters.' },
      { hs: '03061700', fa: 'میگوی منجمد', en: 'Frozen shrimp', unit: 'kg', price: 8e6, imported: 0.1, capacity: 500_000, mp: 'SP', spec: 'type',
        variants: [['وانامی پوست‌کنده', 'peeled vannamei', 1.3], ['سفید هندی با پوست', 'shell-on white Indian'], ['ببری سبز درشت', 'large green tiger', 1.5]],
        dFa: 'میگوی پرورشی منجمد به روش IQF.', dEn: 'IQF-frozen farmed shrimp.' },
    ],
  },
  {
    isic: '1010', fa: 'فرآورده‌های گوشتی', en: 'Meat Products', weight: 3, retail: true, where: [],
    markets: ['IQ', 'AF', 'AM', 'AZ'],
    goods: [
      { hs: '16010000', fa: 'سوسیس', en: 'Sausage', unit: 'kg', price: 2.5e6, imported: 0.15, capacity: 2_000_000, mp: 'SS', spec: 'meat',
        variants: [['آلمانی ۵۵ درصد گوشت', 'frankfurter, 55 % meat', 1.1], ['کوکتل مرغ', 'chicken cocktail'], ['کالباس ژامبون گوشت ۹۰ درصد', 'beef ham sausage, 90 % meat', 1.6]],
        dFa: 'فرآوردهٔ گوشتی حرارت‌دیده از گوشت قرمز و مرغ.', dEn: 'Cooked meat product of beef and chicken.' },
      { hs: '02071400', fa: 'مرغ منجمد', en: 'Frozen chicken cuts', unit: 'kg', price: 1.2e6, imported: 0.35, capacity: 5_000_000, mp: 'CK', spec: 'cut',
        variants: [['ران', 'thighs'], ['سینه بی‌استخوان', 'boneless breast', 1.3], ['بال', 'wings', 0.8]],
        dFa: 'قطعات مرغ کشتار صنعتی، منجمد در تونل انجماد.', dEn: 'Industrially slaughtered chicken cuts, tunnel-frozen.' },
    ],
  },
  {
    isic: '1072', fa: 'قند', en: 'Sugar', weight: 1, retail: true, where: ['khuzestan', 'rkhorasan', 'wazar', 'fars', 'kermanshah', 'hamadan'],
    markets: ['IQ', 'AF'],
    goods: [
      { hs: '17019900', fa: 'شکر سفید', en: 'White sugar', unit: 'kg', price: 400_000, imported: 0.25, capacity: 100_000_000, mp: 'SG', spec: 'form',
        variants: [['کیسهٔ ۵۰ کیلوگرمی', '50 kg bag'], ['قند کله', 'sugar loaf', 1.4], ['قند حبه‌ای', 'sugar cubes', 1.3]],
        dFa: 'شکر تصفیه‌شده از چغندر و نیشکر.', dEn: 'Refined beet and cane sugar.' },
    ],
  },
  {
    isic: '1080', fa: 'خوراک دام', en: 'Animal Feed', weight: 2, retail: false, where: [],
    markets: ['IQ', 'AF'],
    goods: [
      { hs: '23099000', fa: 'خوراک دام و طیور', en: 'Compound feed', unit: 'tonne', price: 180e6, imported: 0.6, capacity: 150_000, mp: 'FD', spec: 'type',
        variants: [['مرغ گوشتی پلت', 'broiler pellets'], ['گاو شیری', 'dairy cattle', 0.9], ['آبزیان', 'aquafeed', 1.5]],
        dFa: 'خوراک مرکب متعادل‌شده بر پایهٔ ذرت و کنجالهٔ سویا.', dEn: 'Balanced compound feed based on maize and soybean meal.' },
    ],
  },
  {
    isic: '1920', fa: 'فرآورده‌های نفتی', en: 'Petroleum Products', weight: 2, retail: false, where: ['khuzestan/Abadan', 'tehran', 'isfahan', 'markazi/Arak', 'hormozgan/Bandar Abbas', 'qazvin'],
    markets: ['IN', 'AE', 'IQ', 'AF', 'PK', 'KE', 'CN', 'VN'],
    goods: [
      { hs: '27132000', fa: 'قیر نفتی', en: 'Petroleum bitumen', unit: 'tonne', price: 250e6, imported: 0.02, capacity: 300_000, mp: 'BI', spec: 'grade',
        variants: [['درجهٔ نفوذ ۶۰/۷۰', 'penetration grade 60/70'], ['درجهٔ نفوذ ۸۵/۱۰۰', 'penetration grade 85/100'], ['اکسیدشده ۹۰/۱۵', 'oxidised 90/15', 1.05]],
        dFa: 'قیر راه‌سازی از ته‌ماندهٔ برج خلأ پالایشگاه.', dEn: 'Paving bitumen from refinery vacuum residue.' },
      { hs: '27101900', fa: 'روغن موتور', en: 'Engine oil', unit: 'litre', price: 1.5e6, imported: 0.35, capacity: 50_000_000, mp: 'EO', spec: 'grade',
        variants: [['SN 10W-40', 'SN 10W-40', 1.2], ['SL 20W-50', 'SL 20W-50'], ['دیزل CI-4 15W-40', 'diesel CI-4 15W-40', 1.1]],
        dFa: 'روغن موتور از روغن پایهٔ گروه ۱ و ۲ با بستهٔ افزودنی.', dEn: 'Engine oil of Group I and II base oil with an additive package.' },
    ],
  },
  {
    isic: '2011', fa: 'پتروشیمی', en: 'Petrochemical', weight: 2, retail: false, where: ['bushehr/Asaluyeh', 'bushehr/Asaluyeh', 'khuzestan/Mahshahr', 'khuzestan/Mahshahr', 'fars/Marvdasht'],
    markets: ['CN', 'IN', 'TR', 'AE', 'PK', 'VN'],
    goods: [
      { hs: '29051100', fa: 'متانول', en: 'Methanol', unit: 'tonne', price: 200e6, imported: 0.02, capacity: 1_650_000, mp: 'ME', spec: 'grade',
        variants: [['گرید AA', 'grade AA']],
        dFa: 'متانول تولیدشده از گاز طبیعی پارس جنوبی.', dEn: 'Methanol made from South Pars natural gas.' },
      { hs: '28141000', fa: 'آمونیاک', en: 'Anhydrous ammonia', unit: 'tonne', price: 210e6, imported: 0.02, capacity: 680_000, mp: 'AM', spec: 'purity',
        variants: [['خلوص ۹۹٫۸ درصد', '99.8 % purity']],
        dFa: 'آمونیاک بی‌آب از گاز طبیعی به روش هابر-بوش.', dEn: 'Anhydrous ammonia from natural gas by the Haber–Bosch process.' },
    ],
  },
  {
    isic: '2012', fa: 'کود شیمیایی', en: 'Fertiliser', weight: 1, retail: false, where: ['bushehr/Asaluyeh', 'khuzestan', 'nkhorasan/Shirvan', 'fars/Marvdasht', 'kermanshah'],
    markets: ['IN', 'TR', 'AF', 'IQ', 'PK'],
    goods: [
      { hs: '31021000', fa: 'اوره', en: 'Urea', unit: 'tonne', price: 250e6, imported: 0.02, capacity: 1_000_000, mp: 'UR', spec: 'form',
        variants: [['گرانوله ۴۶ درصد نیتروژن', 'granular, 46 % N'], ['پریل', 'prilled', 0.97]],
        dFa: 'کود اوره با ۴۶ درصد نیتروژن.', dEn: 'Urea fertiliser with 46 % nitrogen.' },
    ],
  },
  {
    isic: '2013', fa: 'پلیمر', en: 'Polymer', weight: 2, retail: false, where: ['bushehr/Asaluyeh', 'khuzestan/Mahshahr', 'markazi/Arak', 'kermanshah', 'isfahan', 'tehran'],
    markets: ['CN', 'TR', 'IN', 'PK', 'AE', 'IQ', 'AF', 'RU'],
    goods: [
      { hs: '39012000', fa: 'پلی‌اتیلن سنگین', en: 'High-density polyethylene', unit: 'tonne', price: 700e6, imported: 0.05, capacity: 300_000, mp: 'HD', spec: 'grade',
        variants: [['گرید لوله PE100', 'PE100 pipe grade', 1.05], ['گرید فیلم', 'film grade'], ['گرید تزریقی', 'injection grade']],
        dFa: 'گرانول پلی‌اتیلن سنگین از اتیلن تولید داخل.', dEn: 'HDPE granules from domestically produced ethylene.' },
      { hs: '39011000', fa: 'پلی‌اتیلن سبک', en: 'Low-density polyethylene', unit: 'tonne', price: 720e6, imported: 0.05, capacity: 300_000, mp: 'LD', spec: 'grade',
        variants: [['گرید فیلم', 'film grade'], ['خطی (LLDPE)', 'linear (LLDPE)', 0.97]],
        dFa: 'گرانول پلی‌اتیلن سبک برای فیلم و بسته‌بندی.', dEn: 'LDPE granules for film and packaging.' },
      { hs: '39021000', fa: 'پلی‌پروپیلن', en: 'Polypropylene', unit: 'tonne', price: 680e6, imported: 0.05, capacity: 300_000, mp: 'PP', spec: 'grade',
        variants: [['هموپلیمر گرید نساجی', 'homopolymer, raffia grade'], ['کوپلیمر ضربه‌پذیر', 'impact copolymer', 1.05]],
        dFa: 'گرانول پلی‌پروپیلن از پروپیلن تولید داخل.', dEn: 'Polypropylene granules from domestic propylene.' },
    ],
  },
  {
    isic: '2022', fa: 'رنگ', en: 'Paint', weight: 2, retail: true, where: ['tehran', 'alborz', 'qazvin', 'isfahan', 'eazar'],
    markets: ['IQ', 'AF', 'AM', 'AZ', 'TM'],
    goods: [
      { hs: '32089000', fa: 'رنگ روغنی', en: 'Alkyd enamel paint', unit: 'litre', price: 1.2e6, imported: 0.3, capacity: 5_000_000, mp: 'AP', spec: 'finish',
        variants: [['براق سفید گالن ۴ لیتری', 'gloss white, 4 l'], ['مات', 'matt'], ['ضدزنگ آستری', 'anti-rust primer', 0.9]],
        dFa: 'رنگ آلکیدی حلال‌پایه برای فلز و چوب.', dEn: 'Solvent-borne alkyd paint for metal and wood.' },
      { hs: '32091000', fa: 'رنگ اکریلیک', en: 'Acrylic emulsion paint', unit: 'litre', price: 900_000, imported: 0.3, capacity: 8_000_000, mp: 'AC', spec: 'finish',
        variants: [['نیم‌پلاستیک', 'semi-acrylic', 0.8], ['تمام‌اکریلیک ساختمانی', 'full acrylic'], ['نما ضدآب', 'waterproof exterior', 1.3]],
        dFa: 'رنگ پایه‌آب برای دیوار داخلی و نما.', dEn: 'Water-borne paint for interior walls and facades.' },
    ],
  },
  {
    isic: '2023', fa: 'شوینده', en: 'Detergent', weight: 2, retail: true, where: ['tehran', 'alborz', 'qazvin', 'isfahan', 'eazar', 'rkhorasan'],
    markets: ['IQ', 'AF', 'TJ', 'UZ', 'TM', 'AZ', 'AM', 'SY'],
    goods: [
      { hs: '34025000', fa: 'پودر لباسشویی', en: 'Laundry powder', unit: 'kg', price: 1e6, imported: 0.25, capacity: 20_000_000, mp: 'LP', spec: 'type',
        variants: [['ماشینی ۵۰۰ گرمی', 'automatic, 500 g'], ['دستی ۱ کیلوگرمی', 'hand wash, 1 kg', 0.85], ['ماشینی ۳ کیلوگرمی', 'automatic, 3 kg', 0.9]],
        dFa: 'پودر شوینده بر پایهٔ LAS با آنزیم.', dEn: 'LAS-based washing powder with enzymes.' },
      { hs: '34011100', fa: 'صابون', en: 'Toilet soap', unit: 'piece', price: 150_000, imported: 0.3, capacity: 30_000_000, mp: 'SA', spec: 'type',
        variants: [['گلیسیرینه ۱۲۵ گرمی', 'glycerine, 125 g'], ['آنتی‌باکتریال', 'antibacterial', 1.1], ['گل سرخ', 'rose', 1.05]],
        dFa: 'صابون حمام پایهٔ روغن نباتی.', dEn: 'Vegetable-oil toilet soap.' },
      { hs: '33051000', fa: 'شامپو', en: 'Shampoo', unit: 'piece', price: 1e6, imported: 0.35, capacity: 15_000_000, mp: 'SM', spec: 'type',
        variants: [['مو معمولی ۴۰۰ گرمی', 'normal hair, 400 g'], ['ضدشوره', 'anti-dandruff', 1.2], ['بچه', 'baby', 1.1]],
        dFa: 'شامپوی پاک‌کننده با pH متعادل.', dEn: 'pH-balanced cleansing shampoo.' },
    ],
  },
  {
    isic: '2029', fa: 'گلاب', en: 'Rosewater', weight: 1, retail: true, where: ['isfahan/Kashan', 'isfahan/Kashan', 'fars', 'kerman'],
    markets: ['IQ', 'AE', 'QA', 'KW', 'OM', 'AF', 'SY'],
    goods: [
      { hs: '33019000', fa: 'گلاب', en: 'Rosewater', unit: 'litre', price: 500_000, imported: 0.05, capacity: 1_000_000, mp: 'GL', spec: 'type',
        variants: [['دوآتشه', 'double-distilled', 1.6], ['معمولی ۱ لیتری', 'standard, 1 litre'], ['عرق بیدمشک', 'musk willow distillate', 0.8]],
        dFa: 'عرقیات گیاهی تقطیرشده از گل محمدی قمصر.', dEn: 'Aqueous distillate of Qamsar Damask roses.' },
    ],
  },
  {
    isic: '2100', fa: 'دارویی', en: 'Pharmaceutical', weight: 3, retail: true, where: ['tehran', 'alborz', 'qazvin', 'rkhorasan', 'eazar', 'isfahan', 'fars'],
    markets: ['IQ', 'AF', 'SY', 'TJ', 'UZ', 'AM', 'LB', 'KE', 'VE'],
    goods: [
      { hs: '30049000', fa: 'قرص', en: 'Tablets', unit: 'box', price: 500_000, imported: 0.45, capacity: 20_000_000, mp: 'TB', spec: 'drug',
        variants: [['استامینوفن ۵۰۰ میلی‌گرم', 'paracetamol 500 mg', 0.6], ['متفورمین ۵۰۰ میلی‌گرم', 'metformin 500 mg'], ['لوزارتان ۲۵ میلی‌گرم', 'losartan 25 mg', 1.3], ['آتورواستاتین ۲۰ میلی‌گرم', 'atorvastatin 20 mg', 1.5]],
        dFa: 'دارو در بستهٔ خرده‌فروشی، ساخته‌شده تحت اصول GMP.', dEn: 'Medicine in retail packs, made under GMP.' },
      { hs: '30041000', fa: 'آنتی‌بیوتیک', en: 'Antibiotic', unit: 'box', price: 800_000, imported: 0.5, capacity: 10_000_000, mp: 'AB', spec: 'drug',
        variants: [['کپسول آموکسی‌سیلین ۵۰۰', 'amoxicillin 500 mg capsules'], ['سوسپانسیون کوآموکسی‌کلاو', 'co-amoxiclav suspension', 1.5], ['ویال پنی‌سیلین', 'penicillin vial', 1.2]],
        dFa: 'آنتی‌بیوتیک پنی‌سیلینی در بستهٔ خرده‌فروشی.', dEn: 'Penicillin-class antibiotic in retail packs.' },
    ],
  },
  {
    isic: '3250', fa: 'تجهیزات پزشکی', en: 'Medical Devices', weight: 2, retail: true, where: ['tehran', 'alborz', 'isfahan', 'rkhorasan', 'qazvin', 'fars'],
    markets: ['IQ', 'AF', 'SY', 'TJ', 'KE', 'TM'],
    goods: [
      { hs: '90183100', fa: 'سرنگ یک‌بارمصرف', en: 'Disposable syringe', unit: 'piece', price: 20_000, imported: 0.3, capacity: 200_000_000, mp: 'SY', spec: 'volume',
        variants: [['۵ میلی‌لیتر', '5 ml'], ['۲ میلی‌لیتر', '2 ml', 0.8], ['انسولین ۱ میلی‌لیتر', '1 ml insulin', 1.2], ['۱۰ میلی‌لیتر', '10 ml', 1.3]],
        dFa: 'سرنگ استریل سه‌تکه با سوزن.', dEn: 'Sterile three-part syringe with needle.' },
      { hs: '90183900', fa: 'کاتتر', en: 'Catheter', unit: 'piece', price: 300_000, imported: 0.35, capacity: 10_000_000, mp: 'CA', spec: 'type',
        variants: [['آنژیوکت ۲۰G', 'IV cannula 20G'], ['سوند فولی ۱۶Fr', 'Foley catheter 16Fr', 1.5]],
        dFa: 'وسیلهٔ پزشکی یک‌بارمصرف استریل‌شده با اتیلن اکساید.', dEn: 'Single-use device sterilised with ethylene oxide.' },
    ],
  },
  {
    isic: '2211', fa: 'لاستیک', en: 'Tyre', weight: 2, retail: true, where: ['tehran', 'alborz', 'kerman', 'yazd', 'khuzestan', 'qazvin'],
    markets: ['IQ', 'AF', 'AZ', 'AM', 'TM', 'SY'],
    goods: [
      { hs: '40111000', fa: 'تایر سواری', en: 'Passenger car tyre', unit: 'piece', price: 35e6, imported: 0.35, capacity: 1_500_000, mp: 'PT', spec: 'size',
        variants: [['۱۸۵/۶۵R14', '185/65 R14'], ['۲۰۵/۶۰R15', '205/60 R15', 1.15], ['۱۶۵/۶۵R13', '165/65 R13', 0.85]],
        dFa: 'تایر رادیال تیوبلس سواری.', dEn: 'Tubeless radial passenger tyre.' },
      { hs: '40112000', fa: 'تایر باری', en: 'Truck tyre', unit: 'piece', price: 150e6, imported: 0.35, capacity: 300_000, mp: 'TT', spec: 'size',
        variants: [['۳۱۵/۸۰R22.5', '315/80 R22.5'], ['۱۲R22.5', '12 R22.5', 0.95]],
        dFa: 'تایر رادیال تمام‌فولادی باری و اتوبوسی.', dEn: 'All-steel radial tyre for trucks and buses.' },
    ],
  },
  {
    isic: '2220', fa: 'پلاستیک', en: 'Plastics', weight: 4, retail: false, where: [],
    markets: ['IQ', 'AF', 'TM', 'AZ', 'AM'],
    goods: [
      { hs: '39172100', fa: 'لولهٔ پلی‌اتیلن', en: 'Polyethylene pipe', unit: 'm', price: 1.5e6, imported: 0.05, capacity: 2_000_000, mp: 'PE', spec: 'size', std: '14427',
        variants: [['PE100 قطر ۱۱۰ فشار ۱۰ بار', 'PE100 Ø110 mm PN10'], ['PE100 قطر ۶۳', 'PE100 Ø63 mm', 0.4], ['PE100 قطر ۲۰۰ فشار ۱۶ بار', 'PE100 Ø200 mm PN16', 4]],
        dFa: 'لولهٔ پلی‌اتیلن آبرسانی تحت فشار.', dEn: 'Pressure pipe for water supply.' },
      { hs: '39172300', fa: 'لولهٔ پی‌وی‌سی', en: 'PVC pipe', unit: 'm', price: 800_000, imported: 0.1, capacity: 3_000_000, mp: 'PV', spec: 'size',
        variants: [['فاضلابی قطر ۱۱۰', 'drainage Ø110 mm'], ['قطر ۷۵', 'Ø75 mm', 0.7], ['قطر ۱۶۰', 'Ø160 mm', 1.6]],
        dFa: 'لولهٔ سخت پی‌وی‌سی برای فاضلاب ساختمان.', dEn: 'Rigid PVC pipe for building drainage.' },
      { hs: '39241000', fa: 'ظروف پلاستیکی', en: 'Plastic tableware', unit: 'piece', price: 400_000, imported: 0.1, capacity: 10_000_000, mp: 'PW', spec: 'item',
        variants: [['ظرف نگه‌دارندهٔ غذا ۱ لیتری', '1 litre food container'], ['سبد میوه', 'fruit basket', 1.2], ['پارچ ۲ لیتری', '2 litre jug', 1.1]],
        dFa: 'ظروف آشپزخانه از پلی‌پروپیلن مناسب تماس با مواد غذایی.', dEn: 'Food-safe polypropylene kitchenware.' },
    ],
  },
  {
    isic: '1702', fa: 'کارتن‌سازی', en: 'Packaging', weight: 3, retail: false, where: [],
    markets: ['IQ', 'AF'],
    goods: [
      { hs: '48191000', fa: 'کارتن کنگره‌ای', en: 'Corrugated carton', unit: 'piece', price: 80_000, imported: 0.3, capacity: 20_000_000, mp: 'CB', spec: 'layers',
        variants: [['سه‌لایه', 'three-ply'], ['پنج‌لایه', 'five-ply', 1.5], ['هفت‌لایه صادراتی', 'seven-ply export', 2.2]],
        dFa: 'کارتن موج‌دار چاپ‌شده برای بسته‌بندی کالا.', dEn: 'Printed corrugated cartons for packaging goods.' },
      { hs: '48192000', fa: 'جعبهٔ مقوایی', en: 'Folding box', unit: 'piece', price: 25_000, imported: 0.35, capacity: 50_000_000, mp: 'FB', spec: 'use',
        variants: [['دارویی', 'pharmaceutical'], ['شیرینی', 'confectionery', 1.3], ['لوازم آرایشی', 'cosmetics', 1.5]],
        dFa: 'جعبهٔ مقوای ایندربرد با چاپ افست.', dEn: 'Offset-printed folding carton.' },
    ],
  },
  {
    isic: '1709', fa: 'سلولزی', en: 'Tissue', weight: 1, retail: true, where: ['tehran', 'alborz', 'qazvin', 'mazandaran', 'gilan', 'eazar'],
    markets: ['IQ', 'AF', 'TM'],
    goods: [
      { hs: '48181000', fa: 'دستمال توالت', en: 'Toilet tissue', unit: 'box', price: 1.5e6, imported: 0.4, capacity: 5_000_000, mp: 'TS', spec: 'pack',
        variants: [['۸ رول دولایه', '8 rolls, 2-ply'], ['۴ رول سه‌لایه', '4 rolls, 3-ply', 0.7]],
        dFa: 'دستمال کاغذی از خمیر کاغذ بکر.', dEn: 'Tissue paper of virgin pulp.' },
    ],
  },
  {
    isic: '1621', fa: 'چوب', en: 'Wood Panel', weight: 1, retail: false, where: ['mazandaran', 'gilan', 'golestan', 'tehran'],
    markets: ['IQ', 'AF', 'AZ'],
    goods: [
      { hs: '44111400', fa: 'ام‌دی‌اف', en: 'MDF board', unit: 'm2', price: 2.5e6, imported: 0.3, capacity: 5_000_000, mp: 'MD', spec: 'finish',
        variants: [['خام ۱۶ میلی‌متر', 'raw, 16 mm'], ['روکش ملامینه ۱۶ میلی‌متر', 'melamine-faced, 16 mm', 1.4], ['هایگلاس', 'high-gloss', 2]],
        dFa: 'تختهٔ فیبر با چگالی متوسط از چوب جنگل‌کاری و باگاس.', dEn: 'Medium-density fibreboard from plantation wood and bagasse.' },
    ],
  },
  {
    isic: '3100', fa: 'مبلمان', en: 'Furniture', weight: 4, retail: true, where: ['tehran', 'tehran', 'alborz', 'isfahan', 'eazar', 'rkhorasan', 'mazandaran', 'gilan', 'qom', 'golestan'],
    markets: ['IQ', 'AF', 'AZ', 'AM', 'GE', 'TM', 'QA', 'KW', 'OM'],
    goods: [
      { hs: '94016100', fa: 'مبل راحتی', en: 'Upholstered sofa set', unit: 'set', price: 800e6, imported: 0.25, capacity: 5_000, mp: 'SF', spec: 'seats',
        variants: [['هفت‌نفره', 'seven-seat'], ['ال چستر', 'L-shaped Chesterfield', 1.3], ['کلاسیک منبت', 'classic carved', 1.8]],
        dFa: 'مبل با اسکلت چوب راش و رویهٔ پارچه.', dEn: 'Sofa with beech frame and fabric upholstery.' },
      { hs: '94033000', fa: 'میز اداری', en: 'Office desk', unit: 'piece', price: 150e6, imported: 0.2, capacity: 20_000, mp: 'OD', spec: 'size',
        variants: [['مدیریتی ۲۰۰ سانتی‌متر', 'executive, 200 cm', 2], ['کارمندی ۱۲۰ سانتی‌متر', 'staff, 120 cm'], ['میز کنفرانس ۱۰ نفره', '10-person conference table', 3]],
        dFa: 'میز اداری از ام‌دی‌اف روکش‌دار و یراق فلزی.', dEn: 'Office desk of faced MDF with metal fittings.' },
      { hs: '94035000', fa: 'سرویس خواب', en: 'Bedroom set', unit: 'set', price: 400e6, imported: 0.2, capacity: 5_000, mp: 'BD', spec: 'size',
        variants: [['دونفره', 'double'], ['یک‌نفره نوجوان', 'single, teen', 0.6]],
        dFa: 'سرویس خواب شامل تخت، کمد و دراور.', dEn: 'Bedroom set of bed, wardrobe and dresser.' },
    ],
  },
  {
    isic: '1393', fa: 'فرش دستباف', en: 'Hand-Woven Carpet', weight: 3, retail: true,
    where: ['isfahan/Kashan', 'isfahan/Isfahan', 'isfahan/Nain', 'eazar/Tabriz', 'eazar/Tabriz', 'kerman/Kerman', 'qom/Qom', 'rkhorasan/Mashhad', 'fars', 'hamadan', 'kurdistan/Bijar'],
    markets: ['DE', 'JP', 'IT', 'AE', 'CN', 'QA', 'FR', 'LB'],
    goods: [
      { hs: '57011000', fa: 'فرش دستباف', en: 'Hand-knotted carpet', unit: 'm2', price: 100e6, imported: 0.02, capacity: 500, mp: 'HC', spec: 'weave',
        variants: [['کرک و ابریشم ۵۰ رج', 'wool and silk, 50 raj', 1.5], ['پشمی ۴۰ رج', 'wool, 40 raj'], ['تمام‌ابریشم ۷۰ رج', 'pure silk, 70 raj', 4], ['گبه', 'gabbeh', 0.4]],
        dFa: 'فرش گره‌دار دستباف با رنگ‌های گیاهی و نقشهٔ اصیل.', dEn: 'Hand-knotted carpet with natural dyes and an authentic design.' },
      { hs: '57021000', fa: 'گلیم دستباف', en: 'Hand-woven kilim', unit: 'm2', price: 15e6, imported: 0.02, capacity: 2_000, mp: 'KL', spec: 'type',
        variants: [['گلیم', 'kilim'], ['جاجیم', 'jajim', 0.9], ['سوزنی', 'soumak', 1.5]],
        dFa: 'زیرانداز تخت‌باف دستی از پشم.', dEn: 'Flat-woven wool rug.' },
    ],
  },
  {
    isic: '1393', fa: 'فرش ماشینی', en: 'Machine Carpet', weight: 3, retail: true, where: ['isfahan/Kashan', 'isfahan/Aran va Bidgol', 'isfahan/Kashan', 'tehran', 'eazar'],
    markets: ['IQ', 'AF', 'AZ', 'AM', 'TM', 'UZ', 'KZ', 'TJ', 'RU', 'GE', 'SY'],
    goods: [
      { hs: '57024200', fa: 'فرش ماشینی', en: 'Machine-made carpet', unit: 'm2', price: 8e6, imported: 0.25, capacity: 500_000, mp: 'MC', spec: 'density',
        variants: [['۱۲۰۰ شانه اکریلیک', 'acrylic, 1200 reeds', 1.3], ['۷۰۰ شانه', '700 reeds'], ['۱۵۰۰ شانه هایبالک', 'high-bulk, 1500 reeds', 1.6], ['۵۰۰ شانه پلی‌پروپیلن', 'polypropylene, 500 reeds', 0.6]],
        dFa: 'فرش ماشینی با نقشه‌های سنتی ایرانی.', dEn: 'Machine-woven carpet with traditional Persian designs.' },
    ],
  },
  {
    isic: '1312', fa: 'نساجی', en: 'Textile', weight: 3, retail: false, where: ['yazd', 'isfahan', 'qazvin', 'tehran', 'mazandaran', 'semnan'],
    markets: ['IQ', 'AF', 'TJ', 'UZ', 'AM', 'AZ'],
    goods: [
      { hs: '52081200', fa: 'پارچهٔ پنبه‌ای خام', en: 'Unbleached cotton fabric', unit: 'm', price: 700_000, imported: 0.3, capacity: 10_000_000, mp: 'CF', spec: 'weight',
        variants: [['تافته ۱۲۰ گرم', 'plain weave, 120 g/m²'], ['متقال ۱۵۰ گرم', 'calico, 150 g/m²', 1.15]],
        dFa: 'پارچهٔ ۱۰۰ درصد پنبه بافته‌شده با ماشین بافندگی جت هوا.', dEn: '100 % cotton fabric woven on air-jet looms.' },
      { hs: '52085200', fa: 'پارچهٔ پنبه‌ای چاپی', en: 'Printed cotton fabric', unit: 'm', price: 1.1e6, imported: 0.3, capacity: 8_000_000, mp: 'PF', spec: 'use',
        variants: [['چادر مشکی', 'black chador fabric', 1.4], ['ملحفه‌ای', 'bed linen'], ['پیراهنی', 'shirting', 1.1]],
        dFa: 'پارچهٔ پنبه‌ای تکمیل‌شده و چاپ‌شده.', dEn: 'Finished and printed cotton fabric.' },
    ],
  },
  {
    isic: '2030', fa: 'الیاف', en: 'Synthetic Fibre', weight: 1, retail: false, where: ['isfahan', 'qazvin', 'mazandaran', 'yazd', 'tehran'],
    markets: ['TR', 'IQ', 'AF', 'PK'],
    goods: [
      { hs: '54023300', fa: 'نخ پلی‌استر تکسچره', en: 'Textured polyester yarn', unit: 'kg', price: 2e6, imported: 0.3, capacity: 20_000_000, mp: 'PY', spec: 'count',
        variants: [['۱۵۰ دنیر', '150 denier'], ['۷۵ دنیر', '75 denier', 1.15]],
        dFa: 'نخ فیلامنت پلی‌استر تکسچره برای بافندگی.', dEn: 'Textured polyester filament yarn for weaving.' },
    ],
  },
  {
    isic: '1410', fa: 'پوشاک', en: 'Apparel', weight: 3, retail: true, where: ['tehran', 'rkhorasan', 'eazar', 'alborz', 'isfahan', 'qom'],
    markets: ['IQ', 'AF', 'AM', 'AZ', 'TJ', 'GE'],
    goods: [
      { hs: '61091000', fa: 'تی‌شرت نخی', en: 'Cotton T-shirt', unit: 'piece', price: 5e6, imported: 0.2, capacity: 500_000, mp: 'TS', spec: 'cut',
        variants: [['یقه‌گرد مردانه', "men's crew-neck"], ['زنانه', "women's", 1.05], ['بچگانه', "children's", 0.6]],
        dFa: 'تی‌شرت کشباف از نخ ۱۰۰ درصد پنبه.', dEn: 'Knitted T-shirt of 100 % cotton yarn.' },
      { hs: '62031100', fa: 'کت‌وشلوار مردانه', en: "Men's wool suit", unit: 'piece', price: 40e6, imported: 0.3, capacity: 50_000, mp: 'MS', spec: 'fit',
        variants: [['اسلیم‌فیت', 'slim fit'], ['کلاسیک', 'classic fit']],
        dFa: 'کت‌وشلوار از پارچهٔ فاستونی پشمی.', dEn: 'Suit of worsted wool cloth.' },
    ],
  },
  {
    isic: '1392', fa: 'پتو', en: 'Blanket', weight: 1, retail: true, where: ['qazvin', 'isfahan', 'tehran', 'mazandaran', 'yazd'],
    markets: ['IQ', 'AF', 'SY', 'TJ'],
    goods: [
      { hs: '63014000', fa: 'پتو', en: 'Blanket', unit: 'piece', price: 20e6, imported: 0.25, capacity: 300_000, mp: 'BK', spec: 'size',
        variants: [['دونفره گل‌برجسته', 'double, embossed'], ['یک‌نفره', 'single', 0.6], ['مسافرتی', 'travel', 0.4]],
        dFa: 'پتوی اکریلیک نرم با دوخت لبه.', dEn: 'Soft acrylic blanket with bound edges.' },
    ],
  },
  {
    isic: '1520', fa: 'کفش', en: 'Footwear', weight: 3, retail: true, where: ['eazar/Tabriz', 'eazar/Tabriz', 'tehran', 'rkhorasan', 'isfahan', 'qom'],
    markets: ['IQ', 'AF', 'AM', 'AZ', 'GE', 'RU', 'TJ'],
    goods: [
      { hs: '64039900', fa: 'کفش چرمی', en: 'Leather shoes', unit: 'pair', price: 30e6, imported: 0.2, capacity: 200_000, mp: 'LS', spec: 'style',
        variants: [['مردانه رسمی', "men's formal"], ['زنانه', "women's"], ['کالج', 'loafer', 0.9]],
        dFa: 'کفش با رویهٔ چرم طبیعی گاوی و زیرهٔ پلی‌اورتان.', dEn: 'Shoes with cow-leather uppers and polyurethane soles.' },
      { hs: '64039100', fa: 'نیم‌بوت چرمی', en: 'Leather ankle boots', unit: 'pair', price: 40e6, imported: 0.2, capacity: 100_000, mp: 'LB', spec: 'style',
        variants: [['مردانه', "men's"], ['زنانه', "women's", 1.1]],
        dFa: 'نیم‌بوت با رویهٔ چرم طبیعی و آستر چرمی.', dEn: 'Ankle boots with leather uppers and leather lining.' },
    ],
  },
  {
    isic: '1512', fa: 'چرم', en: 'Leather Goods', weight: 1, retail: true, where: ['tehran', 'eazar/Tabriz', 'isfahan', 'rkhorasan'],
    markets: ['IQ', 'AE', 'TR', 'RU', 'QA', 'DE', 'IT'],
    goods: [
      { hs: '42022100', fa: 'کیف زنانهٔ چرمی', en: "Women's leather handbag", unit: 'piece', price: 25e6, imported: 0.15, capacity: 50_000, mp: 'HB', spec: 'style',
        variants: [['دوشی', 'shoulder bag'], ['دستی', 'tote', 1.1], ['کیف پول', 'clutch', 0.5]],
        dFa: 'کیف دست‌دوز از چرم طبیعی گوسفندی.', dEn: 'Hand-stitched bag of natural sheep leather.' },
      { hs: '41120000', fa: 'چرم گوسفندی', en: 'Tanned sheep leather', unit: 'm2', price: 8e6, imported: 0.15, capacity: 500_000, mp: 'SL', spec: 'type',
        variants: [['کروم‌دباغی', 'chrome-tanned'], ['گیاهی‌دباغی', 'vegetable-tanned', 1.3]],
        dFa: 'چرم دباغی‌شده و تکمیلی از پوست گوسفند.', dEn: 'Tanned and finished sheep leather.' },
    ],
  },
  {
    isic: '2930', fa: 'قطعات خودرو', en: 'Auto Parts', weight: 6, retail: false,
    where: ['tehran', 'tehran', 'alborz', 'alborz', 'markazi/Arak', 'markazi/Saveh', 'eazar/Tabriz', 'qazvin', 'semnan'],
    markets: ['IQ', 'AF', 'SY', 'AZ', 'AM', 'VE', 'TR'],
    goods: [
      { hs: '87083000', fa: 'لنت ترمز', en: 'Brake pads', unit: 'set', price: 2e6, imported: 0.35, capacity: 2_000_000, mp: 'BP', spec: 'vehicle',
        variants: [['جلو پژو ۲۰۶', 'front, Peugeot 206'], ['جلو سمند', 'front, Samand'], ['عقب پراید', 'rear, Pride', 0.7], ['دنا', 'Dena', 1.2]],
        dFa: 'لنت ترمز دیسکی بدون آزبست.', dEn: 'Asbestos-free disc brake pads.' },
      { hs: '87089100', fa: 'رادیاتور', en: 'Radiator', unit: 'piece', price: 15e6, imported: 0.35, capacity: 300_000, mp: 'RD', spec: 'vehicle',
        variants: [['پژو ۴۰۵', 'Peugeot 405'], ['تیبا', 'Tiba', 0.9], ['کامیون', 'truck', 4]],
        dFa: 'رادیاتور آب آلومینیومی با مخزن پلاستیکی.', dEn: 'Aluminium water radiator with plastic tanks.' },
      { hs: '87089300', fa: 'کیت کلاچ', en: 'Clutch kit', unit: 'set', price: 20e6, imported: 0.4, capacity: 200_000, mp: 'CL', spec: 'vehicle',
        variants: [['پژو ۲۰۶', 'Peugeot 206'], ['پراید', 'Pride', 0.8]],
        dFa: 'دیسک، صفحه و بلبرینگ کلاچ.', dEn: 'Clutch disc, pressure plate and release bearing.' },
      { hs: '87081000', fa: 'سپر', en: 'Bumper', unit: 'piece', price: 25e6, imported: 0.3, capacity: 200_000, mp: 'BU', spec: 'vehicle',
        variants: [['جلو شاهین', 'front, Shahin'], ['عقب رانا', 'rear, Rana']],
        dFa: 'سپر تزریقی از پلی‌پروپیلن تقویت‌شده.', dEn: 'Injection-moulded reinforced polypropylene bumper.' },
    ],
  },
  {
    isic: '2910', fa: 'خودروسازی', en: 'Motor', weight: 1, retail: false, where: ['tehran', 'eazar/Tabriz', 'kerman', 'fars', 'rkhorasan', 'markazi/Saveh'],
    markets: ['IQ', 'AF', 'SY', 'VE', 'AZ'],
    goods: [
      { hs: '87032300', fa: 'خودروی سواری', en: 'Passenger car', unit: 'piece', price: 8_000e6, imported: 0.45, capacity: 100_000, mp: 'PC', spec: 'trim',
        variants: [['سدان ۱٫۶ لیتری دنده‌ای', '1.6 l sedan, manual'], ['سدان توربو اتوماتیک', 'turbo sedan, automatic', 1.5], ['شاسی‌بلند ۱٫۸ لیتری', '1.8 l crossover', 1.7]],
        dFa: 'خودروی سواری بنزینی با استاندارد آلایندگی یورو ۵.', dEn: 'Petrol passenger car meeting Euro 5 emissions.' },
    ],
  },
  {
    isic: '2821', fa: 'ماشین‌آلات کشاورزی', en: 'Agricultural Machinery', weight: 1, retail: false, where: ['eazar/Tabriz', 'tehran', 'kurdistan/Saqqez', 'qazvin'],
    markets: ['IQ', 'AF', 'TJ', 'SY', 'VE', 'KE'],
    goods: [
      { hs: '87019300', fa: 'تراکتور', en: 'Tractor', unit: 'piece', price: 20_000e6, imported: 0.35, capacity: 20_000, mp: 'TR', spec: 'power',
        variants: [['۷۵ اسب‌بخار دودیفرانسیل', '75 hp, 4WD'], ['۶۵ اسب‌بخار', '65 hp', 0.85]],
        dFa: 'تراکتور کشاورزی دیزلی با کابین ایمنی.', dEn: 'Diesel farm tractor with safety cab.' },
    ],
  },
  {
    isic: '3091', fa: 'موتورسیکلت', en: 'Motorcycle', weight: 1, retail: false, where: ['tehran', 'eazar', 'qazvin', 'rkhorasan'],
    markets: ['IQ', 'AF'],
    goods: [
      { hs: '87112000', fa: 'موتورسیکلت', en: 'Motorcycle', unit: 'piece', price: 800e6, imported: 0.45, capacity: 50_000, mp: 'MT', spec: 'engine',
        variants: [['۱۵۰ سی‌سی انژکتوری', '150 cc fuel-injected'], ['۱۲۵ سی‌سی', '125 cc', 0.8], ['۲۰۰ سی‌سی', '200 cc', 1.3]],
        dFa: 'موتورسیکلت بنزینی تک‌سیلندر با استاندارد یورو ۴.', dEn: 'Single-cylinder petrol motorcycle, Euro 4.' },
    ],
  },
  {
    isic: '2720', fa: 'باتری', en: 'Battery', weight: 1, retail: true, where: ['tehran', 'alborz', 'qazvin', 'markazi', 'eazar', 'zanjan'],
    markets: ['IQ', 'AF', 'SY', 'AM', 'AZ', 'TM'],
    goods: [
      { hs: '85071000', fa: 'باتری خودرو', en: 'Car battery', unit: 'piece', price: 40e6, imported: 0.3, capacity: 1_000_000, mp: 'BA', spec: 'capacity',
        variants: [['۶۰ آمپر ساعت', '60 Ah'], ['۷۴ آمپر ساعت', '74 Ah', 1.2], ['۱۰۰ آمپر ساعت', '100 Ah', 1.6], ['۱۵۰ آمپر ساعت سنگین', '150 Ah heavy-duty', 2.4]],
        dFa: 'باتری سرب-اسیدی اتمی (بدون نیاز به نگهداری) ۱۲ ولت.', dEn: '12 V maintenance-free lead-acid starter battery.' },
    ],
  },
  {
    isic: '2750', fa: 'لوازم خانگی', en: 'Home Appliance', weight: 4, retail: true, where: ['tehran', 'alborz', 'qazvin', 'semnan', 'isfahan', 'eazar', 'rkhorasan'],
    markets: ['IQ', 'AF', 'AZ', 'AM', 'TM', 'SY', 'LB'],
    goods: [
      { hs: '84181000', fa: 'یخچال فریزر', en: 'Refrigerator-freezer', unit: 'piece', price: 500e6, imported: 0.4, capacity: 200_000, mp: 'RF', spec: 'type',
        variants: [['دوقلو ۲۴ فوت', '24 cu ft twin'], ['ساید بای ساید ۳۰ فوت', '30 cu ft side-by-side', 2.5], ['بالا فریزر ۱۴ فوت', '14 cu ft top freezer', 0.6]],
        dFa: 'یخچال فریزر نوفراست با برچسب انرژی A.', dEn: 'No-frost refrigerator-freezer with an A energy label.' },
      { hs: '84501100', fa: 'ماشین لباسشویی', en: 'Washing machine', unit: 'piece', price: 350e6, imported: 0.4, capacity: 300_000, mp: 'WM', spec: 'load',
        variants: [['۸ کیلوگرمی', '8 kg'], ['۹ کیلوگرمی', '9 kg', 1.15], ['۷ کیلوگرمی', '7 kg', 0.9]],
        dFa: 'ماشین لباسشویی تمام‌اتوماتیک درب از جلو.', dEn: 'Fully automatic front-loading washing machine.' },
      { hs: '73211100', fa: 'اجاق گاز', en: 'Gas cooker', unit: 'piece', price: 150e6, imported: 0.2, capacity: 300_000, mp: 'GC', spec: 'type',
        variants: [['صفحه‌ای ۵ شعله', '5-burner hob'], ['فردار ۵ شعله', '5-burner with oven', 1.8], ['رومیزی ۴ شعله', '4-burner tabletop', 0.6]],
        dFa: 'اجاق گاز با شعله‌های چدنی و ترموکوپل ایمنی.', dEn: 'Gas cooker with cast-iron burners and a safety thermocouple.' },
    ],
  },
  {
    isic: '2819', fa: 'تهویه', en: 'HVAC', weight: 2, retail: true, where: ['tehran', 'alborz', 'isfahan', 'rkhorasan', 'yazd', 'fars'],
    markets: ['IQ', 'AF', 'SY', 'TM', 'PK', 'OM'],
    goods: [
      { hs: '84151000', fa: 'کولر گازی اسپلیت', en: 'Split air conditioner', unit: 'piece', price: 400e6, imported: 0.5, capacity: 100_000, mp: 'AC', spec: 'capacity',
        variants: [['۱۸۰۰۰ اینورتر', '18,000 BTU inverter'], ['۱۲۰۰۰', '12,000 BTU', 0.7], ['۲۴۰۰۰ تی‌۳', '24,000 BTU T3', 1.3]],
        dFa: 'کولر گازی دیواری با کمپرسور روتاری، مناسب اقلیم گرم.', dEn: 'Wall split unit with rotary compressor, for hot climates.' },
      { hs: '84796000', fa: 'کولر آبی', en: 'Evaporative cooler', unit: 'piece', price: 150e6, imported: 0.15, capacity: 200_000, mp: 'EC', spec: 'airflow',
        variants: [['۴۰۰۰ سلولزی', '4,000 cfm, cellulose pad'], ['۷۰۰۰ پوشال', '7,000 cfm, aspen pad', 1.3], ['سلولزی ۵۵۰۰ دوسرعته', '5,500 cfm, two-speed', 1.2]],
        dFa: 'کولر تبخیری بدنهٔ فلزی گالوانیزه.', dEn: 'Evaporative cooler with galvanised steel body.' },
    ],
  },
  {
    isic: '2710', fa: 'تجهیزات برق', en: 'Electrical Equipment', weight: 2, retail: false, where: ['zanjan/Zanjan', 'zanjan', 'tehran', 'rkhorasan', 'alborz', 'markazi/Arak', 'yazd'],
    markets: ['IQ', 'AF', 'SY', 'TM', 'AM', 'TJ', 'OM', 'KE'],
    goods: [
      { hs: '85042100', fa: 'ترانسفورماتور توزیع', en: 'Distribution transformer', unit: 'piece', price: 5_000e6, imported: 0.3, capacity: 5_000, mp: 'DT', spec: 'rating',
        variants: [['۴۰۰ کیلوولت‌آمپر ۲۰ کیلوولت', '400 kVA, 20 kV'], ['۲۵۰ کیلوولت‌آمپر', '250 kVA', 0.7], ['۶۳۰ کیلوولت‌آمپر', '630 kVA', 1.4]],
        dFa: 'ترانسفورماتور روغنی هرمتیک برای شبکهٔ توزیع.', dEn: 'Hermetically sealed oil-immersed transformer for distribution grids.' },
      { hs: '85042200', fa: 'ترانسفورماتور قدرت', en: 'Power transformer', unit: 'piece', price: 40_000e6, imported: 0.35, capacity: 300, mp: 'PX', spec: 'rating',
        variants: [['۱۵۰۰ کیلوولت‌آمپر', '1,500 kVA'], ['۵ مگاولت‌آمپر ۶۳ کیلوولت', '5 MVA, 63 kV', 2.5]],
        dFa: 'ترانسفورماتور روغنی با تپ‌چنجر.', dEn: 'Oil-immersed transformer with tap changer.' },
      { hs: '85015200', fa: 'الکتروموتور سه‌فاز', en: 'Three-phase induction motor', unit: 'piece', price: 300e6, imported: 0.3, capacity: 50_000, mp: 'EM', spec: 'power',
        variants: [['۷٫۵ کیلووات', '7.5 kW'], ['۱۵ کیلووات', '15 kW', 1.8], ['۴۵ کیلووات', '45 kW', 4.5]],
        dFa: 'الکتروموتور القایی قفس سنجابی با راندمان IE2.', dEn: 'Squirrel-cage induction motor, IE2 efficiency.' },
    ],
  },
  {
    isic: '2732', fa: 'سیم و کابل', en: 'Cable', weight: 2, retail: false, where: ['tehran', 'alborz', 'qazvin', 'yazd', 'zanjan', 'kerman', 'isfahan'],
    markets: ['IQ', 'AF', 'SY', 'AM', 'TM', 'OM', 'QA'],
    goods: [
      { hs: '85444900', fa: 'کابل فشار ضعیف', en: 'Low-voltage cable', unit: 'm', price: 1e6, imported: 0.15, capacity: 20_000_000, mp: 'LV', spec: 'size', std: '607',
        variants: [['افشان ۳×۲٫۵', '3×2.5 mm² flexible'], ['مفتولی ۱×۱٫۵', '1×1.5 mm² solid', 0.25], ['۴×۱۶ مسی', '4×16 mm² copper', 5]],
        dFa: 'کابل مسی با عایق پی‌وی‌سی برای ولتاژ تا ۱ کیلوولت.', dEn: 'PVC-insulated copper cable up to 1 kV.' },
      { hs: '85446000', fa: 'کابل فشار متوسط', en: 'Medium-voltage cable', unit: 'm', price: 12e6, imported: 0.15, capacity: 1_000_000, mp: 'MV', spec: 'size',
        variants: [['۲۰ کیلوولت ۱×۲۴۰ آلومینیوم', '20 kV 1×240 mm² Al'], ['۲۰ کیلوولت ۳×۱۸۵ مس', '20 kV 3×185 mm² Cu', 3]],
        dFa: 'کابل با عایق پلی‌اتیلن مشبک (XLPE).', dEn: 'Cable with cross-linked polyethylene (XLPE) insulation.' },
    ],
  },
  {
    isic: '2740', fa: 'روشنایی', en: 'Lighting', weight: 1, retail: true, where: ['tehran', 'alborz', 'isfahan', 'qazvin'],
    markets: ['IQ', 'AF', 'SY'],
    goods: [
      { hs: '85395200', fa: 'لامپ ال‌ای‌دی', en: 'LED lamp', unit: 'piece', price: 700_000, imported: 0.45, capacity: 10_000_000, mp: 'LD', spec: 'power',
        variants: [['۱۲ وات E27', '12 W E27'], ['۲۰ وات', '20 W', 1.5], ['۵۰ وات حبابی', '50 W high-bay bulb', 3]],
        dFa: 'لامپ ال‌ای‌دی حبابی با نور مهتابی.', dEn: 'LED bulb, cool white.' },
    ],
  },
  {
    isic: '2640', fa: 'الکترونیک', en: 'Electronics', weight: 1, retail: true, where: ['tehran', 'alborz', 'qazvin', 'eazar'],
    markets: ['IQ', 'AF'],
    goods: [
      { hs: '85287200', fa: 'تلویزیون', en: 'LED television', unit: 'piece', price: 250e6, imported: 0.6, capacity: 200_000, mp: 'TV', spec: 'size',
        variants: [['۴۳ اینچ هوشمند', '43 in smart'], ['۵۵ اینچ ۴K', '55 in 4K', 1.8], ['۳۲ اینچ', '32 in', 0.6]],
        dFa: 'تلویزیون ال‌ای‌دی با گیرندهٔ دیجیتال DVB-T2.', dEn: 'LED television with DVB-T2 digital tuner.' },
    ],
  },
  {
    isic: '2813', fa: 'پمپ و شیرآلات', en: 'Pump and Valve', weight: 3, retail: false, where: ['tehran', 'alborz', 'isfahan', 'markazi/Arak', 'qazvin', 'rkhorasan', 'eazar'],
    markets: ['IQ', 'AF', 'SY', 'TM', 'AM', 'OM', 'AZ'],
    goods: [
      { hs: '84137000', fa: 'پمپ گریز از مرکز', en: 'Centrifugal pump', unit: 'piece', price: 150e6, imported: 0.2, capacity: 30_000, mp: 'CP', spec: 'type',
        variants: [['طبقاتی عمودی', 'vertical multistage', 1.5], ['سانتریفیوژ ۶۵-۲۰۰', 'end-suction 65-200'], ['شناور چاه عمیق', 'deep-well submersible', 2], ['خانگی ۱ اسب', '1 hp domestic', 0.15]],
        dFa: 'پمپ آب با پروانهٔ چدنی یا فولاد ضدزنگ.', dEn: 'Water pump with cast-iron or stainless-steel impeller.' },
      { hs: '84818000', fa: 'شیر صنعتی', en: 'Industrial valve', unit: 'piece', price: 30e6, imported: 0.2, capacity: 100_000, mp: 'VL', spec: 'type',
        variants: [['کشویی ۴ اینچ', '4 in gate valve'], ['پروانه‌ای ۸ اینچ', '8 in butterfly valve', 1.8], ['توپی ۲ اینچ', '2 in ball valve', 0.4], ['یک‌طرفه ۳ اینچ', '3 in check valve', 0.8, '84813000']],
        dFa: 'شیر صنعتی با بدنهٔ چدن داکتیل برای آب و گاز.', dEn: 'Ductile-iron industrial valve for water and gas.' },
    ],
  },
  {
    isic: '2599', fa: 'مس‌گری', en: 'Copperware', weight: 1, retail: true, where: ['isfahan/Isfahan', 'isfahan/Kashan', 'zanjan/Zanjan', 'eazar/Tabriz', 'kerman'],
    markets: ['IQ', 'AE', 'QA', 'DE', 'IT', 'FR', 'RU'],
    goods: [
      { hs: '74181000', fa: 'ظروف مسی', en: 'Copperware', unit: 'piece', price: 20e6, imported: 0.05, capacity: 20_000, mp: 'CW', spec: 'item',
        variants: [['سینی قلم‌زنی', 'engraved tray', 1.5], ['دیگ سفیدشده', 'tinned cooking pot'], ['سماور', 'samovar', 3], ['کتری چکشی', 'hammered kettle', 0.8]],
        dFa: 'ظروف مسی دست‌ساز با قلم‌زنی سنتی.', dEn: 'Handmade copperware with traditional engraving.' },
    ],
  },
  {
    isic: '2593', fa: 'چاقوسازی', en: 'Cutlery', weight: 1, retail: true, where: ['zanjan/Zanjan', 'zanjan/Zanjan', 'zanjan/Abhar'],
    markets: ['IQ', 'AE', 'AZ', 'AF', 'TR'],
    goods: [
      { hs: '82119200', fa: 'چاقوی آشپزخانه', en: 'Kitchen knife', unit: 'piece', price: 5e6, imported: 0.2, capacity: 100_000, mp: 'KN', spec: 'type',
        variants: [['سرآشپز ۲۰ سانتی', "20 cm chef's knife"], ['قصابی', "butcher's knife", 1.2], ['ضامن‌دار دسته‌شاخی', 'horn-handled folding knife', 1.5, '82119300']],
        dFa: 'چاقوی دست‌ساز از فولاد ضدزنگ با دستهٔ چوبی.', dEn: 'Handmade stainless-steel knife with wooden handle.' },
      { hs: '82119100', fa: 'کارد غذاخوری', en: 'Table knife set', unit: 'set', price: 8e6, imported: 0.2, capacity: 50_000, mp: 'TK', spec: 'pieces',
        variants: [['۶ عددی', '6 pieces'], ['۱۲ عددی', '12 pieces', 1.9]],
        dFa: 'کارد غذاخوری از فولاد ضدزنگ.', dEn: 'Stainless-steel table knives.' },
    ],
  },
  {
    isic: '3211', fa: 'طلا و جواهر', en: 'Jewellery', weight: 1, retail: true, where: ['tehran', 'isfahan', 'rkhorasan/Neyshabur', 'eazar/Tabriz'],
    markets: ['IQ', 'AE', 'QA', 'KW', 'TR'],
    goods: [
      { hs: '71131900', fa: 'زیورآلات طلا', en: 'Gold jewellery', unit: 'piece', price: 800e6, imported: 0.05, capacity: 20_000, mp: 'GJ', spec: 'item',
        variants: [['النگو ۱۸ عیار', '18-carat bangle', 2], ['گردنبند ۱۸ عیار', '18-carat necklace'], ['انگشتر فیروزه‌نشان', 'turquoise ring', 0.5]],
        dFa: 'زیورآلات طلای ۷۵۰ دست‌ساز.', dEn: 'Handmade 750 gold jewellery.' },
    ],
  },
];
