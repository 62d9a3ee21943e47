import type { Ctx } from '../../context.ts';
import { parseRegistrationNumber } from '../../domain/identifiers.ts';
import { PUBLIC_STATUSES } from '../../domain/workflow.ts';
import * as producers from '../producers/service.ts';
import * as products from '../products/service.ts';

/** The answer to "is this registration number real and valid?". */
export async function verify(ctx: Ctx, input: string) {
  const parsed = parseRegistrationNumber(input);
  if (!parsed.ok)
    return { result: parsed.reason === 'checksum' ? ('mistyped' as const) : ('malformed' as const) };
  const p = await products.find(ctx, parsed.value);
  if (!p || !PUBLIC_STATUSES.includes(p.status))
    return { result: 'not_found' as const, registrationNumber: parsed.value };
  const producer = await producers.summaryOf(ctx.db, p.producerId);
  // Between the end of a validity and the next expiry run, the answer already says expired.
  const lapsed = p.status === 'approved' && p.validUntil !== null && new Date(p.validUntil) < ctx.now();
  return {
    result: lapsed ? ('expired' as const) : (p.status as 'approved' | 'suspended' | 'revoked' | 'expired'),
    registrationNumber: parsed.value,
    product: {
      id: p.id,
      nameFa: p.nameFa,
      nameEn: p.nameEn,
      tariffCode: p.tariffCode,
      brand: p.brand,
      model: p.model,
    },
    producer,
    registeredAt: p.registeredAt,
    validUntil: p.validUntil,
    reason: p.status === 'approved' ? null : p.reason,
  };
}

export type Verification = Awaited<ReturnType<typeof verify>>;
