import type { log as en } from './log.en.ts';

export const log: Record<keyof typeof en, string> = {
  'log.title': 'دفتر شفافیت',
  'log.lead':
    'هر تغییر در یک ثبت (ارسال، تأیید، رد، تعلیق، ابطال) به دفتری عمومی و فقط‌افزودنی افزوده می‌شود. هر کسی می‌تواند بررسی کند که این دفتر فقط بزرگ‌تر می‌شود، که یک رویداد در آن هست و که سامانه همان را نشان می‌دهد که دفتر می‌گوید.',
  'log.checkpoint.heading': 'آخرین نقطهٔ وارسی امضاشده',
  'log.checkpoint.size': 'شمار درج‌ها: {size}',
  'log.checkpoint.none': 'هنوز هیچ نقطهٔ وارسی امضا نشده است.',
  'log.key.heading': 'کلید وارسی',
  'log.key.note':
    'نقطه‌های وارسی با Ed25519 امضا می‌شوند (یادداشت امضاشدهٔ C2SP). این کلید را برای بررسی آن‌ها نگه دارید.',
  'log.entries.heading': 'درج‌ها، تازه‌ترین نخست',
  'log.entries.older': 'درج‌های پیشین',
  'log.entries.newest': 'تازه‌ترین درج‌ها',
  'log.entries.none': 'دفتر هنوز درجی ندارد.',
  'log.entries.index': 'شماره',
  'log.entries.event': 'رویداد',
  'log.entries.subject': 'موضوع',
  'log.entries.seq': 'شمارهٔ رویداد',
  'log.entries.time': 'زمان',
  'log.entries.receipt': 'رسید',
  'log.subject.product': 'کالا',
  'log.subject.producer': 'واحد تولیدی',
  'log.how.heading': 'چگونه بررسی کنیم',
  'log.how.receipt': 'رسید یک درج را بارگیری کنید و آن را بدون اینترنت با کلید وارسی بررسی کنید:',
  'log.how.monitor':
    'دفتر را پایش کنید: هر نقطهٔ وارسی تازه باید دنبالهٔ آخرین نقطه‌ای باشد که دیده‌اید (اثبات سازگاری):',
  'log.how.audit':
    'کل دفتر را حسابرسی کنید: همهٔ درج‌ها را بارگیری کنید، ریشه را دوباره حساب کنید و زنجیرهٔ هر موضوع را دنبال کنید:',
  'log.root': 'ریشهٔ درخت در آخرین نقطهٔ وارسی، در مبنای ۱۶:',
  'log.how.api':
    'رابط برنامه‌نویسی: نقطهٔ وارسی، درج‌ها و اثبات‌ها زیر ‎/api/v1/log‎؛ قالب در docs/log-format.md آمده است.',
};
