import type { Ctx } from '../../context.ts';
import { foldDigits } from '../../domain/digits.ts';
import { hsChapter, isicDivision } from '../../domain/reference.ts';
import { fail } from '../../errors.ts';
import * as catalog from '../catalog/service.ts';
import type { Industry } from '../products/service.ts';
import * as products from '../products/service.ts';

export type { Industry };

const NEWEST = 24;
const PER_LEVEL = 30;

/** Is this a chapter or a manufacturing division the registry knows? */
const known = (i: Industry) =>
  i.kind === 'hs' ? !!hsChapter(i.code) && i.code !== '77' : !!isicDivision(i.code);

/** Every industry with approved products: HS chapters and ISIC divisions. */
export async function overview(ctx: Ctx) {
  const [hs, isic] = await Promise.all([products.industries(ctx, 'hs'), products.industries(ctx, 'isic')]);
  return { hs, isic };
}

/** One industry's public figures and its newest approved products. */
export async function industry(ctx: Ctx, which: Industry) {
  if (!known(which)) return fail('not_found');
  const [figures, ids] = await Promise.all([
    products.industryFigures(ctx, which),
    products.newestIn(ctx, which, NEWEST),
  ]);
  return { ...figures, newest: await products.publicByIds(ctx, ids) };
}

export type Level = 'subheading' | 'heading' | 'chapter';
const LEVELS: { level: Level; digits: number }[] = [
  { level: 'subheading', digits: 6 },
  { level: 'heading', digits: 4 },
  { level: 'chapter', digits: 2 },
];

const codeLike = (typed: string) => foldDigits(typed).replace(/[\s.-]/g, '');
const isNumeric = (typed: string) => /^\d+$/.test(codeLike(typed));

/** A tariff code or prefix as typed ("7214.20", Persian digits), or null when it is not one. */
export function tariffPrefixOf(typed: string): string | null {
  const s = codeLike(typed);
  if (!/^\d{2,8}$/.test(s)) return null;
  const chapter = s.slice(0, 2);
  return hsChapter(chapter) && chapter !== '77' ? s : null;
}

/**
 * "Find a domestic maker": from the tariff code of an imported good, or its name (whose products tell
 * the code), the approved domestic products of the same subheading, then heading, then chapter.
 */
export async function findMakers(ctx: Ctx, typed: string) {
  // Digits alone that are no tariff code («9999») are a mistyped code, not a name found in some text.
  const code = tariffPrefixOf(typed) ?? (isNumeric(typed) ? null : await codeByName(ctx, typed));
  if (!code) return { code: null, levels: [] };
  const levels = [];
  let narrower: string | null = null;
  for (const { level, digits } of LEVELS) {
    if (code.length < digits) continue;
    const prefix = code.slice(0, digits);
    const found = await products.byTariffPrefix(ctx, prefix, narrower, PER_LEVEL);
    levels.push({ level, prefix, total: found.total, items: await products.publicByIds(ctx, found.ids) });
    narrower = prefix;
  }
  return { code, levels };
}

/** The tariff code most of the best matches of a name carry. */
async function codeByName(ctx: Ctx, name: string) {
  const q = name.trim();
  if (!q) return null;
  const page = await catalog.list(ctx, { q, limit: 20 });
  const [top] = await products.commonTariffCodes(
    ctx,
    page.items.map((p) => p.id),
  );
  return top ?? null;
}
