// Countries come from the i18n-iso-countries package: its table of ISO 3166-1 codes and its Persian and
// English names. Only the data files are read, so that importing this does not load its hundred locales.
import codes from 'i18n-iso-countries/codes.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import fa from 'i18n-iso-countries/langs/fa.json' with { type: 'json' };
import { normaliseText } from '../persian.ts';
import { WORLD } from './cell.ts';

export interface Country {
  alpha2: string;
  alpha3: string;
  /** The UN M49 number, three digits: for a country it is its ISO 3166-1 numeric code. */
  m49: string;
  nameFa: string;
  nameEn: string;
}

type Names = Record<string, string | string[]>;
const namesOf = (names: Names, alpha2: string): string[] => [names[alpha2] ?? []].flat();

export const COUNTRIES: readonly Country[] = (codes as string[][]).map(
  ([alpha2 = '', alpha3 = '', m49 = '']) => ({
    alpha2,
    alpha3,
    m49,
    nameFa: namesOf(fa.countries as Names, alpha2)[0] ?? alpha2,
    nameEn: namesOf(en.countries as Names, alpha2)[0] ?? alpha2,
  }),
);

const byCode = new Map<string, Country>();
for (const c of COUNTRIES) {
  byCode.set(c.alpha2, c);
  byCode.set(c.alpha3, c);
  byCode.set(c.m49, c);
}

/** A country by its ISO alpha-2 or alpha-3 code (any case) or its M49 number (leading zeros optional). */
export function countryByCode(code: string): Country | null {
  const text = normaliseText(code).toUpperCase();
  const key = /^\d{1,3}$/.test(text) ? text.padStart(3, '0') : text;
  return byCode.get(key) ?? null;
}

// Words that official names carry and everyday writing drops: «جمهوری آذربایجان» is «آذربایجان».
const TITLES = ['جمهوری اسلامی', 'جمهوری', 'پادشاهی', 'فدراسیون', 'دولت', 'کشور', 'the', 'republic of'];

/** The form names are compared in: normalised, آ as ا, without spaces, joiners or punctuation. */
const nameKey = (name: string) =>
  normaliseText(name)
    .replace(/آ/g, 'ا')
    .replace(/[^\p{L}\p{N}]/gu, '');

const withoutTitle = (name: string): string | null => {
  const text = normaliseText(name);
  const title = TITLES.find((t) => text.startsWith(`${t} `));
  return title ? text.slice(title.length + 1) : null;
};

/**
 * The ways names are written in customs tables and the press that neither language file has: short
 * forms and older names. Each maps to one country.
 */
const VARIANTS: Readonly<Record<string, readonly string[]>> = {
  AE: ['امارات', 'امارات عربی متحده'],
  US: ['آمریکا', 'ایالات متحده آمریکا', 'ایالات متحدهٔ آمریکا'],
  GB: ['انگلستان', 'انگلیس', 'پادشاهی متحده'],
  KR: ['کره'],
  SA: ['عربستان'],
  BY: ['روسیه سفید'],
  MK: ['مقدونیه'],
  PS: ['فلسطین'],
  CI: ['کوت دیوار'],
  NL: ['هالند'],
};

/** Names to countries; a key two countries share («کنگو» of both Congos) names neither of them. */
function nameIndex(entries: Iterable<[string, Country]>): Map<string, Country | null> {
  const index = new Map<string, Country | null>();
  for (const [name, country] of entries) {
    const key = nameKey(name);
    if (key === '') continue;
    const known = index.get(key);
    index.set(key, known === undefined || known === country ? country : null);
  }
  return index;
}

function* fullNames(): Generator<[string, Country]> {
  for (const c of COUNTRIES) {
    for (const name of namesOf(fa.countries as Names, c.alpha2)) yield [name, c];
    for (const name of namesOf(en.countries as Names, c.alpha2)) yield [name, c];
  }
}

/** A name without its title, and each part of «میانمار (برمه)» or «کنگو - کینشاسا». */
function* shortNames(): Generator<[string, Country]> {
  for (const [name, c] of fullNames()) {
    const bare = withoutTitle(name);
    if (bare) yield [bare, c];
    const parts = name.split(/[()\-–]/);
    if (parts.length > 1) for (const part of parts) yield [part, c];
  }
}

// A full name wins over a short one («Guinea» is Guinea, not a part of Guinea-Bissau), and the
// hand-written variants over both («کره» is the Republic of Korea).
const byName = new Map([...nameIndex(shortNames()), ...nameIndex(fullNames())]);
for (const [alpha2, names] of Object.entries(VARIANTS)) {
  const c = byCode.get(alpha2);
  if (c) for (const name of names) byName.set(nameKey(name), c);
}

/** A country by its Persian or English name, written in any of the common ways. */
export function countryByName(name: string): Country | null {
  const exact = byName.get(nameKey(name));
  if (exact !== undefined) return exact;
  const bare = withoutTitle(name);
  return bare === null ? null : (byName.get(nameKey(bare)) ?? null);
}

const WORLD_NAMES = new Set(['w00', 'wld', 'world', 'جهان', 'کل جهان', 'همه کشورها', 'کل'].map(nameKey));

/** A partner as a file may write it: code, M49 number or name; W00 for the World total, null when unknown. */
export function partnerOf(text: string): string | null {
  if (WORLD_NAMES.has(nameKey(text)) || /^0+$/.test(normaliseText(text))) return WORLD;
  return (countryByCode(text) ?? countryByName(text))?.alpha3 ?? null;
}
