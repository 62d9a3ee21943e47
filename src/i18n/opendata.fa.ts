import { MEASUREMENT_UNITS } from '../domain/registration.ts';
import type { opendata as en } from './opendata.en.ts';

export const opendata: Record<keyof typeof en, string> = {
  'opendata.file.products': 'کالاهای عمومی (تأییدشده، تعلیق‌شده، ابطال‌شده، منقضی)',
  'opendata.file.producers': 'واحدهای تولیدی عمومی',
  'opendata.file.decisions': 'تصمیم‌های وزارت دربارهٔ ثبت‌های عمومی، با دلیل آن‌ها',
  'opendata.snapshots':
    'هر روز (به وقت UTC) هر پرونده به صورت نسخهٔ روزانه ثابت می‌شود: فشرده با gzip و با چکیدهٔ SHA-256 منتشرشده. نسخهٔ روزانه هرگز تغییر نمی‌کند، پس می‌توان رونوشتی را با روزش نام برد و با چکیده‌اش سنجید. پرونده‌های {days} روز اخیر نگه داشته می‌شوند و چکیده‌هایشان برای همیشه.',

  'opendata.field.products.id': 'شناسهٔ کالا',
  'opendata.field.products.registrationNumber': 'شمارهٔ ثبت (سال-سریال-رقم کنترل)',
  'opendata.field.products.status': 'وضعیت ثبت',
  'opendata.field.products.nameFa': 'نام فارسی',
  'opendata.field.products.nameEn': 'نام انگلیسی',
  'opendata.field.products.descriptionFa': 'شرح فارسی',
  'opendata.field.products.descriptionEn': 'شرح انگلیسی',
  'opendata.field.products.tariffCode': 'کد تعرفهٔ گمرکی، ۸ رقم',
  'opendata.field.products.brand': 'نشان تجاری',
  'opendata.field.products.model': 'مدل',
  'opendata.field.products.gtin': 'بارکد GTIN',
  'opendata.field.products.unit': `واحد اندازه‌گیری، یکی از ${MEASUREMENT_UNITS.join('، ')}`,
  'opendata.field.products.annualCapacity': 'ظرفیت تولید سالانه، به واحد اندازه‌گیری',
  'opendata.field.products.exWorksPrice': 'قیمت درِ کارخانه برای هر واحد، ریال',
  'opendata.field.products.importedInputsCost': 'هزینهٔ نهاده‌های وارداتی برای هر واحد، ریال',
  'opendata.field.products.valueAddedPercent': 'ارزش افزودهٔ داخلی، درصد قیمت درِ کارخانه',
  'opendata.field.products.exportMarkets': 'بازارهای صادراتی، کدهای ISO 3166 جداشده با فاصله',
  'opendata.field.products.producerId': 'شناسهٔ واحد تولیدی',
  'opendata.field.products.producerNationalId': 'شناسهٔ ملی واحد تولیدی',
  'opendata.field.products.producerNameFa': 'نام فارسی واحد تولیدی',
  'opendata.field.products.registeredAt': 'نخستین تأیید (UTC)',
  'opendata.field.products.validUntil': 'اعتبار تا (UTC)',
  'opendata.field.products.updatedAt': 'آخرین تغییر (UTC)',

  'opendata.field.producers.id': 'شناسهٔ واحد تولیدی',
  'opendata.field.producers.status': 'وضعیت ثبت',
  'opendata.field.producers.nationalId': 'شناسهٔ ملی اشخاص حقوقی',
  'opendata.field.producers.nameFa': 'نام فارسی',
  'opendata.field.producers.nameEn': 'نام انگلیسی',
  'opendata.field.producers.province': 'استان، ISO 3166-2:IR (کدهای ۲۰۲۰)',
  'opendata.field.producers.city': 'شهر',
  'opendata.field.producers.isic': 'فعالیت اقتصادی، ردهٔ ISIC ویرایش ۴',
  'opendata.field.producers.licenceNo': 'شمارهٔ پروانهٔ بهره‌برداری',
  'opendata.field.producers.website': 'وب‌گاه',
  'opendata.field.producers.approvedAt': 'تأیید (UTC)',
  'opendata.field.producers.updatedAt': 'آخرین تغییر (UTC)',

  'opendata.field.decisions.logIndex': 'نمایهٔ تصمیم در دفتر شفافیت',
  'opendata.field.decisions.decision':
    'تصمیم (approved، rejected، changes_requested، suspended، reinstated، revoked)',
  'opendata.field.decisions.subjectKind': 'product (کالا) یا producer (واحد تولیدی)',
  'opendata.field.decisions.subjectId': 'شناسهٔ کالا یا واحد تولیدی',
  'opendata.field.decisions.registrationNumber': 'شمارهٔ ثبت کالا',
  'opendata.field.decisions.at': 'زمان تصمیم (UTC)',
  'opendata.field.decisions.reason': 'دلیل اعلام‌شده',

  'opendata.page.title': 'دادهٔ باز',
  'opendata.page.lead':
    'هر آنچه در سامانه عمومی است، به صورت پرونده‌هایی که هر کس می‌تواند بارگیری کند، به کار ببرد و دوباره منتشر کند. حساب کاربری لازم نیست.',
  'opendata.page.licence': 'پروانهٔ استفاده',
  'opendata.page.licence_text':
    'رونوشت، تغییر و انتشار دوبارهٔ پرونده‌ها، حتی برای کار تجاری، آزاد است به شرط ذکر منبع: سامانهٔ ملی کالاهای ساخت داخل (ایران‌ساخت). پروانه:',
  'opendata.page.files': 'پرونده‌ها',
  'opendata.page.formats':
    'CSV با کدگذاری UTF-8 و نشانهٔ ترتیب بایت (تا Excel آن را درست باز کند)، جداشده با ویرگول و نقل‌قول مطابق RFC 4180 است؛ متنی که با = + - یا @ آغاز شود پس از یک آپوستروف نوشته می‌شود تا صفحه‌گسترده آن را فرمول نپندارد و اجرا نکند. JSON Lines هر متن را همان‌گونه که نوشته شده نگه می‌دارد و در هر سطر یک شیء JSON دارد. هر دو هنگامی که برنامه بخواهد (\u2068Accept\u2011Encoding: gzip\u2069، همان‌گونه که مرورگرها می‌خواهند) فشرده با gzip فرستاده می‌شوند و صفحه به صفحه خوانده می‌شوند، پس پروندهٔ هر اندازه‌ای بی‌درنگ بارگیری می‌شود.',
  'opendata.page.format': 'قالب',
  'opendata.page.conditional':
    'هر پرونده با تغییر سامانه تغییر می‌کند. ETag ای را که دارید در If-None-Match بفرستید: پروندهٔ بی‌تغییر با 304 و بی‌بدنه پاسخ داده می‌شود. همین فهرست، با چکیده‌های تازه‌ترین نسخهٔ روزانه، به صورت JSON:',
  'opendata.page.live': 'پروندهٔ زنده',
  'opendata.page.snapshot': 'تازه‌ترین نسخهٔ روزانه',
  'opendata.page.snapshots': 'نسخه‌های روزانه',
  'opendata.page.snapshot_latest':
    'تازه‌ترین نسخهٔ روزانه از {day} است: سامانه همان‌گونه که در اندازهٔ {size} دفتر شفافیت بود. چکیده‌های آن:',
  'opendata.page.snapshot_verify':
    'برای وارسی پروندهٔ بارگیری‌شده، SHA256SUMS همان روز را کنار آن بگیرید و بگذارید sha256sum آن‌ها را بسنجد:',
  'opendata.page.snapshot_none':
    'هنوز نسخهٔ روزانه‌ای گرفته نشده است: نخستین آن اندکی پس از راه‌اندازی کارساز گرفته می‌شود.',
  'opendata.page.snapshot_list':
    'همهٔ نسخه‌های روزانه، از تازه‌ترین روز، با چکیده، اندازه و اندازهٔ دفتر شفافیت، به صورت JSON:',
  'opendata.page.fields': 'فیلدها',
  'opendata.page.field': 'فیلد',
  'opendata.page.meaning': 'معنا',
  'opendata.page.feed': 'جریان تغییرات، برای آینه‌ها',
  'opendata.page.feed_lead':
    'GET /api/v1/changes همهٔ رویدادهای عمومی سامانه را به ترتیب دفتر شفافیت فهرست می‌کند تا سایتی دیگر بتواند رونوشتی دقیق نگه دارد و درستی آن را ثابت کند.',
  'opendata.page.feed_start':
    'بدون after (یا با after=-1) آغاز کنید: پاسخ صفحه‌ای است با حداکثر limit رویداد (دست‌بالا ۱۰۰۰)، همراه nextCursor و more.',
  'opendata.page.feed_next':
    'با after=nextCursor دوباره بخواهید تا more برابر false شود. آخرین نشانگر را نگه دارید: بعدها همین درخواست تنها تغییرات پس از آن را برمی‌گرداند.',
  'opendata.page.feed_stream':
    'با Accept: application/x-ndjson کل جریان از after تا پایان، هر رویداد در یک سطر، پیوسته فرستاده می‌شود.',
  'opendata.page.feed_replay':
    'فیلدهای (fields) هر رویداد را بر کالا یا واحد تولیدی با همان شناسه اعمال کنید: بازپخش جریان از آغاز، فهرست عمومی را دقیقاً از نو می‌سازد. رویدادی با public برابر false از ثبتی است که هنوز عمومی نبوده و فیلدی ندارد.',
  'opendata.page.feed_proof':
    'هر رویداد logIndex دارد، جایگاه برگ آن در دفتر شفافیت: آن را با نقطه‌های وارسی امضاشدهٔ دفتر بسنجید تا ثابت شود آینه وفادارانه از سامانه پیروی کرده است.',
  'opendata.page.limits': 'محدودیت‌ها',
  'opendata.page.limits_text':
    'رابط برنامه‌نویسی به هر نشانی بدون توکن تا {anonymous} درخواست در دقیقه و به هر توکن (Authorization: Bearer) تا {token} درخواست در دقیقه پاسخ می‌دهد.',
  'opendata.page.limits_headers':
    'هر پاسخ سرآیندهای RateLimit و RateLimit-Policy را دارد؛ فراتر از حد، پاسخ 429 است، یک problem+json همراه Retry-After. نقطه‌های GET عمومی برای همهٔ مبدأها باز است (CORS)، پس برنامه‌های وب، حتی پاسخ 429 را، می‌توانند بخوانند.',
};
