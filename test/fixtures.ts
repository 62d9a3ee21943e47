/** A production unit and a product as the services take them, for tests that need real records. */

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
