import {
  HS_CHAPTERS,
  HS_SECTIONS,
  type HsChapter,
  type HsSection,
  ISIC,
  type IsicEntry,
  PROVINCES,
  type Province,
} from './reference-data.generated.ts';

export type { HsChapter, HsSection, IsicEntry, Province };
export { HS_CHAPTERS, HS_SECTIONS, ISIC, PROVINCES };

const provincesByCode = new Map(PROVINCES.map((p) => [p.code, p]));
const chaptersByNumber = new Map(HS_CHAPTERS.map((c) => [c.chapter, c]));
const divisionsByCode = new Map(ISIC.filter((e) => e.level === 'division').map((e) => [e.code, e]));

/** ISIC Rev.4 section C (manufacturing) is divisions 10–33. */
export const MANUFACTURING_DIVISIONS: readonly IsicEntry[] = [...divisionsByCode.values()].filter(
  (e) => Number(e.code) >= 10 && Number(e.code) <= 33,
);

/** A current ISO 3166-2:IR code (IR-00 to IR-30, since the 2020 renumbering). */
export function isProvinceCode(code: string): boolean {
  return provincesByCode.has(code);
}

export function province(code: string): Province | undefined {
  return provincesByCode.get(code);
}

/** A two-digit HS chapter such as '07'; chapter 77 is there, reserved by the HS. */
export function hsChapter(chapter: string): HsChapter | undefined {
  return chaptersByNumber.get(chapter);
}

/** The Persian title falls back to the English one until the chapter has a Persian title. */
export function hsChapterTitle(chapter: string, lang: 'fa' | 'en'): string | undefined {
  const found = chaptersByNumber.get(chapter);
  if (!found) return undefined;
  return lang === 'fa' ? (found.titleFa ?? found.titleEn) : found.titleEn;
}

export function isicDivision(code: string): IsicEntry | undefined {
  return divisionsByCode.get(code);
}
