import { type Context, Hono } from 'hono';
import type { Deps } from '../../context.ts';
import type { Env } from '../../http/context.ts';
import { DEFAULT_LIMITS } from '../../http/rate-limit.ts';
import { siteOf } from '../../http/site.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { dateOf, formatNumber } from '../../web/format.ts';
import { render } from '../../web/layout.tsx';
import { ImportTemplates } from '../import/views.tsx';
import { LICENCE } from './files.ts';
import { openDataListing } from './listing.ts';
import { SNAPSHOTS_URL, snapshotName } from './snapshots.ts';

type C = Context<Env>;
type Listing = Awaited<ReturnType<typeof openDataListing>>;

const FORMAT_NAMES: Record<string, string> = { csv: 'CSV', jsonl: 'JSON Lines' };

/** One file: the live download with its ETag, the newest snapshot with its SHA-256, and its fields. */
function FileSection({ file, lang }: { file: Listing['files'][number]; lang: Lang }) {
  const live = `${t(lang, 'opendata.page.live')} · ETag`;
  const snapshot = `${t(lang, 'opendata.page.snapshot')} · SHA-256`;
  return (
    <section class="datafile" aria-labelledby={`file-${file.name}`}>
      <h3 id={`file-${file.name}`}>{file.title[lang]}</h3>
      <table class="table downloads">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'opendata.page.format')}</th>
            <th scope="col">{live}</th>
            <th scope="col">{snapshot}</th>
          </tr>
        </thead>
        <tbody>
          {file.formats.map((f) => (
            <tr>
              <td>{FORMAT_NAMES[f.format]}</td>
              <td class="digest" dir="ltr" data-label={live}>
                <a href={f.url} download>
                  {file.name}.{f.format}
                </a>
                <br />
                <code>{f.etag}</code>
              </td>
              <td class="digest" dir="ltr" data-label={snapshot}>
                {f.snapshot?.url ? (
                  <>
                    <a href={f.snapshot.url} download>
                      {f.snapshot.day}/{snapshotName(f.snapshot.file, f.snapshot.format)}
                    </a>
                    <br />
                    <code>{f.snapshot.sha256}</code>
                  </>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table class="table fields">
        <caption>{t(lang, 'opendata.page.fields')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'opendata.page.field')}</th>
            <th scope="col">{t(lang, 'opendata.page.meaning')}</th>
          </tr>
        </thead>
        <tbody>
          {file.fields.map((f) => (
            <tr>
              <td dir="ltr" class="field-name">
                <code>{f.name}</code>
              </td>
              <td>{f.description[lang]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The daily snapshots: what they are, how long they are kept, and how to check a download. */
function Snapshots({ listing, lang, origin }: { listing: Listing; lang: Lang; origin: string }) {
  const { latest, description } = listing.snapshots;
  return (
    <section aria-labelledby="snapshots">
      <h2 id="snapshots">{t(lang, 'opendata.page.snapshots')}</h2>
      <p>{description[lang]}</p>
      {latest ? (
        <>
          <p>
            {t(lang, 'opendata.page.snapshot_latest', {
              day: dateOf(latest.day, lang),
              size: formatNumber(latest.logSize, lang),
            })}{' '}
            <a href={latest.sha256sums} dir="ltr">
              SHA256SUMS
            </a>
          </p>
          <p>{t(lang, 'opendata.page.snapshot_verify')}</p>
          <pre class="code-box" dir="ltr" lang="en">
            {[
              `curl -O '${origin}${SNAPSHOTS_URL}/${latest.day}/${snapshotName('products', 'csv')}'`,
              `curl -O '${origin}${latest.sha256sums}'`,
              'sha256sum --ignore-missing -c SHA256SUMS',
            ].join('\n')}
          </pre>
        </>
      ) : (
        <p>{t(lang, 'opendata.page.snapshot_none')}</p>
      )}
      <p>
        {t(lang, 'opendata.page.snapshot_list')}{' '}
        <a href={SNAPSHOTS_URL} dir="ltr">
          {SNAPSHOTS_URL}
        </a>
      </p>
    </section>
  );
}

function ChangeFeed({ lang, origin }: { lang: Lang; origin: string }) {
  const steps = ['start', 'next', 'stream', 'replay', 'proof'] as const;
  return (
    <section aria-labelledby="feed">
      <h2 id="feed">{t(lang, 'opendata.page.feed')}</h2>
      <p>{t(lang, 'opendata.page.feed_lead')}</p>
      <ol>
        {steps.map((s) => (
          <li>{t(lang, `opendata.page.feed_${s}`)}</li>
        ))}
      </ol>
      <pre class="code-box" dir="ltr" lang="en">
        {[
          `curl '${origin}/api/v1/changes?limit=1000'`,
          `curl '${origin}/api/v1/changes?after=NEXT_CURSOR&limit=1000'`,
          `curl -H 'Accept: application/x-ndjson' '${origin}/api/v1/changes?after=-1'`,
        ].join('\n')}
      </pre>
      <p>
        <a href="/transparency">{t(lang, 'log.title')}</a> ·{' '}
        <a href="/api/docs">{t(lang, 'web.footer.api')}</a>
      </p>
    </section>
  );
}

function Limits({ lang }: { lang: Lang }) {
  return (
    <section aria-labelledby="limits">
      <h2 id="limits">{t(lang, 'opendata.page.limits')}</h2>
      <p>
        {t(lang, 'opendata.page.limits_text', {
          anonymous: formatNumber(DEFAULT_LIMITS.anonymousPerMinute, lang),
          token: formatNumber(DEFAULT_LIMITS.tokenPerMinute, lang),
        })}
      </p>
      <p>{t(lang, 'opendata.page.limits_headers')}</p>
    </section>
  );
}

function openDataPage(c: C, listing: Listing, origin: string) {
  const lang = c.get('lang');
  return render(c, t(lang, 'opendata.page.title'), () => (
    <article class="opendata">
      <h1>{t(lang, 'opendata.page.title')}</h1>
      <p class="lead">{t(lang, 'opendata.page.lead')}</p>
      <section aria-labelledby="licence">
        <h2 id="licence">{t(lang, 'opendata.page.licence')}</h2>
        <p>
          {t(lang, 'opendata.page.licence_text')}{' '}
          <a href={LICENCE.url} rel="license" dir="ltr" class="licence">
            {LICENCE.name}
          </a>
        </p>
      </section>
      <section aria-labelledby="files">
        <h2 id="files">{t(lang, 'opendata.page.files')}</h2>
        <p>{t(lang, 'opendata.page.formats')}</p>
        <p>
          {t(lang, 'opendata.page.conditional')}{' '}
          <a href="/api/v1/opendata" dir="ltr">
            /api/v1/opendata
          </a>
        </p>
        {listing.files.map((file) => (
          <FileSection file={file} lang={lang} />
        ))}
      </section>
      <Snapshots listing={listing} lang={lang} origin={origin} />
      <ImportTemplates lang={lang} />
      <ChangeFeed lang={lang} origin={origin} />
      <Limits lang={lang} />
    </article>
  ));
}

/** The open-data page. */
export function opendataPages(deps: Deps) {
  const app = new Hono<Env>();

  app.get('/opendata', async (c) => openDataPage(c, await openDataListing(deps), siteOf(c, deps.config)));

  return app;
}
