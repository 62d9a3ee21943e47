import { z } from '@hono/zod-openapi';
import { gtinProblem, parseCountryCode, parseGtin, parseTariffCode } from '../../domain/identifiers.ts';
import { MEASUREMENT_UNITS } from '../../domain/registration.ts';
import { STATUSES } from '../../domain/workflow.ts';
import { amount, parsed, persianText, text, version } from '../../http/fields.ts';

const attributes = z
  .record(text(1, 60), z.string({ error: 'field.invalid' }).trim().max(500, { error: 'field.too_long' }))
  .refine((r) => Object.keys(r).length <= 50, { error: 'field.too_big' })
  .openapi({ example: { استاندارد: 'INSO 3132', grade: 'A3' } });

export const ProductFields = z.object({
  nameFa: persianText(2, 200).openapi({ example: 'میلگرد آجدار A3 قطر ۱۶' }),
  nameEn: text(2, 200).openapi({ example: 'Deformed rebar A3, 16 mm' }),
  descriptionFa: persianText(2, 5000),
  descriptionEn: text(2, 5000),
  tariffCode: parsed(parseTariffCode, 'field.tariff').openapi({ example: '72142000' }),
  brand: text(1, 100),
  model: text(1, 100),
  gtin: parsed(parseGtin, (s) => (gtinProblem(s) === 'check_digit' ? 'field.gtin_check_digit' : 'field.gtin'))
    .nullish()
    .openapi({ example: '6260000000019' }),
  unit: z.enum(MEASUREMENT_UNITS, { error: 'field.unit' }),
  annualCapacity: amount({ positive: true }),
  exWorksPrice: amount({ positive: true }).openapi({ description: 'IRR per unit' }),
  importedInputsCost: amount().openapi({ description: 'IRR per unit of imported inputs' }),
  exportMarkets: z
    .array(parsed(parseCountryCode, 'field.country'), { error: 'field.country' })
    .max(100, { error: 'field.too_big' })
    .transform((a) => [...new Set(a)].sort())
    .default([]),
  attributes: attributes.default({}),
});

export const costsAreConsistent = (f: { exWorksPrice: number; importedInputsCost: number }) =>
  f.importedInputsCost <= f.exWorksPrice;

const costs = ProductFields.pick({ exWorksPrice: true, importedInputsCost: true });

export const NewProduct = ProductFields.extend({ producerId: z.uuid({ error: 'field.invalid' }) })
  .refine(costsAreConsistent, {
    error: 'field.imported_cost',
    path: ['importedInputsCost'],
    // Checked whenever both costs are numbers, so a row or form with other errors is told this one too.
    when: ({ value }) => costs.safeParse(value).success,
  })
  .openapi('NewProduct');
export const ProductPatch = ProductFields.partial().extend({ version }).openapi('ProductPatch');

export type ProductFields = z.infer<typeof ProductFields>;
export type NewProduct = z.infer<typeof NewProduct>;
export type ProductPatch = z.infer<typeof ProductPatch>;

const FieldsOut = z.object({
  nameFa: z.string(),
  nameEn: z.string(),
  descriptionFa: z.string(),
  descriptionEn: z.string(),
  tariffCode: z.string(),
  brand: z.string(),
  model: z.string(),
  gtin: z.string().nullable(),
  unit: z.string(),
  annualCapacity: z.number(),
  exWorksPrice: z.number(),
  importedInputsCost: z.number(),
  exportMarkets: z.array(z.string()),
  attributes: z.record(z.string(), z.string()),
});

export const ProductOut = FieldsOut.extend({
  id: z.uuid(),
  producerId: z.uuid(),
  status: z.enum(STATUSES),
  version: z.number().int(),
  registrationNumber: z.string().nullable(),
  registeredAt: z.string().nullable(),
  validUntil: z.string().nullable(),
  valueAddedPercent: z.number().openapi({ description: 'Domestic value added, % of the ex-works price' }),
  reason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  revision: z
    .object({
      status: z.enum(STATUSES),
      fields: FieldsOut,
      reason: z.string().nullable(),
      submittedAt: z.string().nullable(),
    })
    .nullable()
    .optional()
    .openapi({
      description: 'Proposed changes to an approved product, under review; owners and reviewers only',
    }),
  producer: z
    .object({ id: z.uuid(), nameFa: z.string(), nameEn: z.string(), province: z.string() })
    .optional(),
}).openapi('Product');

/** How many products a list or search matches in all. */
export const Total = z.number().int().nullable().openapi({
  description: 'Every match, not only this page; null for words searched while the search index loads',
});

/** Where the next page starts: the `nextCursor` of the page before. */
export const Cursor = z.string().max(500).optional().openapi({
  description:
    "The page before's `nextCursor`. A public list's cursor handed out while the search index was loading, in the first seconds after a start, goes on from the database in the same order (without facets) after it has loaded.",
});

/** What a producer says of a product, in the order forms, import files and events give it. */
export const PRODUCT_FIELDS = Object.keys(ProductFields.shape) as (keyof typeof ProductFields.shape)[];
