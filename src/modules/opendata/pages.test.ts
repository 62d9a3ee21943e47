import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../../test/browser.ts';
import { DATABASE_KINDS, freshDatabase, type TestDatabase, testDeps } from '../../../test/helpers.ts';
import type { Deps } from '../../context.ts';
import { t } from '../../i18n/index.ts';
import { buildApp } from '../../server.ts';
import { columnsOf, FILES, FORMATS } from './files.ts';
import { takeSnapshot } from './snapshot-take.ts';
import { KEPT_DAYS } from './snapshots.ts';

/** As the page's HTML spells text. */
const html = (s: string) =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

describe.each(DATABASE_KINDS)('the open-data page (%s)', (kind) => {
  let database: TestDatabase;
  let deps: Deps;
  let app: ReturnType<typeof buildApp>;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    deps = testDeps(database);
    app = buildApp(deps);
  });
  afterAll(() => database.drop());

  it('says that no daily snapshot is taken yet, before the first', async () => {
    // The other tests take snapshots: this one has a registry of its own.
    const empty = await freshDatabase(kind);
    try {
      const page = await new Browser(buildApp(testDeps(empty))).get('/opendata?lang=en');
      expect(page.html).toContain(html(t('en', 'opendata.page.snapshot_none')));
    } finally {
      await empty.drop();
    }
  });

  it.each(['fa', 'en'] as const)(
    'lists every file, its live download and newest snapshot with its digest, every field with its meaning, and how to check a snapshot (%s)',
    async (lang) => {
      await takeSnapshot(deps);
      const page = await new Browser(app).get(`/opendata?lang=${lang}`);
      expect(page.status).toBe(200);
      const listed = (await (await app.request('/api/v1/opendata')).json()) as {
        files: { name: string; formats: { etag: string; snapshot: { sha256: string; url: string } }[] }[];
      };
      for (const file of FILES) {
        expect(page.html).toContain(html(t(lang, `opendata.file.${file}`)));
        for (const format of FORMATS)
          expect(page.html).toContain(`href="/api/v1/opendata/${file}.${format}"`);
        for (const { etag, snapshot } of listed.files.find((f) => f.name === file)?.formats ?? []) {
          expect(page.html).toContain(html(etag));
          expect(page.html).toContain(snapshot.sha256);
          expect(page.html).toContain(`href="${snapshot.url}"`);
        }
        for (const column of columnsOf(file)) {
          expect(page.html).toContain(`<code>${column}</code>`);
          expect(page.html).toContain(
            html(t(lang, `opendata.field.${file}.${column}` as 'opendata.field.products.id')),
          );
        }
      }
      expect(page.html).toContain(html(t(lang, 'opendata.snapshots', { days: KEPT_DAYS })));
      expect(page.html).toContain('sha256sum --ignore-missing -c SHA256SUMS');
      expect(page.html).toContain('https://creativecommons.org/licenses/by/4.0/');
      expect(page.html).toContain('/api/v1/changes');
      expect(page.html).toContain(html(t(lang, 'opendata.page.feed_replay')));
      expect(page.html).toContain('href="/api/v1/opendata/templates/products.csv?lang=fa"');
      expect(page.html).toContain('href="/api/v1/opendata/templates/units.csv?lang=en"');
    },
  );
});
