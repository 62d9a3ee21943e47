import type { trade as en } from './trade.en.ts';

/** Strings of the exports monitor in Persian. */
export const trade: Record<keyof typeof en, string> = {
  'trade.column_missing': 'پرونده ستون «{column}» ندارد.',
  'trade.column_repeated': 'ستون «{column}» دو بار آمده است.',
  'trade.number_malformed': 'عدد نیست: رقم بنویسید، اگر خواستید با ٬ یا , میان دسته‌های سه‌رقمی.',
  'trade.number_negative': 'ارزش، وزن یا مقدار نمی‌تواند کمتر از صفر باشد.',
  'trade.year_malformed': 'سال نیست: چهار رقم بنویسید.',
  'trade.month_malformed': 'ماه نیست: عددی از ۱ تا ۱۲ بنویسید.',
  'trade.period_malformed': 'دوره نیست: سال (YYYY) یا سال و ماه (YYYYMM) را بنویسید.',
  'trade.period_mismatch': 'دوره با سال و ماهِ سطر جور نیست ({expected}).',
  'trade.frequency_unknown': 'بسامد نیست: برای سالانه A و برای ماهانه M بنویسید.',
  'trade.type_not_goods': 'این سطر تجارت خدمات است؛ تنها تجارت کالا وارد می‌شود.',
  'trade.flow_unknown': 'جریان تجارت نیست: یکی از {accepted} را بنویسید.',
  'trade.country_unknown': 'هیچ کشوری این کد یا نام را ندارد.',
  'trade.partner_area':
    'ناحیه‌ای از Comtrade که کشور نیست (نواحی نامشخص، سوخت‌رسانی، مناطق آزاد): تجارتش تنها در ردیف جهان شمرده می‌شود.',
  'trade.code_malformed': 'کد HS نیست: ۲، ۴، ۶ یا ۸ رقم بنویسید که با فصلی از ۰۱ تا ۹۷ آغاز شود.',
  'trade.edition_unknown': 'ویرایش HS نیست: H0 تا H6 (HS 1992 تا HS 2022) بنویسید.',
  'trade.value_missing': 'سطر ارزش دلاری ندارد.',
  'trade.breakdown_customs':
    'این سطر یک رویهٔ گمرکی است، نه همهٔ آن‌ها (C00): اگر پرونده تفکیکی است، آن را تفکیکی وارد کنید.',
  'trade.breakdown_transport':
    'این سطر یک شیوهٔ حمل است، نه همهٔ آن‌ها (0): اگر پرونده تفکیکی است، آن را تفکیکی وارد کنید.',
  'trade.breakdown_partner2':
    'این سطر یک طرف معاملهٔ دوم است، نه همهٔ آن‌ها (0): اگر پرونده تفکیکی است، آن را تفکیکی وارد کنید.',
};
