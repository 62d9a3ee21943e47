import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardNames } from '../../../test/browser.ts';
import { newNationalId, unitForm } from '../../../test/fixtures.ts';
import { DATABASE_KINDS } from '../../../test/helpers.ts';
import { idIn, openSite, type Site } from '../../../test/registry.ts';
import { type MessageKey, t } from '../../i18n/index.ts';

describe.each(DATABASE_KINDS)("a production unit's pages (%s)", (kind) => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite(kind);
  });
  afterAll(() => site.close());

  it('show a reviewer a unit sent again with the previous reason and what changed since', async () => {
    const b = await site.signedUp('unit-again@example.ir');
    const unitId = idIn(
      (
        await b.submit('/workspace/units/new', '/workspace/units', { ...unitForm, nationalId: '10770000021' })
      ).headers.get('location'),
    );
    const page = `/workspace/units/${unitId}`;
    await b.submit(page, `${page}/submit`, {});
    const reason = 'شهر را با نام رسمی آن بنویسید.';
    await site.reviewer.submit(`/review/units/${unitId}`, `/review/units/${unitId}`, {
      decision: 'request_changes',
      reason,
    });
    const { version } = JSON.parse((await b.get(`/api/v1/producers/${unitId}`)).html);
    const sent = await b.submit(page, page, {
      ...unitForm,
      nationalId: '10770000021',
      city: 'اصفهان بزرگ',
      version,
      send: 'review',
    });
    expect(sent.status).toBe(303);

    const shown = await site.reviewer.get(`/review/units/${unitId}?lang=en`);
    expect(shown.html).toContain(t('en', 'web.review.previous_reason', { reason: `\u2068${reason}\u2069` }));
    expect(shown.html).toContain(t('en', 'web.review.changed_since', { fields: t('en', 'web.unit.city') }));
  });

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
