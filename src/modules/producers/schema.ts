import { z } from '@hono/zod-openapi';
import { foldDigits } from '../../domain/digits.ts';
import { parseIsicClass, parseLegalEntityId } from '../../domain/identifiers.ts';
import { isProvinceCode } from '../../domain/reference.ts';
import { STATUSES } from '../../domain/workflow.ts';
import { missingOr, optionalText, parsed, persianText, text, version } from '../../http/fields.ts';

const phone = z
  .string()
  .trim()
  .transform((s) => foldDigits(s).replace(/\s/g, ''))
  .refine((s) => s === '' || /^\+?[0-9][0-9-]{6,18}$/.test(s), { error: 'field.phone' })
  .transform((s) => (s === '' ? null : s))
  .nullish();

const website = z
  .string()
  .trim()
  .refine((s) => s === '' || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(s), { error: 'field.url' })
  .transform((s) => (s === '' ? null : s))
  .nullish();

export const ProducerFields = z.object({
  nationalId: parsed(parseLegalEntityId, 'field.legal_id').openapi({ example: '10380284790' }),
  nameFa: persianText(2, 200).openapi({ example: 'فولاد سپاهان' }),
  nameEn: text(2, 200).openapi({ example: 'Sepahan Steel' }),
  province: z
    .string({ error: missingOr('field.invalid') })
    .trim()
    .toUpperCase()
    .refine(isProvinceCode, { error: 'field.province' })
    .openapi({ example: 'IR-04' }),
  city: text(2, 100).openapi({ example: 'اصفهان' }),
  isic: parsed(parseIsicClass, 'field.isic').openapi({ example: '2410' }),
  licenceNo: text(1, 60).openapi({ example: '123/45678' }),
  address: optionalText(500),
  phone,
  website,
});

export const UNIT_FIELDS = Object.keys(ProducerFields.shape) as (keyof typeof ProducerFields.shape)[];

export const NewProducer = ProducerFields.openapi('NewProducer');
export const ProducerPatch = ProducerFields.partial().extend({ version }).openapi('ProducerPatch');

export type ProducerFields = z.infer<typeof ProducerFields>;
export type ProducerPatch = z.infer<typeof ProducerPatch>;

export const ProducerOut = z
  .object({
    id: z.uuid(),
    status: z.enum(STATUSES),
    version: z.number().int(),
    nationalId: z.string(),
    nameFa: z.string(),
    nameEn: z.string(),
    province: z.string(),
    city: z.string(),
    isic: z.string(),
    licenceNo: z.string(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    website: z.string().nullable(),
    reason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    submittedAt: z.string().nullable(),
    approvedAt: z.string().nullable(),
  })
  .openapi('Producer');
