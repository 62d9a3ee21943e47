import { isicDivision } from '../domain/reference.ts';
import { catalogs, type Lang, type MessageKey, t } from '../i18n/index.ts';

/** An ISIC division's title in the reader's language (the reference data has English titles only). */
export function isicDivisionName(code: string, lang: Lang): string | undefined {
  const key = `industries.isic.${code}`;
  return key in catalogs.en ? t(lang, key as MessageKey) : isicDivision(code)?.titleEn;
}
