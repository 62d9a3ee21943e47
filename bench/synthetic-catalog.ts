import { formatRegistrationNumber } from '../src/domain/identifiers.ts';
import { valueAddedPercent } from '../src/domain/registration.ts';
import type { IndexedProduct } from '../src/modules/catalog/search-index.ts';
import { demoCatalog, demoProducts } from '../src/modules/demo/catalog.ts';

const DAY = 86_400_000;

/** The demo catalog's products as the index sees them, every one approved; ids are the demo refs. */
export function* syntheticCatalog(
  products: number,
  units = Math.max(50, Math.round(products / 10)),
): Generator<IndexedProduct> {
  const byRef = new Map(demoCatalog({ units, products: 0 }).units.map((u) => [u.ref, u]));
  let i = 0;
  for (const p of demoProducts({ units, products })) {
    const u = byRef.get(p.unitRef);
    if (!u) continue;
    i++;
    yield {
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
      attributes: p.attributes,
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
  }
}
