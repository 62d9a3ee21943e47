import { createHash } from 'node:crypto';
import { formatRegistrationNumber } from '../src/domain/identifiers.ts';
import { valueAddedPercent } from '../src/domain/registration.ts';
import type { IndexedProduct } from '../src/modules/catalog/search-index.ts';
import { type DemoProduct, type DemoUnit, demoCatalog, demoProducts } from '../src/modules/demo/catalog.ts';

const DAY = 86_400_000;

export interface SyntheticEntry {
  /** As the index sees it; ids are the demo refs. */
  product: IndexedProduct;
  demo: DemoProduct;
  unit: DemoUnit;
  /** Whether the demo would have it approved, so public. */
  isPublic: boolean;
}

/** The demo catalog's products by the same rules as the demo data, ten per production unit. */
export function* syntheticEntries(
  products: number,
  units = Math.max(50, Math.round(products / 10)),
): Generator<SyntheticEntry> {
  const byRef = new Map(demoCatalog({ units, products: 0 }).units.map((u) => [u.ref, u]));
  let i = 0;
  for (const p of demoProducts({ units, products })) {
    const u = byRef.get(p.unitRef);
    if (!u) continue;
    i++;
    const product: IndexedProduct = {
      id: p.ref,
      registrationNumber: formatRegistrationNumber(1403, i),
      gtin: p.gtin ?? null,
      tariffCode: p.tariffCode,
      nameFa: p.nameFa,
      nameEn: p.nameEn,
      descriptionFa: p.descriptionFa,
      descriptionEn: p.descriptionEn,
      brand: p.brand,
      model: p.model,
      attributeText: Object.values(p.attributes).join('\n'),
      valueAddedPercent: valueAddedPercent(p.exWorksPrice, p.importedInputsCost),
      registeredAt: Date.UTC(2024, 0, 1) + (i % 730) * DAY,
      producer: {
        id: u.ref,
        nationalId: u.nationalId,
        nameFa: u.nameFa,
        nameEn: u.nameEn,
        province: u.province,
        isic: u.isic,
      },
    };
    const isPublic = p.targetState === 'approved' || p.targetState === 'approved_with_revision';
    yield { product, demo: p, unit: u, isPublic };
  }
}

/** The same catalog with every product approved, as the index sees it. */
export function* syntheticCatalog(products: number, units?: number): Generator<IndexedProduct> {
  for (const entry of syntheticEntries(products, units)) yield entry.product;
}

/** A stable UUID for a demo ref, spread like random ones. */
export function uuidOf(ref: string): string {
  const h = createHash('sha256').update(ref).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
