import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { raw } from 'hono/html';
import QRCode from 'qrcode';
import { foldDigits } from '../../domain/digits.ts';
import { HS_CHAPTERS, hsChapterTitle, PROVINCES, province } from '../../domain/reference.ts';
import { MEASUREMENT_UNITS } from '../../domain/registration.ts';
import { AppError, fail } from '../../errors.ts';
import type { Deps, Env } from '../../http/context.ts';
import {
  ActionButton,
  Csrf,
  dateOf,
  digits,
  Facts,
  Field,
  FormAlert,
  type FormErrors,
  type FormValues,
  formatNumber,
  formErrorsOf,
  Select,
  StatusBadge,
  TextArea,
  textValues,
  validate,
} from '../../web/components.tsx';
import { type Lang, t } from '../../web/i18n/index.ts';
import { render, type View } from '../../web/layout.tsx';
import { checkCsrf } from '../../web/security.ts';
import * as producers from '../producers/service.ts';
import { NewProduct, ProductPatch } from './schema.ts';
import type { Product } from './service.ts';
import * as products from './service.ts';

type Named = { nameFa: string; nameEn: string };
export const nameOf = (x: Named, lang: Lang) => (lang === 'fa' ? x.nameFa : x.nameEn);
export const provinceName = (code: string, lang: Lang) => {
  const p = province(code);
  return p ? (lang === 'fa' ? p.nameFa : p.nameEn) : code;
};
const chapterLabel = (chapter: string, lang: Lang) =>
  `${digits(chapter, lang)} · ${hsChapterTitle(chapter, lang) ?? ''}`;

const productPath = (p: Product) => `/products/${p.registrationNumber ?? p.id}`;

type Listed = Product & { producer: { id: string; nameFa: string; nameEn: string; province: string } };

export function ProductList({ items, lang }: { items: Listed[]; lang: Lang }) {
  if (!items.length) return <p class="empty">{t(lang, 'web.catalog.none')}</p>;
  return (
    <ul class="cards">
      {items.map((p) => (
        <li class="card">
          <h3>
            <a href={productPath(p)}>{nameOf(p, lang)}</a>
          </h3>
          <p class="muted">
            <a href={`/producers/${p.producer.id}`}>{nameOf(p.producer, lang)}</a> ·{' '}
            {provinceName(p.producer.province, lang)}
          </p>
          <p>
            <StatusBadge status={p.status} lang={lang} />{' '}
            {p.registrationNumber && (
              <span class="regno" dir="ltr">
                {digits(p.registrationNumber, lang)}
              </span>
            )}
          </p>
          <p class="muted">
            {t(lang, 'web.product.value_added_short', {
              percent: formatNumber(p.valueAddedPercent, lang, 2),
            })}
          </p>
        </li>
      ))}
    </ul>
  );
}

function SearchForm({ v, q, chapter, prov }: { v: View; q?: string; chapter?: string; prov?: string }) {
  const { lang } = v;
  return (
    <form method="get" action="/products" class="search">
      <div class="field grow">
        <label for="q">{t(lang, 'web.catalog.query')}</label>
        <input
          id="q"
          name="q"
          type="search"
          value={q ?? ''}
          placeholder={t(lang, 'web.catalog.placeholder')}
        />
      </div>
      <div class="field">
        <label for="chapter">{t(lang, 'web.catalog.chapter')}</label>
        <select id="chapter" name="chapter">
          <option value="">{t(lang, 'web.catalog.all')}</option>
          {HS_CHAPTERS.filter((c) => c.chapter !== '77').map((c) => (
            <option value={c.chapter} selected={c.chapter === chapter}>
              {chapterLabel(c.chapter, lang)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="province">{t(lang, 'web.catalog.province')}</label>
        <select id="province" name="province">
          <option value="">{t(lang, 'web.catalog.all')}</option>
          {PROVINCES.map((p) => (
            <option value={p.code} selected={p.code === prov}>
              {lang === 'fa' ? p.nameFa : p.nameEn}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button">
        {t(lang, 'web.catalog.search')}
      </button>
    </form>
  );
}

/** The product's fields as a form: names are the API's, so one schema checks both. */
function productInput(values: FormValues) {
  const num = (s?: string) => {
    const clean = foldDigits(s ?? '')
      .replace(/[,٬\s]/g, '')
      .replace('٫', '.');
    return clean === '' ? undefined : Number(clean);
  };
  const text = (s?: string) => (s?.trim() ? s : undefined);
  return {
    ...values,
    gtin: text(values.gtin),
    annualCapacity: num(values.annualCapacity),
    exWorksPrice: num(values.exWorksPrice),
    importedInputsCost: num(values.importedInputsCost),
    exportMarkets: (values.exportMarkets ?? '').split(/[\s,،]+/).filter(Boolean),
    version: num(values.version),
  };
}

function valuesOf(p: Product): FormValues {
  const f = p.revision && p.revision.status !== 'rejected' ? p.revision.fields : p;
  return {
    nameFa: f.nameFa,
    nameEn: f.nameEn,
    descriptionFa: f.descriptionFa,
    descriptionEn: f.descriptionEn,
    tariffCode: f.tariffCode,
    brand: f.brand,
    model: f.model,
    gtin: f.gtin ?? '',
    unit: f.unit,
    annualCapacity: String(f.annualCapacity),
    exWorksPrice: String(f.exWorksPrice),
    importedInputsCost: String(f.importedInputsCost),
    exportMarkets: f.exportMarkets.join(', '),
    version: String(p.version),
  };
}

function ProductFieldsForm({
  v,
  values,
  errors,
  units,
}: {
  v: View;
  values: FormValues;
  errors: FormErrors;
  units?: { id: string; name: string }[];
}) {
  const { lang } = v;
  const f = (name: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field
      name={name}
      label={t(lang, `web.product.${name}` as 'web.product.nameFa')}
      values={values}
      errors={errors}
      {...extra}
    />
  );
  return (
    <>
      {units && (
        <Select
          name="producerId"
          label={t(lang, 'web.product.producer')}
          values={values}
          errors={errors}
          required
          options={units.map((u) => ({ value: u.id, label: u.name }))}
        />
      )}
      {f('nameFa', { required: true, inputDir: 'rtl' })}
      {f('nameEn', { required: true, inputDir: 'ltr' })}
      <TextArea
        name="descriptionFa"
        label={t(lang, 'web.product.descriptionFa')}
        values={values}
        errors={errors}
        required
        inputDir="rtl"
      />
      <TextArea
        name="descriptionEn"
        label={t(lang, 'web.product.descriptionEn')}
        values={values}
        errors={errors}
        required
        inputDir="ltr"
      />
      {f('tariffCode', {
        required: true,
        inputDir: 'ltr',
        inputmode: 'numeric',
        hint: t(lang, 'web.product.tariffCode_hint'),
      })}
      {f('brand', { required: true })}
      {f('model', { required: true })}
      {f('gtin', { inputDir: 'ltr', inputmode: 'numeric' })}
      <Select
        name="unit"
        label={t(lang, 'web.product.unit')}
        values={values}
        errors={errors}
        required
        options={MEASUREMENT_UNITS.map((u) => ({ value: u, label: t(lang, `web.measure.${u}`) }))}
      />
      {f('annualCapacity', { required: true, inputDir: 'ltr', inputmode: 'decimal' })}
      {f('exWorksPrice', {
        required: true,
        inputDir: 'ltr',
        inputmode: 'decimal',
        hint: t(lang, 'web.product.rials'),
      })}
      {f('importedInputsCost', {
        required: true,
        inputDir: 'ltr',
        inputmode: 'decimal',
        hint: t(lang, 'web.product.rials'),
      })}
      {f('exportMarkets', { inputDir: 'ltr', hint: t(lang, 'web.product.exportMarkets_hint') })}
    </>
  );
}

async function unitsOf(deps: Deps, v: View) {
  const mine = await producers.list(deps, v.user, { mine: true, limit: 100, offset: 0 });
  return mine.items.map((u) => ({ id: u.id, name: nameOf(u, v.lang) }));
}

async function qrSvg(url: string, label: string) {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return svg.replace('<svg ', `<svg role="img" aria-label="${label.replace(/[<>"&]/g, '')}" `);
}

const VERDICT_CLASS: Record<string, string> = {
  approved: 'ok',
  suspended: 'warn',
  expired: 'warn',
  revoked: 'bad',
  not_found: 'bad',
  mistyped: 'warn',
  malformed: 'warn',
};

export function productPages(deps: Deps) {
  const app = new Hono<Env>();

  app.get('/', async (c) => {
    const user = c.get('user');
    const [latest, units, cover] = await Promise.all([
      products.list(deps, user, { limit: 6 }),
      producers.list(deps, user, { limit: 1, offset: 0 }),
      products.coverage(deps),
    ]);
    const lang = c.get('lang');
    return render(c, t(lang, 'web.home.title'), (v) => (
      <>
        <section class="hero">
          <h1>{t(lang, 'web.home.title')}</h1>
          <p class="lead">{t(lang, 'web.home.lead')}</p>
          <SearchForm v={v} />
        </section>
        <section aria-labelledby="figures">
          <h2 id="figures">{t(lang, 'web.home.figures')}</h2>
          <ul class="figures">
            {(
              [
                ['web.home.products', latest.total],
                ['web.home.producers', units.total],
                ['web.home.chapters', cover.chapters],
                ['web.home.provinces', cover.provinces],
              ] as const
            ).map(([key, n]) => (
              <li>
                <strong>{formatNumber(n, lang)}</strong>
                <span>{t(lang, key)}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="latest">
          <h2 id="latest">{t(lang, 'web.home.latest')}</h2>
          <ProductList items={latest.items as Listed[]} lang={lang} />
        </section>
      </>
    ));
  });

  app.get('/products', async (c) => {
    const q = c.req.query('q')?.trim().slice(0, 200) || undefined;
    const chapter = /^\d{2}$/.test(c.req.query('chapter') ?? '') ? c.req.query('chapter') : undefined;
    const prov = /^IR-\d{2}$/.test(c.req.query('province') ?? '') ? c.req.query('province') : undefined;
    const cursor = c.req.query('cursor') || undefined;
    const res = await products.list(deps, c.get('user'), { q, chapter, province: prov, cursor, limit: 20 });
    const lang = c.get('lang');
    const next = new URLSearchParams(
      Object.entries({ q, chapter, province: prov }).filter((e): e is [string, string] => !!e[1]),
    );
    if (res.nextCursor) next.set('cursor', res.nextCursor);
    return render(c, t(lang, 'web.catalog.title'), (v) => (
      <>
        <h1>{t(lang, 'web.catalog.title')}</h1>
        <SearchForm v={v} q={q} chapter={chapter} prov={prov} />
        <p class="muted" role="status">
          {t(lang, 'web.catalog.count', { count: res.total })}
        </p>
        <ProductList items={res.items as Listed[]} lang={lang} />
        <nav class="pager" aria-label={t(lang, 'web.catalog.pages')}>
          {cursor && (
            <a
              href={`/products?${new URLSearchParams(Object.entries({ q, chapter, province: prov }).filter((e): e is [string, string] => !!e[1]))}`}
            >
              {t(lang, 'web.catalog.first')}
            </a>
          )}
          {res.nextCursor && (
            <a rel="next" href={`/products?${next}`}>
              {t(lang, 'web.catalog.next')}
            </a>
          )}
        </nav>
      </>
    ));
  });

  app.get('/products/:id', async (c) => {
    const user = c.get('user');
    const { product: p } = await products.get(deps, user, c.req.param('id'));
    const [history, producer] = await Promise.all([
      products.history(deps, user, p.id),
      producers.get(deps, user, p.producerId),
    ]);
    const lang = c.get('lang');
    const verifyUrl = p.registrationNumber
      ? `${new URL(c.req.url).origin}/verify/${p.registrationNumber}`
      : null;
    const qr = verifyUrl ? await qrSvg(verifyUrl, t(lang, 'web.product.qr')) : null;
    const name = nameOf(p, lang);
    return render(c, name, () => (
      <article class="product">
        <h1>{name}</h1>
        <p class="subtitle" lang={lang === 'fa' ? 'en' : 'fa'} dir={lang === 'fa' ? 'ltr' : 'rtl'}>
          {lang === 'fa' ? p.nameEn : p.nameFa}
        </p>
        <div class={`status-panel status-${p.status}`}>
          <p class="big">
            <StatusBadge status={p.status} lang={lang} />
          </p>
          {p.registrationNumber && (
            <p>
              {t(lang, 'web.product.registrationNumber')}:{' '}
              <strong class="regno" dir="ltr">
                {digits(p.registrationNumber, lang)}
              </strong>
            </p>
          )}
          {p.validUntil && <p>{t(lang, 'web.product.validUntil', { date: dateOf(p.validUntil, lang) })}</p>}
          {p.reason && <p>{t(lang, 'web.product.reason', { reason: p.reason })}</p>}
        </div>
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
              [
                t(lang, 'web.product.exportMarkets'),
                p.exportMarkets.length ? p.exportMarkets.join('، ') : '—',
              ],
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
                <strong>{t(lang, `web.event.${e.type}` as 'web.event.created')}</strong> ·{' '}
                <time datetime={e.at}>{dateOf(e.at, lang)}</time>
                {e.reason && <p>{t(lang, 'web.product.reason', { reason: e.reason })}</p>}
              </li>
            ))}
          </ol>
        </section>
      </article>
    ));
  });

  app.get('/verify', (c) => {
    const number = c.req.query('number')?.trim();
    if (number) return c.redirect(`/verify/${encodeURIComponent(number)}`, 303);
    const lang = c.get('lang');
    return render(c, t(lang, 'web.verify.title'), () => (
      <>
        <h1>{t(lang, 'web.verify.title')}</h1>
        <VerifyForm lang={lang} />
      </>
    ));
  });

  app.get('/verify/:number', async (c) => {
    const number = c.req.param('number').slice(0, 40);
    const r = await products.verify(deps, number);
    const lang = c.get('lang');
    return render(c, t(lang, 'web.verify.title'), () => (
      <>
        <h1>{t(lang, 'web.verify.title')}</h1>
        <section class={`verdict verdict-${VERDICT_CLASS[r.result]}`} aria-live="polite">
          <p class="verdict-word">{t(lang, `web.verify.word.${r.result}`)}</p>
          <p>{t(lang, `verify.${r.result}`)}</p>
          {'registrationNumber' in r && r.registrationNumber && (
            <p class="regno" dir="ltr">
              {digits(r.registrationNumber, lang)}
            </p>
          )}
          {'product' in r && r.product && (
            <Facts
              rows={[
                [
                  t(lang, 'web.verify.product'),
                  <a href={`/products/${r.registrationNumber}`}>{nameOf(r.product, lang)}</a>,
                ],
                [
                  t(lang, 'web.product.producer'),
                  r.producer ? <a href={`/producers/${r.producer.id}`}>{nameOf(r.producer, lang)}</a> : '—',
                ],
                [t(lang, 'web.product.registeredAt'), dateOf(r.registeredAt, lang)],
                [t(lang, 'web.verify.validUntil'), dateOf(r.validUntil, lang)],
                ...(r.reason ? [[t(lang, 'web.verify.reason'), r.reason] as [string, string]] : []),
              ]}
            />
          )}
        </section>
        <VerifyForm lang={lang} value={number} />
      </>
    ));
  });

  // The producer's side: drafting, editing, submitting and renewing products, and their documents.
  app.get('/workspace/products/new', async (c) => {
    const lang = c.get('lang');
    const v0 = { lang, user: c.get('user') } as View;
    const units = await unitsOf(deps, v0);
    return newProductPage(c, units, { producerId: c.req.query('unit') ?? '' }, {});
  });

  app.post('/workspace/products', async (c) => {
    const body = await c.req.parseBody();
    checkCsrf(c, body);
    const values = textValues(body);
    const lang = c.get('lang');
    try {
      const p = await products.create(deps, c.get('user'), validate(NewProduct, productInput(values)));
      return c.redirect(`/workspace/products/${p.id}?done=saved`, 303);
    } catch (err) {
      const errors = formErrorsOf(err, lang);
      return newProductPage(
        c,
        await unitsOf(deps, { lang, user: c.get('user') } as View),
        values,
        errors,
        400,
      );
    }
  });

  app.get('/workspace/products/:id', async (c) => {
    const { product, private: mine } = await products.get(deps, c.get('user'), c.req.param('id'));
    if (!mine) return fail('not_found');
    return editProductPage(c, deps, product, valuesOf(product), {});
  });

  app.post('/workspace/products/:id', async (c) => {
    const body = await c.req.parseBody();
    checkCsrf(c, body);
    const values = textValues(body);
    const id = c.req.param('id');
    try {
      await products.update(deps, c.get('user'), id, validate(ProductPatch, productInput(values)));
      return c.redirect(`/workspace/products/${id}?done=saved`, 303);
    } catch (err) {
      const errors = formErrorsOf(err, c.get('lang'));
      const { product } = await products.get(deps, c.get('user'), id);
      return editProductPage(c, deps, product, values, errors, 400);
    }
  });

  for (const action of ['submit', 'renew'] as const) {
    app.post(`/workspace/products/:id/${action}`, async (c) => {
      checkCsrf(c, await c.req.parseBody());
      const id = c.req.param('id');
      try {
        await products.move(deps, c.get('user'), id, action);
        return c.redirect(`/workspace/products/${id}?done=${action}`, 303);
      } catch (err) {
        const { product } = await products.get(deps, c.get('user'), id);
        return editProductPage(c, deps, product, valuesOf(product), formErrorsOf(err, c.get('lang')), 409);
      }
    });
  }

  app.post(
    '/workspace/products/:id/documents',
    bodyLimit({
      maxSize: 10 * 1024 * 1024 + 64 * 1024,
      onError: () => {
        throw new AppError('too_large');
      },
    }),
    async (c) => {
      const body = await c.req.parseBody();
      checkCsrf(c, body);
      const id = c.req.param('id');
      const file = body.file;
      try {
        if (!(file instanceof File) || file.size === 0)
          return fail('validation', { fields: [{ field: 'file', key: 'field.required' }] });
        await products.addDocument(deps, c.get('user'), id, {
          name: file.name,
          content: new Uint8Array(await file.arrayBuffer()),
        });
        return c.redirect(`/workspace/products/${id}?done=uploaded`, 303);
      } catch (err) {
        const { product } = await products.get(deps, c.get('user'), id);
        return editProductPage(c, deps, product, valuesOf(product), formErrorsOf(err, c.get('lang')), 400);
      }
    },
  );

  return app;
}

/** Links to a product's compliance documents (downloaded through the API, which checks access). */
export function DocumentList({
  productId,
  documents,
  lang,
}: {
  productId: string;
  documents: { id: string; file_name: string; size: number; uploaded_at: Date }[];
  lang: Lang;
}) {
  if (!documents.length) return <p class="muted">{t(lang, 'web.docs.none')}</p>;
  return (
    <ul class="docs">
      {documents.map((d) => (
        <li>
          <a href={`/api/v1/products/${productId}/documents/${d.id}`}>{d.file_name}</a>{' '}
          <span class="muted">
            ({formatNumber(Math.ceil(d.size / 1024), lang)} KB · {dateOf(d.uploaded_at.toISOString(), lang)})
          </span>
        </li>
      ))}
    </ul>
  );
}

function VerifyForm({ lang, value }: { lang: Lang; value?: string }) {
  return (
    <form method="get" action="/verify" class="search">
      <div class="field grow">
        <label for="number">{t(lang, 'web.verify.number')}</label>
        <input id="number" name="number" dir="ltr" value={value ?? ''} placeholder="1405-000042-7" required />
      </div>
      <button type="submit" class="button">
        {t(lang, 'web.verify.check')}
      </button>
    </form>
  );
}

type C = Context<Env>;

function newProductPage(
  c: C,
  units: { id: string; name: string }[],
  values: FormValues,
  errors: FormErrors,
  status: 400 | 200 = 200,
) {
  const lang = c.get('lang');
  return render(
    c,
    t(lang, 'web.product.new'),
    (v) => (
      <>
        <h1>{t(lang, 'web.product.new')}</h1>
        {units.length === 0 ? (
          <p>
            {t(lang, 'web.product.need_unit')}{' '}
            <a href="/workspace/units/new">{t(lang, 'web.unit.register')}</a>
          </p>
        ) : (
          <form method="post" action="/workspace/products" class="form" novalidate>
            <FormAlert errors={errors} />
            <Csrf token={v.csrf} />
            <ProductFieldsForm v={v} values={values} errors={errors} units={units} />
            <button type="submit" class="button">
              {t(lang, 'web.product.save_draft')}
            </button>
          </form>
        )}
      </>
    ),
    status,
  );
}

async function editProductPage(
  c: C,
  deps: Deps,
  p: Product,
  values: FormValues,
  errors: FormErrors,
  status: 200 | 400 | 409 = 200,
) {
  const documents = await products.listDocuments(deps, c.get('user'), p.id);
  const lang = c.get('lang');
  const rev = p.revision && p.revision.status !== 'rejected' ? p.revision : null;
  const editable =
    ['draft', 'changes_requested'].includes(p.status) ||
    (p.status === 'approved' && (!rev || ['draft', 'changes_requested'].includes(rev.status)));
  const submittable =
    ['draft', 'changes_requested'].includes(p.status) ||
    (!!rev && ['draft', 'changes_requested'].includes(rev.status));
  const done = c.req.query('done');
  return render(
    c,
    nameOf(p, lang),
    (v) => (
      <>
        <p>
          <a href="/workspace">{t(lang, 'web.workspace.back')}</a>
        </p>
        <h1>{nameOf(p, lang)}</h1>
        {done && status === 200 && (
          <div class="alert alert-ok" role="status">
            {t(lang, `web.done.${done}` as 'web.done.saved')}
          </div>
        )}
        <div class={`status-panel status-${p.status}`}>
          <p>
            {t(lang, 'web.product.state')}: <StatusBadge status={p.status} lang={lang} />
            {rev && (
              <>
                {' · '}
                {t(lang, 'web.product.revision')}: <StatusBadge status={rev.status} lang={lang} />
              </>
            )}
          </p>
          {(rev?.reason ?? p.reason) && (
            <p>{t(lang, 'web.product.reviewer_reason', { reason: rev?.reason ?? p.reason ?? '' })}</p>
          )}
          {p.registrationNumber && (
            <p>
              <a href={`/products/${p.registrationNumber}`}>{t(lang, 'web.product.public_page')}</a>
            </p>
          )}
          <div class="actions">
            {submittable && (
              <ActionButton
                action={`/workspace/products/${p.id}/submit`}
                label={t(lang, 'web.product.submit')}
                csrf={v.csrf}
              />
            )}
            {['approved', 'expired'].includes(p.status) && (
              <ActionButton
                action={`/workspace/products/${p.id}/renew`}
                label={t(lang, 'web.product.renew')}
                csrf={v.csrf}
                kind="secondary"
              />
            )}
          </div>
        </div>
        <FormAlert errors={errors} />
        {editable && (
          <form method="post" action={`/workspace/products/${p.id}`} class="form" novalidate>
            <h2>{t(lang, p.status === 'approved' ? 'web.product.propose' : 'web.product.edit')}</h2>
            <Csrf token={v.csrf} />
            <input type="hidden" name="version" value={String(p.version)} />
            <ProductFieldsForm v={v} values={values} errors={errors} />
            <button type="submit" class="button">
              {t(lang, 'web.product.save')}
            </button>
          </form>
        )}
        <section>
          <h2>{t(lang, 'web.docs.title')}</h2>
          <DocumentList productId={p.id} documents={documents} lang={lang} />
          <form
            method="post"
            action={`/workspace/products/${p.id}/documents`}
            enctype="multipart/form-data"
            class="form"
          >
            <Csrf token={v.csrf} />
            <div class={errors.file ? 'field has-error' : 'field'}>
              <label for="f-file">{t(lang, 'web.docs.file')}</label>
              <p class="hint" id="f-file-hint">
                {t(lang, 'web.docs.hint')}
              </p>
              <input
                id="f-file"
                type="file"
                name="file"
                accept="application/pdf,image/png,image/jpeg,image/webp"
                aria-describedby="f-file-hint"
              />
              {errors.file && <p class="field-error">{errors.file}</p>}
            </div>
            <button type="submit" class="button secondary">
              {t(lang, 'web.docs.upload')}
            </button>
          </form>
        </section>
      </>
    ),
    status,
  );
}
