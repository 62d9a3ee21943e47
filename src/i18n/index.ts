import * as auditEn from './audit.en.ts';
import * as auditFa from './audit.fa.ts';
import * as coreEn from './core.en.ts';
import * as coreFa from './core.fa.ts';
import * as importEn from './import.en.ts';
import * as importFa from './import.fa.ts';
import * as industriesEn from './industries.en.ts';
import * as industriesFa from './industries.fa.ts';
import * as logEn from './log.en.ts';
import * as logFa from './log.fa.ts';
import * as opendataEn from './opendata.en.ts';
import * as opendataFa from './opendata.fa.ts';
import * as searchEn from './search.en.ts';
import * as searchFa from './search.fa.ts';
import * as tradeEn from './trade.en.ts';
import * as tradeFa from './trade.fa.ts';
import * as webEn from './web.en.ts';
import * as webFa from './web.fa.ts';

/** Every string a person reads, by stable key; each area of the app keeps its own pair of files. */
const en = {
  ...coreEn.core,
  ...webEn.web,
  ...logEn.log,
  ...searchEn.search,
  ...opendataEn.opendata,
  ...importEn.bulkImport,
  ...industriesEn.industries,
  ...auditEn.audit,
  ...tradeEn.trade,
};
const fa: Record<keyof typeof en, string> = {
  ...coreFa.core,
  ...webFa.web,
  ...logFa.log,
  ...searchFa.search,
  ...opendataFa.opendata,
  ...importFa.bulkImport,
  ...industriesFa.industries,
  ...auditFa.audit,
  ...tradeFa.trade,
};

export type Lang = 'fa' | 'en';
export type MessageKey = keyof typeof en;
export const LANGS: readonly Lang[] = ['fa', 'en'];
export const catalogs: Record<Lang, Record<MessageKey, string>> = { fa, en };

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
export const toPersianDigits = (s: string) => s.replace(/[0-9]/g, (d) => PERSIAN_DIGITS[Number(d)] ?? d);

/** A message in a language, with {name} placeholders filled (numbers in Persian digits in fa). */
export function t(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = catalogs[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) return `{${name}}`;
    return lang === 'fa' && typeof v === 'number' ? toPersianDigits(String(v)) : String(v);
  });
}

/** The language a request asks for: a supported tag of Accept-Language, Persian otherwise. */
export function langFromAcceptLanguage(header: string | undefined | null): Lang {
  if (!header) return 'fa';
  const tags = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    const base = tag.split('-')[0];
    if (base === 'fa' || base === 'en') return base;
  }
  return 'fa';
}
