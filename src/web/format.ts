// How values read on a page: names, numbers, dates and codes in the reader's language.
import { formatDate } from '../domain/jalali.ts';
import { hsChapterTitle, isicDivision, province } from '../domain/reference.ts';
import { catalogs, type Lang, type MessageKey, t, toPersianDigits } from '../i18n/index.ts';

export const dir = (lang: Lang) => (lang === 'fa' ? 'rtl' : 'ltr');

type Named = { nameFa: string; nameEn: string };

export const nameOf = (x: Named, lang: Lang) => (lang === 'fa' ? x.nameFa : x.nameEn);

export const provinceName = (code: string, lang: Lang) => {
  const p = province(code);
  return p ? nameOf(p, lang) : code;
};

export function formatNumber(n: number, lang: Lang, fractionDigits = 0): string {
  return new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', {
    maximumFractionDigits: fractionDigits,
  }).format(n);
}

/** Digits as the reader writes them: Persian in fa (registration numbers, codes), unchanged in en. */
export const digits = (s: string, lang: Lang) => (lang === 'fa' ? toPersianDigits(s) : s);

/** Text someone typed, set in a sentence of either language: it keeps its own direction (FSI … PDI). */
export const isolate = (s: string) => `\u2068${s}\u2069`;

export const dateOf = (iso: string | null | undefined, lang: Lang) =>
  iso ? formatDate(new Date(iso), lang) : '—';

export const chapterLabel = (chapter: string, lang: Lang) =>
  `${digits(chapter, lang)} · ${hsChapterTitle(chapter, lang) ?? ''}`;
export function isicDivisionName(code: string, lang: Lang): string | undefined {
  const key = `industries.isic.${code}`;
  return key in catalogs.en ? t(lang, key as MessageKey) : isicDivision(code)?.titleEn;
}
