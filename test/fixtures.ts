/** Production units and products as the services, the API and the forms take them, for tests that need real records. */

import type { Ctx, User } from '../src/context.ts';
import { parseLegalEntityId } from '../src/domain/identifiers.ts';
import { signup } from '../src/modules/accounts/service.ts';
import * as producers from '../src/modules/producers/service.ts';

export const ceramicsUnit = {
  nationalId: '10860123456',
  nameFa: 'سرامیک یزد نمونه',
  nameEn: 'Yazd Sample Ceramics',
  province: 'IR-25',
  city: 'یزد',
  isic: '2392',
  licenceNo: '55/100',
  address: null,
  phone: null,
  website: null,
};

/** A steel unit: the one whose national ID `rebarRow`'s rows name. */
export const steelUnit = {
  nationalId: '10380284790',
  nameFa: 'فولاد نمونه',
  nameEn: 'Sample Steel',
  province: 'IR-04',
  city: 'اصفهان',
  isic: '2410',
  licenceNo: '1',
};

export const tileProduct = {
  nameFa: 'کاشی پرسلان لعاب‌دار ۶۰×۶۰',
  nameEn: 'Glazed porcelain tile 60×60',
  descriptionFa: 'کاشی کف پرسلان با لعاب براق.',
  descriptionEn: 'Glossy glazed porcelain floor tile.',
  tariffCode: '69072100',
  brand: 'یزد سرام',
  model: 'P-6060',
  gtin: null,
  unit: 'm2' as const,
  annualCapacity: 3_000_000,
  exWorksPrice: 4_500_000,
  importedInputsCost: 900_000,
  exportMarkets: ['IQ'],
  attributes: {},
};

/** A row of a products import file, column by column in the template's order: a valid rebar. */
export const rebarRow = (ref: string, unitNationalId: string, over: Record<string, string> = {}) => ({
  ref,
  unitNationalId,
  nameFa: 'میلگرد آجدار',
  nameEn: 'Rebar',
  descriptionFa: 'میلگرد فولادی',
  descriptionEn: 'Steel rebar',
  tariffCode: '72142000',
  brand: 'سپاهان',
  model: ref,
  gtin: '',
  unit: 'tonne',
  annualCapacity: '250000',
  exWorksPrice: '300000000',
  importedInputsCost: '45000000',
  exportMarkets: 'IQ',
  ...over,
});

/**
 * The account maker@example.ir and its steel unit, registered through the services and sent for
 * review, so that its products may be sent too.
 */
export async function steelMaker(ctx: Ctx) {
  const maker = (await signup(ctx, {
    email: 'maker@example.ir',
    password: 'maker-pass-12',
    name: 'Maker',
  })) as User;
  const registered = await producers.register(ctx, maker, steelUnit);
  const unit = await producers.move(ctx, maker, registered.id, 'submit');
  return { maker, unit };
}

/** A steel rebar as the API takes it, without a GTIN (a GTIN may be held by one registration only). */
export const rebarProduct = {
  nameFa: 'میلگرد آجدار A3 قطر ۱۶',
  nameEn: 'Deformed rebar A3, 16 mm',
  descriptionFa: 'میلگرد آجدار فولادی مطابق استاندارد ملی ۳۱۳۲.',
  descriptionEn: 'Hot-rolled deformed steel rebar to INSO 3132.',
  tariffCode: '72142000',
  brand: 'سپاهان',
  model: 'A3-16',
  gtin: null,
  unit: 'tonne',
  annualCapacity: 250000,
  exWorksPrice: 300_000_000,
  importedInputsCost: 45_000_000,
  exportMarkets: ['iq', 'AF'],
  attributes: { استاندارد: 'INSO 3132' },
};

/** The fields of the new-unit form as a person fills them in, but the national ID. */
export const unitForm = {
  nameFa: 'فولاد سپاهان',
  nameEn: 'Sepahan Steel',
  province: 'IR-10',
  city: 'اصفهان',
  isic: '2410',
  licenceNo: '123/45678',
};

/** The fields of the new-product form as a person fills them in, but the unit. */
export const productForm = {
  nameFa: 'میلگرد آجدار A3 قطر ۱۶',
  nameEn: 'Deformed rebar A3, 16 mm',
  descriptionFa: 'میلگرد آجدار فولادی برای ساختمان',
  descriptionEn: 'Deformed steel rebar for construction',
  tariffCode: '72142000',
  brand: 'سپاهان',
  model: 'A3-16',
  unit: 'tonne',
  annualCapacity: '120000',
  exWorksPrice: '250000000',
  importedInputsCost: '40000000',
  exportMarkets: 'IQ',
};

let serial = 0;
/**
 * A valid legal-entity national ID that no other call in this process returns, so that each test
 * registers units of its own: 1044 (a prefix no fixture or demo unit uses), a serial, the check digit.
 */
export function newNationalId(): string {
  const body = `1044${String(++serial).padStart(6, '0')}`;
  for (let check = 0; check < 10; check++) {
    const id = parseLegalEntityId(`${body}${check}`);
    if (id) return id;
  }
  throw new Error(`no check digit for ${body}`);
}
