import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardNames } from '../../../test/browser.ts';
import { newNationalId, unitForm } from '../../../test/fixtures.ts';
import { DATABASE_KINDS } from '../../../test/helpers.ts';
import { openSite, type Site } from '../../../test/registry.ts';
import { type MessageKey, t } from '../../i18n/index.ts';

describe.each(DATABASE_KINDS)("a production unit's pages (%s)", (kind) => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite(kind);
  });
  afterAll(() => site.close());

  it('show a producer’s activity with its Persian title and list its approved products, not its others', async () => {
    const { b, unitId } = await site.producerWithUnit('activity@example.ir', newNationalId());
    for (const nameFa of ['میلگرد ساده', 'میلگرد آجدار'])
      await site.approved(b, await site.draft(b, unitId, { nameFa }));
    await site.draft(b, unitId, { nameFa: 'تیرآهن' });
    const { html } = await site.visitor().get(`/producers/${unitId}`);
    expect(html).toContain(t('fa', `industries.isic.${unitForm.isic.slice(0, 2)}` as MessageKey));
    const listed = await (await site.app.request(`/api/v1/search?producerId=${unitId}&limit=100`)).json();
    expect(cardNames(html).sort()).toEqual(listed.items.map((p: { nameFa: string }) => p.nameFa).sort());
    expect(listed.items).toHaveLength(2);
    expect(cardNames(html)).not.toContain('تیرآهن');
  });
});
