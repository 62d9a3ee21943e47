import type { audit as en } from './audit.en.ts';

/** Strings of the yearly audit in Persian. */
export const audit: Record<keyof typeof en, string> = {
  'audit.title': 'ممیزی سالانه',
  'audit.lead':
    'هر سال ایرانی وزارت نمونه‌ای تصادفی از ثبت‌های معتبر (۵ درصد، دست‌کم ۱۰ ثبت) برمی‌دارد و اظهارهای آن‌ها (ظرفیت، قیمت درِ کارخانه، نهاده‌های وارداتی) را با واقعیت می‌سنجد. مغایرت به تصمیمی دربارهٔ ثبت، با دلیلش، می‌انجامد که همگانی است.',
  'audit.years': 'سال‌ها',
  'audit.year': 'سال {year}',
  'audit.draw': 'برداشتن نمونهٔ سال {year}',
  'audit.draw_lead':
    'نمونهٔ سال {year} هنوز برداشته نشده است. {count} ثبت معتبر است؛ {size} ثبت به تصادف برداشته می‌شود.',
  'audit.none_in_force': 'هیچ ثبت معتبری نیست: چیزی برای برداشتن نمونه نیست.',
  'audit.not_drawn': 'برای سال {year} نمونه‌ای برداشته نشده است.',
  'audit.drawn':
    'برداشته‌شده در {date} از میان {population} ثبت معتبر: {size} ثبت در نمونه، {done} ممیزی‌شده، {discrepancies} با مغایرت.',
  'audit.col_product': 'کالا',
  'audit.col_number': 'شمارهٔ ثبت',
  'audit.col_producer': 'واحد تولیدی',
  'audit.col_outcome': 'نتیجه',
  'audit.col_note': 'یادداشت',
  'audit.outcome.pending': 'در انتظار ممیزی',
  'audit.outcome.confirmed': 'اظهار تأیید شد',
  'audit.outcome.discrepancy': 'مغایرت',
  'audit.form_title': 'در نمونهٔ ممیزی سال {year}',
  'audit.form_lead':
    'ظرفیت، قیمت و نهاده‌های وارداتیِ اظهارشده را با واقعیت بسنجید و آنچه یافتید را ثبت کنید. مغایرت به تصمیمی در پایین (تعلیق یا ابطال) با دلیلش نیاز دارد.',
  'audit.outcome': 'یافتهٔ ممیزی',
  'audit.note': 'یادداشت',
  'audit.note_hint': 'برای مغایرت لازم است: آنچه با اظهار نمی‌خواند. در وزارت می‌ماند.',
  'audit.record': 'ثبت ممیزی',
};
