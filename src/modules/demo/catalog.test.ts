import { describe, expect, it } from 'vitest';
import {
  hsChapterOf,
  parseGtin,
  parseIsicClass,
  parseLegalEntityId,
  parseTariffCode,
} from '../../domain/identifiers.ts';
import { isProvinceCode } from '../../domain/reference.ts';
import { demoCatalog, demoProducts } from './catalog.ts';
import { PLACES } from './places.ts';

const ARABIC_YEH_KAF = /[\u064A\u0643]/;

describe('demo catalog', () => {
  const { units, products } = demoCatalog({ units: 300, products: 3000 });

  it('has production units in every province, with unique valid IDs', () => {
    expect(units).toHaveLength(300);
    expect(new Set(units.map((u) => u.province)).size).toBe(31);
    expect(units.every((u) => isProvinceCode(u.province))).toBe(true);
    expect(units.every((u) => parseLegalEntityId(u.nationalId) === u.nationalId)).toBe(true);
    expect(new Set(units.map((u) => u.nationalId)).size).toBe(units.length);
    expect(new Set(units.map((u) => u.ref)).size).toBe(units.length);
    expect(units.every((u) => parseIsicClass(u.isic) !== null)).toBe(true);
    for (const u of units) {
      const place = PLACES.find((p) => p.code === u.province);
      expect(place?.cities.some(([fa]) => fa === u.city)).toBe(true);
      if (u.phone) expect(u.phone.startsWith(`${place?.area}-`)).toBe(true);
    }
  });

  it('has products across at least 40 HS chapters with valid codes and costs', () => {
    expect(products).toHaveLength(3000);
    expect(new Set(products.map((p) => p.ref)).size).toBe(products.length);
    expect(new Set(products.map((p) => hsChapterOf(p.tariffCode))).size).toBeGreaterThanOrEqual(40);
    for (const p of products) {
      expect(parseTariffCode(p.tariffCode)).toBe(p.tariffCode);
      if (p.gtin)
        expect(parseGtin(p.gtin) === p.gtin && p.gtin.startsWith('626') && p.gtin.length === 13).toBe(true);
      expect(p.importedInputsCost).toBeLessThanOrEqual(p.exWorksPrice);
      expect(p.exWorksPrice).toBeGreaterThan(0);
    }
    const gtins = products.flatMap((p) => (p.gtin ? [p.gtin] : []));
    expect(new Set(gtins).size).toBe(gtins.length);
  });

  it('gives a unit products of its own industry only', () => {
    const unitByRef = new Map(units.map((u) => [u.ref, u]));
    const isicOf = new Map<string, Set<string>>();
    for (const p of products) {
      expect(unitByRef.has(p.unitRef)).toBe(true);
      const isics = isicOf.get(p.unitRef) ?? new Set();
      isics.add(unitByRef.get(p.unitRef)?.isic ?? '');
      isicOf.set(p.unitRef, isics);
    }
    expect([...isicOf.values()].every((s) => s.size === 1)).toBe(true);
  });

  it('is mostly approved, with every other review state present', () => {
    const counts = new Map<string, number>();
    for (const p of products) counts.set(p.targetState, (counts.get(p.targetState) ?? 0) + 1);
    expect((counts.get('approved') ?? 0) / products.length).toBeGreaterThan(0.7);
    for (const state of [
      'draft',
      'submitted',
      'changes_requested',
      'rejected',
      'suspended',
      'revoked',
      'expired',
      'approved_with_revision',
    ]) {
      expect(counts.get(state) ?? 0).toBeGreaterThanOrEqual(30);
    }
  });

  it('writes Persian with Persian letters', () => {
    const text = [
      ...units.map((u) => u.nameFa + (u.address ?? '')),
      ...products.map((p) => p.nameFa + p.descriptionFa),
    ];
    expect(text.some((t) => ARABIC_YEH_KAF.test(t))).toBe(false);
  });

  it('is deterministic, and the stream matches', () => {
    expect(demoCatalog({ units: 300, products: 3000 })).toEqual({ units, products });
    expect([...demoProducts({ units: 300, products: 3000 })]).toEqual(products);
    expect(demoCatalog({ units: 300, products: 3000, seed: 7 }).products).not.toEqual(products);
  });
});
