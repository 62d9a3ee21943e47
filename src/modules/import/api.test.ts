import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, freshDatabase, type TestDatabase, testDeps } from '../../../test/helpers.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { buildApp } from '../../server.ts';

describe.each(DATABASE_KINDS)('the import templates (%s)', (kind) => {
  let database: TestDatabase;
  let app: ReturnType<typeof buildApp>;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    app = buildApp(testDeps(database));
  });
  afterAll(() => database.drop());

  it('offers an import template with Persian column names', async () => {
    const res = await app.request('/api/v1/opendata/templates/products.csv', {
      headers: { 'accept-language': 'fa' },
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').startsWith('مرجع شما,شناسه ملی واحد,نام فارسی')).toBe(true);
    // Named by its language, so that the Persian and English templates do not overwrite each other.
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="iranmade-products-template-fa.csv"',
    );
  });

  it('offers each template with Persian or English column names, whatever the browser asks for', async () => {
    const header = async (lang: Lang) =>
      (await (await app.request(`/api/v1/opendata/templates/units.csv?lang=${lang}`)).text()).split(',')[1];
    expect(await header('fa')).toBe(t('fa', 'opendata.column.nationalId'));
    expect(await header('en')).toBe(t('en', 'opendata.column.nationalId'));
  });
});
