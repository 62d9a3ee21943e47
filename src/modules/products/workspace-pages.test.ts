import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, fieldError, flash, mainText } from '../../../test/browser.ts';
import { newNationalId, productForm, unitForm } from '../../../test/fixtures.ts';
import { DATABASE_KINDS } from '../../../test/helpers.ts';
import { idIn, openSite, type Site } from '../../../test/registry.ts';
import { t } from '../../i18n/index.ts';

describe.each(DATABASE_KINDS)("a producer's product forms (%s)", (kind) => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite(kind);
  });
  afterAll(() => site.close());

  it('take a product’s other characteristics as name–value rows, with more rows on request, and show them publicly', async () => {
    const { b, unitId } = await site.producerWithUnit('attrs@example.ir', '10860123456');
    const more = await site.newProduct(b, unitId, {
      'attr-key-0': 'استاندارد',
      'attr-value-0': 'INSO 3132',
      'attr-key-1': '',
      'attr-value-1': '',
      'attr-key-2': '',
      'attr-value-2': '',
      more: 'rows',
    });
    expect(more.status).toBe(200);
    expect(more.html).toContain('id="f-attr-key-5"');
    expect(more.html).toContain('value="INSO 3132"');
    expect((await b.get('/workspace')).html).toContain(t('fa', 'web.workspace.no_products'));

    const half = await site.newProduct(b, unitId, {
      'attr-key-0': 'استاندارد',
      'attr-value-0': 'INSO 3132',
      'attr-key-1': 'grade',
      'attr-value-1': '',
      'attr-key-2': 'استاندارد',
      'attr-value-2': 'ISO 6935',
    });
    expect(half.status).toBe(400);
    expect(fieldError(half.html, 'attr-value-1')).toBe(t('fa', 'field.required'));
    expect(fieldError(half.html, 'attr-key-2')).toBe(t('fa', 'web.product.attr_twice'));

    const id = await site.draft(b, unitId, {
      'attr-key-0': 'استاندارد',
      'attr-value-0': 'INSO 3132',
      'attr-key-1': 'grade',
      'attr-value-1': 'A3',
    });
    const edit = await b.get(`/workspace/products/${id}`);
    expect(edit.html).toContain('value="A3"');
    expect(edit.html).toContain('id="f-attr-key-2" name="attr-key-2"');
    await site.approved(b, id);
    const page = await new Browser(site.app).get(`/products/${id}?lang=en`);
    // Each name and value isolated, so that «130×130 mm» reads so beside Persian.
    expect(page.html).toContain('<dt>\u2068grade\u2069</dt><dd>\u2068A3\u2069</dd>');
  });

  it('accept a PDF as a compliance document and refuse another type beside the file field', async () => {
    const { b, unitId } = await site.producerWithUnit('docs@example.ir', '14001234562');
    const id = await site.draft(b, unitId);
    const page = `/workspace/products/${id}`;
    const pdf = new File(['%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'], 'licence.pdf', {
      type: 'application/pdf',
    });
    const ok = await b.upload(page, `${page}/documents`, pdf);
    expect(ok.status).toBe(303);
    const after = await b.get(page);
    expect(flash(after.html)).toBe(t('fa', 'web.done.uploaded'));
    expect(after.html).toContain('>licence.pdf</a>');

    const exe = new File(['MZ\x90\x00 not a document'], 'tool.pdf', { type: 'application/pdf' });
    const refused = await b.upload(`${page}?lang=en`, `${page}/documents`, exe);
    expect(refused.status).toBe(400);
    expect(fieldError(refused.html, 'file')).toBe(t('en', 'problem.unsupported_media_type'));
    expect(refused.html).toContain('aria-describedby="f-file-hint f-file-error"');
    expect(refused.html).not.toContain('>tool.pdf</a>');

    // The draft's maker takes the document back with its Remove button.
    const remove = /action="(\/workspace\/products\/[^"]+\/documents\/[^"]+\/remove)"/.exec(after.html)?.[1];
    expect(remove).toBeDefined();
    expect((await b.submit(page, remove ?? '', {})).status).toBe(303);
    const emptied = await b.get(page);
    expect(flash(emptied.html)).toBe(t('en', 'web.done.removed'));
    expect(emptied.html).not.toContain('>licence.pdf</a>');
  });

  it('tell a producer to send the unit before its product, and show the registration once approved', async () => {
    const b = await site.signedUp('unsent@example.ir');
    const unitId = idIn(
      (
        await b.submit('/workspace/units/new', '/workspace/units', { ...unitForm, nationalId: '10500070001' })
      ).headers.get('location'),
    );
    const id = await site.draft(b, unitId);
    const waiting = await b.get(`/workspace/products/${id}?lang=en`);
    expect(waiting.html).toContain(t('en', 'web.product.open_unit'));
    expect(waiting.html).toContain(`href="/workspace/units/${unitId}"`);
    expect(waiting.html).not.toContain('name="send" value="review"');
    const refused = await b.submit(`/workspace/products/${id}`, `/workspace/products/${id}/submit`, {});
    expect(refused.status).toBe(409);
    expect(mainText(refused.html)).toContain(t('en', 'missing.unit_sent'));

    await b.submit(`/workspace/units/${unitId}`, `/workspace/units/${unitId}/submit`, {});
    const ready = await b.get(`/workspace/products/${id}?lang=en`);
    expect(ready.html).not.toContain(t('en', 'web.product.open_unit'));
    expect(ready.html).toContain('name="send" value="review"');

    await site.reviewer.submit(`/review/units/${unitId}`, `/review/units/${unitId}`, {
      decision: 'approve',
      reason: '',
    });
    await site.approved(b, id);
    const mine = await b.get(`/workspace/products/${id}?lang=en`);
    const number = /<strong class="regno" dir="ltr">([\d-]+)<\/strong>/.exec(mine.html)?.[1];
    expect(number).toMatch(/^\d{4}-\d{6}-\d$/);
    expect(mine.html).toContain(t('en', 'web.product.validUntil', { date: '' }).trim());
    // Just approved, it is valid to the end of next year: renewing would extend nothing, so it is not offered.
    expect(mine.html).not.toContain(`action="/workspace/products/${id}/renew"`);
  });

  it('save what was typed when the form is sent for review, and record nothing for a save that changes nothing', async () => {
    const { b, unitId } = await site.producerWithUnit('send-typed@example.ir', '10770000002');
    const id = await site.draft(b, unitId);
    const read = async () => JSON.parse((await b.get(`/api/v1/products/${id}`)).html);
    const page = `/workspace/products/${id}`;
    const { version } = await read();
    expect((await b.submit(page, page, { ...productForm, version: String(version) })).status).toBe(303);
    expect((await read()).version).toBe(version);

    const sent = await b.submit(page, page, {
      ...productForm,
      model: 'TYPED-THEN-SENT',
      version,
      send: 'review',
    });
    expect(sent.status).toBe(303);
    expect(flash((await b.get(page)).html)).toBe(t('fa', 'web.done.submit'));
    expect(await read()).toMatchObject({
      status: 'submitted',
      model: 'TYPED-THEN-SENT',
      version: version + 2,
    });
  });

  it('show a producer its rejected proposed change with the reason, still in the form to mend', async () => {
    const { b, unitId } = await site.producerWithUnit('proposal@example.ir', '10770000017');
    const id = await site.draft(b, unitId);
    await site.approved(b, id);
    const page = `/workspace/products/${id}`;
    const { version } = JSON.parse((await b.get(`/api/v1/products/${id}`)).html);
    const proposed = { ...productForm, exWorksPrice: '311650000', version: String(version), send: 'review' };
    expect((await b.submit(page, page, proposed)).status).toBe(303);
    const reason = 'قیمت پیشنهادی با سند هزینه نمی‌خواند.';
    await site.reviewer.submit(`/review/products/${id}`, `/review/products/${id}`, {
      decision: 'reject',
      reason,
    });

    const shown = await b.get(page);
    expect(shown.html).toContain(t('fa', 'web.product.proposal_rejected'));
    expect(shown.html).toContain(t('fa', 'web.product.reviewer_reason', { reason: `\u2068${reason}\u2069` }));
    expect(shown.html).toContain('name="exWorksPrice" type="text" value="311650000"');
    expect(shown.html).toContain('name="send" value="review"');

    // The public history tells the rejected proposal from the registration, which stays approved.
    const { registrationNumber } = JSON.parse((await b.get(`/api/v1/products/${id}`)).html);
    const history = (await new Browser(site.app).get(`/products/${registrationNumber}?lang=en`)).html;
    const events = [...history.matchAll(/<li><strong>([^<]+)<\/strong>/g)].map((m) => m[1]);
    const of = (e: 'edited' | 'submitted' | 'rejected') =>
      t('en', 'web.event.of_revision', { event: t('en', `web.event.${e}`) });
    expect(events.slice(-3)).toEqual([of('edited'), of('submitted'), of('rejected')]);
    expect(events).toContain(t('en', 'web.event.approved'));
  });

  it('put an unknown export market beside its field, and an upload over 10 MB beside the file field of the product’s page', async () => {
    const { b: producer, unitId } = await site.producerWithUnit('markets@example.ir', newNationalId());
    const wrong = await site.newProduct(producer, unitId, { exportMarkets: 'IQ, XY' }, '?lang=en');
    expect(wrong.status).toBe(400);
    expect(fieldError(wrong.html, 'exportMarkets')).toBe(t('en', 'field.country'));
    expect(wrong.html).toContain('value="IQ, XY"');
    const saved = await site.newProduct(producer, unitId);
    const id = idIn(saved.headers.get('location'));
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 100 * 1024)], 'scan.pdf', {
      type: 'application/pdf',
    });
    const refused = await producer.upload(
      `/workspace/products/${id}`,
      `/workspace/products/${id}/documents?lang=en`,
      big,
    );
    expect(refused.status).toBe(413);
    expect(fieldError(refused.html, 'file')).toBe(t('en', 'web.docs.too_large'));
    expect(refused.html).toContain(`action="/workspace/products/${id}/documents"`);
    expect(refused.html).toContain(`value="${productForm.nameEn}"`);
  });
});
