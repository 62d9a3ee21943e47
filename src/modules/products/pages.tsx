import { Hono } from 'hono';
import { raw } from 'hono/html';
import QRCode from 'qrcode';
import { type Deps, isMinistry } from '../../context.ts';
import type { Env } from '../../http/context.ts';
import { siteOf } from '../../http/site.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { Facts, StatusBadge } from '../../web/components.tsx';
import {
  chapterLabel,
  dateOf,
  digits,
  formatNumber,
  isolate,
  nameOf,
  provinceName,
} from '../../web/format.ts';
import { render } from '../../web/layout.tsx';
import * as producers from '../producers/service.ts';
import type { Product } from './service.ts';
import * as products from './service.ts';
import { countryList, hasEnded, Registration } from './views.tsx';

async function qrSvg(url: string, label: string) {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return svg.replace('<svg ', `<svg role="img" aria-label="${label.replace(/[<>"&]/g, '')}" `);
}

/** A product's public page: its registration's standing, its facts, its QR code to verify it, and its history. */
export function productPages(deps: Deps) {
  const app = new Hono<Env>();

  app.get('/products/:id', async (c) => {
    const user = c.get('user');
    const { product: p } = await products.get(deps, user, c.req.param('id'));
    const [history, producer] = await Promise.all([
      products.history(deps, user, p.id),
      producers.get(deps, user, p.producerId),
    ]);
    const lang = c.get('lang');
    const verifyUrl = p.registrationNumber
      ? `${siteOf(c, deps.config)}/verify/${p.registrationNumber}`
      : null;
    const qr = verifyUrl ? await qrSvg(verifyUrl, t(lang, 'web.product.qr')) : null;
    const name = nameOf(p, lang);
    return render(c, name, () => (
      <article class="product">
        <h1>{name}</h1>
        <p class="subtitle" lang={lang === 'fa' ? 'en' : 'fa'} dir={lang === 'fa' ? 'ltr' : 'rtl'}>
          {lang === 'fa' ? p.nameEn : p.nameFa}
        </p>
        <Validity p={p} lang={lang} now={deps.now()} reviewer={isMinistry(user)} />
        <div class="two-col">
          <Facts
            rows={[
              [
                t(lang, 'web.product.producer'),
                <a href={`/producers/${producer.id}`}>{nameOf(producer, lang)}</a>,
              ],
              [t(lang, 'web.catalog.province'), provinceName(producer.province, lang)],
              [t(lang, 'web.product.tariffCode'), <span dir="ltr">{digits(p.tariffCode, lang)}</span>],
              [t(lang, 'web.catalog.chapter'), chapterLabel(p.tariffCode.slice(0, 2), lang)],
              [t(lang, 'web.product.brand'), p.brand],
              [t(lang, 'web.product.model'), p.model],
              [t(lang, 'web.product.gtin'), p.gtin ? <span dir="ltr">{digits(p.gtin, lang)}</span> : '—'],
              [
                t(lang, 'web.product.annualCapacity'),
                `${formatNumber(p.annualCapacity, lang)} ${t(lang, `web.measure.${p.unit}` as 'web.measure.kg')}`,
              ],
              [
                t(lang, 'web.product.valueAdded'),
                `${formatNumber(p.valueAddedPercent, lang, 2)}٪`.replace('٪', lang === 'fa' ? '٪' : '%'),
              ],
              [t(lang, 'web.product.exportMarkets'), countryList(p.exportMarkets, lang) || '—'],
              // A producer's own names and values, in whichever script: each read in its own direction.
              ...Object.entries(p.attributes).map(([k, value]): [string, string] => [
                isolate(k),
                isolate(value),
              ]),
              [t(lang, 'web.product.registeredAt'), dateOf(p.registeredAt, lang)],
            ]}
          />
          {qr && verifyUrl && (
            <figure class="qr">
              {raw(qr)}
              <figcaption>
                <a href={`/verify/${p.registrationNumber}`}>{t(lang, 'web.product.qr')}</a>
              </figcaption>
            </figure>
          )}
        </div>
        <section>
          <h2>{t(lang, 'web.product.description')}</h2>
          <p class="prose">{lang === 'fa' ? p.descriptionFa : p.descriptionEn}</p>
        </section>
        <section>
          <h2>{t(lang, 'web.product.history')}</h2>
          <ol class="timeline">
            {history.map((e) => (
              <li>
                <strong>
                  {e.revision
                    ? t(lang, 'web.event.of_revision', { event: t(lang, `web.event.${e.type}`) })
                    : t(lang, `web.event.${e.type}`)}
                </strong>{' '}
                · <time datetime={e.at}>{dateOf(e.at, lang)}</time>
                {e.reason && <p>{t(lang, 'web.product.reason', { reason: isolate(e.reason) })}</p>}
                {e.logIndex !== null && <LogLinks index={e.logIndex} lang={lang} />}
              </li>
            ))}
          </ol>
        </section>
      </article>
    ));
  });

  return app;
}

/** The registration's standing in large words: only an approved, unexpired one reads as valid. */
const isRegistered = (state: string): state is 'approved' | 'suspended' | 'revoked' | 'expired' =>
  state === 'approved' || hasEnded(state);

function Validity({ p, lang, now, reviewer }: { p: Product; lang: Lang; now: Date; reviewer: boolean }) {
  // An approval whose date has passed is expired, even before the registry records it so.
  const lapsed = p.status === 'approved' && !!p.validUntil && new Date(p.validUntil) < now;
  const state = lapsed ? 'expired' : p.status;
  const registered = isRegistered(state);
  return (
    <div class={`status-panel status-${state}`}>
      <p class="big">
        {registered ? (
          <strong class="verdict-word">{t(lang, `web.verify.word.${state}`)}</strong>
        ) : (
          <StatusBadge status={p.status} lang={lang} />
        )}
      </p>
      <Registration p={p} lang={lang} state={state} />
      {p.reason && <p>{t(lang, 'web.product.reason', { reason: isolate(p.reason) })}</p>}
      {reviewer && (
        <p>
          <a href={`/review/products/${p.id}`}>{t(lang, 'web.product.review_link')}</a>
        </p>
      )}
    </div>
  );
}

/**
 * Where an event stands in the public transparency log (the log's page, with this entry first), and
 * the receipt that proves it offline.
 */
function LogLinks({ index, lang }: { index: number; lang: Lang }) {
  return (
    <p class="log-links">
      <a href={`/transparency?before=${index + 1}`}>
        {t(lang, 'web.product.log_entry', { index: formatNumber(index, lang) })}
      </a>
      {' · '}
      <a href={`/api/v1/log/entries/${index}/receipt`} download={`iranmade-receipt-${index}.txt`}>
        {t(lang, 'web.product.receipt')}
      </a>
    </p>
  );
}
