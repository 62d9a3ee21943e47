import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Deps } from '../../context.ts';
import { toHex } from '../../domain/tlog/bytes.ts';
import type { PublicLogEvent } from '../../domain/tlog/leaf.ts';
import { EVENT_TYPES, type EventType } from '../../domain/workflow.ts';
import type { Env } from '../../http/context.ts';
import { siteOf } from '../../http/site.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { dateOf, digits, formatNumber } from '../../web/format.ts';
import { render } from '../../web/layout.tsx';
import { logOf, publicSubjects } from './service.ts';

const NEWEST = 20;
const isLang = (s: string | undefined): s is Lang => s === 'fa' || s === 'en';

const isEventType = (s: string): s is EventType => (EVENT_TYPES as readonly string[]).includes(s);

/** A key, a signed note or a command: left to right, and wrapped inside its own box on a narrow screen. */
const Code = ({ text }: { text: string }) => (
  <pre class="code-box" dir="ltr" lang="en">
    {text}
  </pre>
);

/**
 * An entry's subject: its page when the public may open it, else its number or the start of its id
 * alone (a draft's or a refused submission's page is not public).
 */
function SubjectLink({
  subject,
  lang,
  shown,
}: {
  subject: PublicLogEvent['subject'];
  lang: Lang;
  shown: boolean;
}) {
  const text = subject.registrationNumber ? digits(subject.registrationNumber, lang) : subject.id.slice(0, 8);
  const kind = subject.registrationNumber ? 'regno' : undefined;
  if (!shown)
    return (
      <span class={kind} dir="ltr">
        {text}
      </span>
    );
  return (
    <a
      class={kind}
      href={`/${subject.kind === 'product' ? 'products' : 'producers'}/${subject.id}`}
      dir="ltr"
    >
      {text}
    </a>
  );
}

/** The public page of the transparency log: its head, its key, its newest entries and how to check them. */
export function logPages(deps: Deps) {
  const app = new Hono<Env>();
  const log = logOf(deps);

  // The log's origin line names it «…/log»: a person who follows it finds the page.
  app.get('/log', (c) => c.redirect('/transparency', 301));

  app.get('/transparency', async (c) => {
    const asked = c.req.query('lang') ?? getCookie(c, 'lang');
    c.set('lang', isLang(asked) ? asked : 'fa');
    const latest = await log.latest().catch(() => null);
    const size = latest?.checkpoint.size ?? 0;
    // `?before=N` pages back: the entries just before index N, newest first.
    const before = Number(c.req.query('before'));
    const end = Number.isSafeInteger(before) && before > 0 && before < size ? before : size;
    const start = Math.max(0, end - NEWEST);
    const entries = (await log.entries(start, end)).reverse();
    const shown = await publicSubjects(
      deps.db,
      entries.map((e) => e.event.subject),
    );
    const key = log.signer.verifierKey;
    const site = siteOf(c, deps.config);
    return render(c, t(c.get('lang'), 'log.title'), ({ lang }) => (
      <article class="transparency">
        <h1>{t(lang, 'log.title')}</h1>
        <p class="lead">{t(lang, 'log.lead')}</p>

        <section>
          <h2>{t(lang, 'log.checkpoint.heading')}</h2>
          {latest ? (
            <>
              <p>{t(lang, 'log.checkpoint.size', { size: formatNumber(size, lang) })}</p>
              <Code text={latest.note} />
            </>
          ) : (
            <p class="empty">{t(lang, 'log.checkpoint.none')}</p>
          )}
        </section>

        <section>
          <h2>{t(lang, 'log.key.heading')}</h2>
          <p>{t(lang, 'log.key.note')}</p>
          <Code text={key} />
        </section>

        <section>
          <h2>{t(lang, 'log.entries.heading')}</h2>
          {entries.length ? (
            <table class="table log-entries">
              <thead>
                <tr>
                  <th scope="col">{t(lang, 'log.entries.index')}</th>
                  <th scope="col">{t(lang, 'log.entries.event')}</th>
                  <th scope="col">{t(lang, 'log.entries.subject')}</th>
                  <th scope="col">{t(lang, 'log.entries.seq')}</th>
                  <th scope="col">{t(lang, 'log.entries.time')}</th>
                  <th scope="col">{t(lang, 'log.entries.receipt')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map(({ index, event }) => (
                  <tr>
                    <td data-label={t(lang, 'log.entries.index')}>{formatNumber(index, lang)}</td>
                    <td>{isEventType(event.type) ? t(lang, `web.event.${event.type}`) : event.type}</td>
                    <td>
                      {t(lang, `log.subject.${event.subject.kind}`)}{' '}
                      <SubjectLink subject={event.subject} lang={lang} shown={shown.has(event.subject.id)} />
                    </td>
                    <td data-label={t(lang, 'log.entries.seq')}>{formatNumber(event.seq, lang)}</td>
                    <td>{dateOf(event.time, lang)}</td>
                    <td>
                      <a
                        href={`/api/v1/log/entries/${index}/receipt`}
                        download={`iranmade-receipt-${index}.txt`}
                      >
                        {t(lang, 'log.entries.receipt')}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p class="empty">{t(lang, 'log.entries.none')}</p>
          )}
          {(start > 0 || end < size) && (
            <nav class="pager" aria-label={t(lang, 'web.catalog.pages')}>
              {end < size && <a href="/transparency">{t(lang, 'log.entries.newest')}</a>}
              {start > 0 && (
                <a rel="next" href={`/transparency?before=${start}`}>
                  {t(lang, 'log.entries.older')}
                </a>
              )}
            </nav>
          )}
        </section>

        <section>
          <h2>{t(lang, 'log.how.heading')}</h2>
          <p>{t(lang, 'log.how.receipt')}</p>
          <Code text={`iranmade verify receipt receipt.txt --key '${key}'`} />
          <p>{t(lang, 'log.how.monitor')}</p>
          <Code text={`iranmade verify monitor ${site} --key '${key}' --state checkpoint.txt`} />
          <p>{t(lang, 'log.how.audit')}</p>
          <Code text={`iranmade verify audit ${site} --key '${key}'`} />
          <p>{t(lang, 'log.how.api')}</p>
          {latest && (
            <>
              <p>{t(lang, 'log.root')}</p>
              <Code text={toHex(latest.checkpoint.root)} />
            </>
          )}
        </section>
      </article>
    ));
  });

  return app;
}
