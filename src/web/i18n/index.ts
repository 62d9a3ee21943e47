import { en, type MessageKey } from './en.ts';
import { fa } from './fa.ts';

export type Lang = 'fa' | 'en';
export type { MessageKey };
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
