import { ALL_CODES, cellKey, type TradeCell, WORLD } from './cell.ts';

/**
 * The ways one trade cell can hold others: a year holds its months, the World its partners, a code the
 * longer codes it begins (TOTAL holds every code), and in a breakdown file all procedures (C00), all modes
 * of transport (0) and all second partners (W00) hold each one.
 */
export const AXES = [
  'period',
  'partner',
  'code',
  'customsProcedure',
  'transportMode',
  'secondPartner',
] as const;
export type Axis = (typeof AXES)[number];

/** A cell's position on an axis. */
export function positionOf(cell: TradeCell, axis: Axis): string {
  switch (axis) {
    case 'period':
      return cell.month === null ? String(cell.year) : `${cell.year}-${cell.month}`;
    case 'partner':
      return cell.partner;
    case 'code':
      return cell.code;
    case 'customsProcedure':
      return cell.breakdown?.customsProcedure ?? 'C00';
    case 'transportMode':
      return cell.breakdown?.transportMode ?? '0';
    case 'secondPartner':
      return cell.breakdown?.secondPartner ?? WORLD;
  }
}

const ALL: Readonly<Record<Exclude<Axis, 'period' | 'code'>, string>> = {
  partner: WORLD,
  customsProcedure: 'C00',
  transportMode: '0',
  secondPartner: WORLD,
};

/** The positions that hold a position, nearest first, itself not included. */
export function ancestorsOf(axis: Axis, position: string): string[] {
  if (axis === 'period') return position.includes('-') ? [position.slice(0, position.indexOf('-'))] : [];
  if (axis === 'code') {
    if (position === ALL_CODES) return [];
    const prefixes = [];
    for (let length = position.length - 2; length >= 2; length -= 2) prefixes.push(position.slice(0, length));
    return [...prefixes, ALL_CODES];
  }
  return position === ALL[axis] ? [] : [ALL[axis]];
}

/**
 * What a cell is a figure of apart from its positions on the axes: cells of one series differ only in
 * their positions (and in their release, which a view picks before any sum).
 */
export function seriesOf(cell: TradeCell): string {
  return [
    cell.source,
    cell.reporter,
    cell.flow,
    cell.calendar,
    cell.basis,
    cell.status === 'mirrored' ? 'mirror' : 'own',
    cell.breakdown ? 'breakdown' : '',
  ].join('|');
}

/** The cell's positions on every axis, as one key. */
export const positionKey = (cell: TradeCell, axes: readonly Axis[] = AXES) =>
  axes.map((axis) => positionOf(cell, axis)).join('|');

/** The latest release of each cell that appears more than once, so that no figure is counted twice. */
export function latestOfEach(cells: readonly TradeCell[]): TradeCell[] {
  const latest = new Map<string, TradeCell>();
  for (const cell of cells) {
    const key = cellKey(cell);
    const known = latest.get(key);
    if (!known || known.asOf < cell.asOf) latest.set(key, cell);
  }
  return [...latest.values()];
}
