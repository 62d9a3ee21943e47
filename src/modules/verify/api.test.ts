import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { steelUnit } from '../../../test/fixtures.ts';
import { DATABASE_KINDS } from '../../../test/helpers.ts';
import { openRegistry, type Registry } from '../../../test/registry.ts';

describe.each(DATABASE_KINDS)('verifying a registration over HTTP on %s', (kind) => {
  let r: Registry;
  beforeAll(async () => {
    r = await openRegistry(kind);
  });
  afterAll(() => r.close());

  it('verifies a registration number, and catches a mistyped one', async () => {
    const producer = await r.producer();
    const { registrationNumber: number } = await r.product(producer, await r.unit(producer), 'approved');
    const ok = await r.anon.get(`/api/v1/verify/${number}`);
    expect(ok.body).toMatchObject({ result: 'approved', producer: { nameFa: steelUnit.nameFa } });
    expect(ok.body.message.fa).toContain('معتبر');
    const last = Number(number.at(-1));
    const typo = await r.anon.get(`/api/v1/verify/${number.slice(0, -1)}${(last + 1) % 10}`);
    expect(typo.body.result).toBe('mistyped');
  });
});
