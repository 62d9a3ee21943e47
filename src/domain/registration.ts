import { endOfIranianYear, iranianYearOf } from './jalali.ts';

/** The domestic value-added share of the ex-works price, 0–100 %, to two decimals. */
export function valueAddedPercent(exWorksPrice: number, importedInputsCost: number): number {
  if (exWorksPrice <= 0) return 0;
  const share = ((exWorksPrice - importedInputsCost) / exWorksPrice) * 100;
  return Math.round(Math.min(100, Math.max(0, share)) * 100) / 100;
}

/** A registration is valid to the end of the Iranian year after the one it was approved or renewed in. */
export function validUntil(from: Date): Date {
  return endOfIranianYear(iranianYearOf(from) + 1);
}

/**
 * Whether renewing now would extend a registration: one valid to the end of next year already gains
 * nothing, and its renewal would only add an event to the public log.
 */
export function renewalExtends(currentValidUntil: string | null, now: Date): boolean {
  return !currentValidUntil || validUntil(now) > new Date(currentValidUntil);
}

export const VALUE_ADDED_BANDS = [
  { id: '80-100', min: 80, max: 100 },
  { id: '50-80', min: 50, max: 80 },
  { id: '20-50', min: 20, max: 50 },
  { id: '0-20', min: 0, max: 20 },
] as const;

export const MEASUREMENT_UNITS = [
  'piece',
  'kg',
  'tonne',
  'litre',
  'm',
  'm2',
  'm3',
  'set',
  'pair',
  'box',
] as const;
export type MeasurementUnit = (typeof MEASUREMENT_UNITS)[number];
