import { ALL_CODES, type HsEdition } from './cell.ts';

/**
 * A sector: a named list of HS codes for each edition it is defined in (mining and mineral industries,
 * iron and steel, …). A code stands for itself and every longer code it begins.
 */
export interface Sector {
  id: string;
  codes: Partial<Record<HsEdition, readonly string[]>>;
}

/**
 * How much of a cell's code a sector counts: the whole of it (7207 in a sector of 72), a part (chapter 72
 * in a sector of 7207, or TOTAL: the cell cannot be split, so it is not counted), none, or `unknown` when
 * the sector has no list for the cell's edition.
 */
export function sectorCoverage(
  sector: Sector,
  hsEdition: HsEdition,
  code: string,
): 'whole' | 'part' | 'none' | 'unknown' {
  const codes = sector.codes[hsEdition];
  if (!codes) return 'unknown';
  if (codes.some((c) => code !== ALL_CODES && code.startsWith(c))) return 'whole';
  return codes.some((c) => code === ALL_CODES || c.startsWith(code)) ? 'part' : 'none';
}

/** A partner's membership of a market group from a date (included) until a date (excluded); null is open. */
export interface Membership {
  partner: string;
  from: string | null;
  until: string | null;
}

/** A market group (neighbours, the EU, the countries that sanction Iran's metals, …) with dated membership. */
export interface MarketGroup {
  id: string;
  members: readonly Membership[];
}

/** The partners a group has on a date (YYYY-MM-DD). */
export function membersOn(group: MarketGroup, date: string): Set<string> {
  return new Set(
    group.members
      .filter((m) => (m.from === null || m.from <= date) && (m.until === null || date < m.until))
      .map((m) => m.partner),
  );
}
