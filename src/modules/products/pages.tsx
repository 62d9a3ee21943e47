import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import QRCode from 'qrcode';
import type { z } from 'zod';
import { type Deps, isMinistry, type Viewer } from '../../context.ts';
import { foldDigits } from '../../domain/digits.ts';
import { parseRegistrationNumber } from '../../domain/identifiers.ts';
import { MEASUREMENT_UNITS, type MeasurementUnit, renewalExtends } from '../../domain/registration.ts';
import { takesSubmissions } from '../../domain/workflow.ts';
import { AppError, type FieldError, fail } from '../../errors.ts';
import type { Env } from '../../http/context.ts';
import { siteOf } from '../../http/site.ts';
import { type Lang, t } from '../../i18n/index.ts';
import {
  ActiveFilters,
  type CatalogQuery,
  catalogQueryOf,
  FacetPanel,
  type Found,
  Pager,
  SearchForm,
  SortForm,
} from '../../web/catalog-search.tsx';
import {
  ActionButton,
  backToWorkspace,
  Facts,
  Heading,
  StatePanel,
  StatusBadge,
} from '../../web/components.tsx';
import {
  chapterLabel,
  dateOf,
  digits,
  formatNumber,
  isolate,
  nameOf,
  provinceName,
} from '../../web/format.ts';
import {
  Csrf,
  Field,
  FileField,
  FormAlert,
  type FormErrors,
  type FormValues,
  formErrorsOf,
  ID,
  OnceKey,
  onceKeyOf,
  Select,
  TextArea,
  textValues,
  uuidParam,
  validate,
} from '../../web/forms.tsx';
import { redirectDone, render, type View } from '../../web/layout.tsx';
import { checkCsrf } from '../../web/security.ts';
import * as catalog from '../catalog/service.ts';
import * as producers from '../producers/service.ts';
import { NewProduct, PRODUCT_FIELDS, ProductPatch } from './schema.ts';
import type { Product, ProductFieldValues } from './service.ts';
import * as products from './service.ts';

const productPath = (p: Product) => `/products/${p.registrationNumber ?? p.id}`;

type Listed = Product & { producer: { id: string; nameFa: string; nameEn: string; province: string } };

/**
 * A registration number that finds no public product may still be one: suspended, revoked or expired
 * registrations leave the catalog, and /verify says which; or it may be mistyped, which /verify says too.
 */
function VerifyPointer({ q, lang }: { q?: string; lang: Lang }) {
  const parsed = parseRegistrationNumber(q ?? '');
  if (!parsed.ok && parsed.reason === 'malformed') return null;
  const number = parsed.ok ? parsed.value : foldDigits(q ?? '').trim();
  return (
    <p>
      {t(lang, 'web.catalog.verify_number')}{' '}
      <a href={`/verify/${encodeURIComponent(number)}`} class="regno" dir="ltr">
        {digits(number, lang)}
      </a>
    </p>
  );
}

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

/** The product's fields as a form: names are the API's, so one schema checks both. */
function productInput(values: FormValues) {
  const num = (s?: string) => {
    const clean = foldDigits(s ?? '')
      .replace(/[,٬\s]/g, '')
      .replace('٫', '.');
    return clean === '' ? undefined : Number(clean);
  };
  return {
    ...values,
    // A blank barcode clears it, on a draft and in a revision alike.
    gtin: values.gtin?.trim() ? values.gtin : null,
    annualCapacity: num(values.annualCapacity),
    exWorksPrice: num(values.exWorksPrice),
    importedInputsCost: num(values.importedInputsCost),
    exportMarkets: (values.exportMarkets ?? '').split(/[\s,،]+/).filter(Boolean),
    version: num(values.version),
  };
}

// The free `attributes` as rows of name and value; "more rows" sends the form back for more blank ones.
const ATTR_ROWS = 3;
const attrKey = (i: number) => `attr-key-${i}`;
const attrValue = (i: number) => `attr-value-${i}`;

function attrRowsSent(values: FormValues) {
  let n = 0;
  while (attrKey(n) in values) n++;
  return n;
}

function withMoreRows(values: FormValues): FormValues {
  const more = { ...values };
  const sent = Math.max(attrRowsSent(values), ATTR_ROWS);
  for (let i = 0; i < sent + ATTR_ROWS; i++) more[attrKey(i)] ??= '';
  return more;
}

/** The rows as the API's `attributes`, and the problems of rows half filled or named twice. */
function attributesOf(values: FormValues) {
  const attributes: Record<string, string> = {};
  const rowOf = new Map<string, number>();
  const problems: FieldError[] = [];
  for (let i = 0; i < attrRowsSent(values); i++) {
    const key = values[attrKey(i)]?.trim() ?? '';
    const value = values[attrValue(i)]?.trim() ?? '';
    if (!key && !value) continue;
    if (!key) problems.push({ field: attrKey(i), key: 'field.required' });
    else if (rowOf.has(key)) problems.push({ field: attrKey(i), key: 'web.product.attr_twice' });
    else if (!value) problems.push({ field: attrValue(i), key: 'field.required' });
    else {
      attributes[key] = value;
      rowOf.set(key, i);
    }
  }
  return { attributes, rowOf, problems };
}

/** The form checked by the API's schema, each attribute's problem beside its row. */
function parseProduct<T extends z.ZodType>(schema: T, values: FormValues): z.infer<T> {
  const { attributes, rowOf, problems } = attributesOf(values);
  const besideRow = (f: FieldError): FieldError => {
    const row = rowOf.get(f.field.replace(/^attributes\./, ''));
    if (!f.field.startsWith('attributes.') || row === undefined) return f;
    // A bad name is reported as not valid; anything else concerns the value.
    return { ...f, field: f.key === 'field.invalid' ? attrKey(row) : attrValue(row) };
  };
  let fields = problems;
  let parsed: z.infer<T> | undefined;
  try {
    parsed = validate(schema, { ...productInput(values), attributes });
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'validation')) throw err;
    fields = [...problems, ...(err.detail.fields ?? []).map(besideRow)];
  }
  if (fields.length) fail('validation', { fields });
  return parsed as z.infer<T>;
}

/** What the form shows: the proposed change, if any (a rejected one too, to be mended), else the record. */
function valuesOf(p: Product): FormValues {
  const f = p.revision ? p.revision.fields : p;
  // The attributes, and one blank row to add another.
  const pairs: [string, string][] = [...Object.entries(f.attributes), ['', '']];
  const rows: FormValues = {};
  for (const [i, [key, value]] of pairs.entries()) {
    rows[attrKey(i)] = key;
    rows[attrValue(i)] = value;
  }
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
    ...rows,
    version: String(p.version),
  };
}

function AttributeRows({ lang, values, errors }: { lang: Lang; values: FormValues; errors: FormErrors }) {
  const rows = Math.max(attrRowsSent(values), ATTR_ROWS);
  const cell = (name: string, label: string, maxlength: number) => (
    <Field
      name={name}
      label={label}
      values={values}
      errors={errors}
      hideLabel
      maxlength={maxlength}
      inputDir="auto"
    />
  );
  return (
    <fieldset class={errors.attributes ? 'field attributes has-error' : 'field attributes'}>
      <legend>{t(lang, 'web.product.attributes')}</legend>
      <p class="hint">{t(lang, 'web.product.attributes_hint')}</p>
      <div class="attr-row attr-head" aria-hidden="true">
        <span>{t(lang, 'web.product.attr_key')}</span>
        <span>{t(lang, 'web.product.attr_value')}</span>
      </div>
      {Array.from({ length: rows }, (_, i) => (
        <div class="attr-row">
          {cell(attrKey(i), t(lang, 'web.product.attr_key_n', { n: i + 1 }), 60)}
          {cell(attrValue(i), t(lang, 'web.product.attr_value_n', { n: i + 1 }), 500)}
        </div>
      ))}
      {errors.attributes && <p class="field-error">{errors.attributes}</p>}
    </fieldset>
  );
}

/** The whole product form, for a new draft and for an edit; its first button saves, so Enter saves. */
function ProductForm({
  v,
  action,
  values,
  errors,
  submit,
  send,
  units,
  version,
}: {
  v: View;
  action: string;
  values: FormValues;
  errors: FormErrors;
  submit: string;
  /** The label of a button that saves and then sends for review, when it may be sent. */
  send?: string;
  units?: { id: string; name: string }[];
  version?: number;
}) {
  const { lang } = v;
  const common = { values, errors };
  const f = (name: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field
      name={name}
      label={t(lang, `web.product.${name}` as 'web.product.nameFa')}
      {...common}
      {...extra}
    />
  );
  const rials = {
    required: true,
    inputDir: 'ltr',
    inputmode: 'decimal',
    hint: t(lang, 'web.product.rials'),
  } as const;
  return (
    <form method="post" action={action} class="form" novalidate>
      <FormAlert errors={errors} />
      <Csrf token={v.csrf} />
      {/* A form that edits carries the version it read; one that creates, the key that makes it once. */}
      {version !== undefined ? (
        <input type="hidden" name="version" value={String(version)} />
      ) : (
        <OnceKey values={values} />
      )}
      {units && (
        <Select
          name="producerId"
          label={t(lang, 'web.product.producer')}
          {...common}
          required
          blank={units.length > 1 ? t(lang, 'web.product.choose_unit') : undefined}
          options={units.map((u) => ({ value: u.id, label: u.name }))}
        />
      )}
      {f('nameFa', { required: true, inputDir: 'rtl' })}
      {f('nameEn', { required: true, inputDir: 'ltr' })}
      {(['descriptionFa', 'descriptionEn'] as const).map((name) => (
        <TextArea
          name={name}
          label={t(lang, `web.product.${name}`)}
          {...common}
          required
          inputDir={name === 'descriptionFa' ? 'rtl' : 'ltr'}
        />
      ))}
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
        {...common}
        required
        options={MEASUREMENT_UNITS.map((u) => ({ value: u, label: t(lang, `web.measure.${u}`) }))}
      />
      {f('annualCapacity', { required: true, inputDir: 'ltr', inputmode: 'decimal' })}
      {f('exWorksPrice', rials)}
      {f('importedInputsCost', rials)}
      {f('exportMarkets', { inputDir: 'ltr', hint: t(lang, 'web.product.exportMarkets_hint') })}
      <AttributeRows lang={lang} {...common} />
      <div class="actions">
        <button type="submit" class="button">
          {submit}
        </button>
        {send && (
          <button type="submit" name="send" value="review" class="button">
            {send}
          </button>
        )}
        <button type="submit" name="more" value="rows" class="button secondary">
          {t(lang, 'web.product.attr_more')}
        </button>
      </div>
    </form>
  );
}

/** The units a product may be drafted in: not those rejected or revoked, whose products could never be sent. */
async function unitsOf(deps: Deps, user: Viewer, lang: Lang) {
  const mine = await producers.list(deps, user, { mine: true, limit: 100, offset: 0 });
  return mine.items
    .filter((u) => u.status !== 'rejected' && u.status !== 'revoked')
    .map((u) => ({ id: u.id, name: nameOf(u, lang) }));
}

async function qrSvg(url: string, label: string) {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return svg.replace('<svg ', `<svg role="img" aria-label="${label.replace(/[<>"&]/g, '')}" `);
}

export function productPages(deps: Deps) {
  const app = new Hono<Env>();

  app.get('/', async (c) => {
    const user = c.get('user');
    const [{ latest, cover }, units] = await Promise.all([
      products.overview(deps, user, 6),
      producers.list(deps, user, { limit: 1, offset: 0 }),
    ]);
    const lang = c.get('lang');
    return render(c, t(lang, 'web.home.title'), () => (
      <>
        <section class="hero">
          <h1>{t(lang, 'web.home.title')}</h1>
          <p class="lead">{t(lang, 'web.home.lead')}</p>
          <SearchForm lang={lang} query={{ filters: {} }} />
        </section>
        <ul class="explore">
          {(
            [
              ['/industries', 'web.nav.industries', 'web.home.industries'],
              ['/find-maker', 'web.nav.find_maker', 'web.home.find_maker'],
            ] as const
          ).map(([href, title, lead]) => (
            <li>
              <a href={href}>{t(lang, title)}</a>
              <p>{t(lang, lead)}</p>
            </li>
          ))}
        </ul>
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
    const query = catalogQueryOf(new URL(c.req.url).searchParams);
    const lang = c.get('lang');
    const { found, page } = await searchCatalog(deps, c.get('user'), query, lang);
    return render(c, t(lang, 'web.catalog.title'), () => (
      <>
        <h1>{t(lang, 'web.catalog.title')}</h1>
        <SearchForm lang={lang} query={query} />
        <ActiveFilters lang={lang} query={query} found={found} />
        {/* Nothing found leaves nothing to refine by: no empty panel beside the note that says so. */}
        <div class={found && page.total ? 'catalog' : undefined}>
          {found && page.total ? <FacetPanel lang={lang} query={query} found={found} /> : null}
          <section class="results" aria-labelledby="results">
            <div class="results-head">
              <h2 id="results" role="status">
                {page.total === null
                  ? t(lang, 'web.catalog.uncounted')
                  : t(lang, page.total === 1 ? 'web.catalog.count_one' : 'web.catalog.count', {
                      count: formatNumber(page.total, lang),
                    })}
              </h2>
              <SortForm lang={lang} query={query} />
            </div>
            {!found && <p class="muted">{t(lang, 'web.catalog.loading')}</p>}
            <ProductList items={page.items as Listed[]} lang={lang} />
            {!page.items.length && <VerifyPointer q={query.q} lang={lang} />}
            <Pager lang={lang} query={query} nextCursor={page.nextCursor} />
          </section>
        </div>
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

  // The producer's side: drafting, editing, submitting and renewing products, and their documents.
  app.get('/workspace/products/new', async (c) => {
    const units = await unitsOf(deps, c.get('user'), c.get('lang'));
    return newProductPage(c, units, { producerId: c.req.query('unit') ?? '' }, {});
  });

  // A refused form leaves the address it posted to in the address bar: a reload or a bookmark of it
  // comes back to the form's page.
  app.get('/workspace/products', (c) => c.redirect('/workspace/products/new'));
  app.get(`/workspace/products/${ID}/:action{submit|renew|documents}`, (c) =>
    c.redirect(`/workspace/products/${c.req.param('id')}`),
  );

  app.post('/workspace/products', async (c) => {
    const body = await c.req.parseBody();
    checkCsrf(c, body);
    const values = textValues(body);
    const user = c.get('user');
    const units = () => unitsOf(deps, user, c.get('lang'));
    if (values.more) return newProductPage(c, await units(), withMoreRows(values), {});
    try {
      const { made, earlier } = await products.createOnce(
        deps,
        user,
        parseProduct(NewProduct, values),
        onceKeyOf(values),
      );
      const p = made ?? earlier;
      return redirectDone(c, `/workspace/products/${p.id}`, made ? 'saved' : 'saved_before');
    } catch (err) {
      return newProductPage(c, await units(), values, formErrorsOf(err, c.get('lang')), 400);
    }
  });

  app.get(`/workspace/products/${ID}`, async (c) => {
    const product = await ownProduct(deps, c.get('user'), c.req.param('id'));
    return editProductPage(c, deps, product, valuesOf(product), {});
  });

  app.post(`/workspace/products/${ID}`, async (c) => {
    const body = await c.req.parseBody();
    checkCsrf(c, body);
    const values = textValues(body);
    const id = c.req.param('id');
    if (values.more)
      return editProductPage(c, deps, await ownProduct(deps, c.get('user'), id), withMoreRows(values), {});
    try {
      await products.update(deps, c.get('user'), id, parseProduct(ProductPatch, values));
      // Sent from the form, so that what was typed is saved before it goes for review.
      if (values.send) await products.move(deps, c.get('user'), id, 'submit');
      return redirectDone(c, `/workspace/products/${id}`, values.send ? 'submit' : 'saved');
    } catch (err) {
      const errors = formErrorsOf(err, c.get('lang'));
      return editProductPage(c, deps, await ownProduct(deps, c.get('user'), id), values, errors, 400);
    }
  });

  for (const action of ['submit', 'renew'] as const) {
    app.post(`/workspace/products/${ID}/${action}`, async (c) => {
      checkCsrf(c, await c.req.parseBody());
      const id = c.req.param('id');
      try {
        await products.move(deps, c.get('user'), id, action);
        return redirectDone(c, `/workspace/products/${id}`, action);
      } catch (err) {
        const errors = formErrorsOf(err, c.get('lang'));
        const product = await ownProduct(deps, c.get('user'), id);
        return editProductPage(c, deps, product, valuesOf(product), errors, 409);
      }
    });
  }

  app.post(
    `/workspace/products/${ID}/documents`,
    bodyLimit({
      maxSize: 10 * 1024 * 1024 + 64 * 1024,
      // Back to the product's page, the reason beside the file field; nothing of the file is kept.
      onError: async (c) => {
        const product = await ownProduct(deps, c.get('user'), c.req.param('id') ?? '');
        const errors = { file: t(c.get('lang'), 'web.docs.too_large') };
        return editProductPage(c, deps, product, valuesOf(product), errors, 413);
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
        return redirectDone(c, `/workspace/products/${id}`, 'uploaded');
      } catch (err) {
        const product = await ownProduct(deps, c.get('user'), id);
        return editProductPage(c, deps, product, valuesOf(product), uploadErrors(err, c.get('lang')), 400);
      }
    },
  );

  app.post(`/workspace/products/${ID}/documents/${uuidParam('documentId')}/remove`, async (c) => {
    checkCsrf(c, await c.req.parseBody());
    const id = c.req.param('id');
    try {
      await products.removeDocument(deps, c.get('user'), id, c.req.param('documentId'));
      return redirectDone(c, `/workspace/products/${id}`, 'removed');
    } catch (err) {
      const product = await ownProduct(deps, c.get('user'), id);
      return editProductPage(c, deps, product, valuesOf(product), formErrorsOf(err, c.get('lang')), 409);
    }
  });

  return app;
}

const PAGE_SIZE = 20;

/** The catalog's search, or while its index loads the database's answer (fewer filters, no counts). */
async function searchCatalog(
  deps: Deps,
  user: Viewer,
  query: CatalogQuery,
  lang: Lang,
): Promise<{ found?: Found; page: { items: unknown[]; total: number | null; nextCursor: string | null } }> {
  const { q, filters, sort, cursor } = query;
  try {
    const found = await catalog.search(deps, { q, ...filters, sort, cursor, limit: PAGE_SIZE }, lang);
    if (found) return { found, page: found };
    const { chapter, province, producerId } = filters;
    const listed = { q, chapter, province, producerId, cursor, limit: PAGE_SIZE };
    return { page: await products.list(deps, user, listed) };
  } catch (err) {
    // A cursor from before the index loaded, or a mangled one: the first page instead.
    if (cursor && err instanceof AppError && err.code === 'validation')
      return searchCatalog(deps, user, { ...query, cursor: undefined }, lang);
    throw err;
  }
}

/** A product the viewer may work on; anyone else's is not there. */
async function ownProduct(deps: Deps, user: Viewer, id: string) {
  const { product, private: mine } = await products.get(deps, user, id);
  return mine ? product : fail('not_found');
}

/** Whatever is wrong with an upload is said beside the file field, not above the product form. */
function uploadErrors(err: unknown, lang: Lang): FormErrors {
  const errors = formErrorsOf(err, lang);
  return { file: errors.file ?? errors._form ?? '' };
}

/** Links to a product's compliance documents (downloaded through the API, which checks access). */
/** A product's documents; with `removable`, each one with a button that takes it back (its makers, while drafting). */
export function DocumentList({
  productId,
  documents,
  lang,
  removable,
}: {
  productId: string;
  documents: { id: string; file_name: string; size: number; uploaded_at: Date }[];
  lang: Lang;
  removable?: { csrf: string };
}) {
  if (!documents.length) return <p class="muted">{t(lang, 'web.docs.none')}</p>;
  return (
    <ul class="docs">
      {documents.map((d) => (
        <li>
          <a href={`/api/v1/products/${productId}/documents/${d.id}`}>{d.file_name}</a>{' '}
          <span class="muted">
            ({t(lang, 'web.docs.size', { kb: formatNumber(Math.ceil(d.size / 1024), lang) })} ·{' '}
            {dateOf(d.uploaded_at.toISOString(), lang)})
          </span>{' '}
          {removable && (
            <ActionButton
              action={`/workspace/products/${productId}/documents/${d.id}/remove`}
              label={t(lang, 'web.docs.remove')}
              csrf={removable.csrf}
              kind="secondary"
            />
          )}
        </li>
      ))}
    </ul>
  );
}

const localeOf = (lang: Lang) => (lang === 'fa' ? 'fa-IR' : 'en-GB');

/** Country codes as names in the reader's language, joined as the reader lists things. */
function countryList(codes: readonly string[], lang: Lang) {
  const names = new Intl.DisplayNames([localeOf(lang)], { type: 'region', fallback: 'code' });
  return new Intl.ListFormat(localeOf(lang), { type: 'conjunction' }).format(
    codes.map((code) => names.of(code) ?? code),
  );
}

/** The registration's standing in large words: only an approved, unexpired one reads as valid. */
const ENDED = ['suspended', 'revoked', 'expired'] as const;
const hasEnded = (state: string): state is (typeof ENDED)[number] =>
  (ENDED as readonly string[]).includes(state);
const isRegistered = (state: string): state is 'approved' | (typeof ENDED)[number] =>
  state === 'approved' || hasEnded(state);

/** A registration's number and how long it holds, or when it ended; `state` counts a lapsed approval as expired. */
function Registration({ p, lang, state }: { p: Product; lang: Lang; state: string }) {
  const date = dateOf(p.validUntil, lang);
  return (
    <>
      {p.registrationNumber && (
        <p>
          {t(lang, 'web.product.registrationNumber')}:{' '}
          <strong class="regno" dir="ltr">
            {digits(p.registrationNumber, lang)}
          </strong>
        </p>
      )}
      {p.validUntil &&
        (state === 'approved' ? (
          <p>{t(lang, 'web.product.validUntil', { date })}</p>
        ) : (
          hasEnded(state) && <p class="ended">{t(lang, `web.product.ended.${state}`, { date })}</p>
        ))}
    </>
  );
}

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
        <Heading title={t(lang, 'web.product.new')} back={backToWorkspace(lang)} />
        {units.length === 0 ? (
          <p>
            {t(lang, 'web.product.need_unit')}{' '}
            <a href="/workspace/units/new">{t(lang, 'web.unit.register')}</a>
          </p>
        ) : (
          <ProductForm
            v={v}
            action="/workspace/products"
            values={values}
            errors={errors}
            units={units}
            submit={t(lang, 'web.product.save_draft')}
          />
        )}
      </>
    ),
    status,
  );
}

export type FieldName = (typeof PRODUCT_FIELDS)[number];

/** A field's value as the public page shows it: units and countries named, codes in the reader's digits. */
export const shown = (field: FieldName, value: unknown, lang: Lang): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'unit') return t(lang, `web.measure.${value as MeasurementUnit}`);
  if (field === 'tariffCode' || field === 'gtin') return digits(String(value), lang);
  if (field === 'exportMarkets') return countryList(value as string[], lang) || '—';
  if (typeof value === 'number') return formatNumber(value, lang, 2);
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (typeof value === 'object') {
    const pairs = Object.entries(value).map(([k, v]) => isolate(`${k}: ${v}`));
    return pairs.length ? pairs.join(lang === 'fa' ? '؛ ' : '; ') : '—';
  }
  return String(value);
};

/** What a product says, field by field, for its makers while it cannot be edited (under review, decided). */
function ProductFields({ fields, lang }: { fields: ProductFieldValues; lang: Lang }) {
  return (
    <Facts
      rows={PRODUCT_FIELDS.map((f): [string, Child] => [
        t(lang, `web.product.${f}`),
        <bdi>{shown(f, fields[f], lang)}</bdi>,
      ])}
    />
  );
}

async function editProductPage(
  c: C,
  deps: Deps,
  p: Product,
  values: FormValues,
  errors: FormErrors,
  status: 200 | 400 | 409 | 413 = 200,
) {
  const lang = c.get('lang');
  const rev = p.revision && p.revision.status !== 'rejected' ? p.revision : null;
  const rejected = p.revision?.status === 'rejected' ? p.revision : null;
  const open = (s: string) => s === 'draft' || s === 'changes_requested';
  const editable = open(p.status) || (p.status === 'approved' && (!rev || open(rev.status)));
  const [documents, gtinHolder, unit] = await Promise.all([
    products.listDocuments(deps, c.get('user'), p.id),
    // What is edited here may be sent for review with it: what could keep it from being sent.
    editable ? products.gtinHeldElsewhere(deps, p) : undefined,
    editable ? producers.get(deps, c.get('user'), p.producerId) : undefined,
  ]);
  // The unit that keeps this product from being sent, if one does.
  const unitNotSent = unit && !takesSubmissions(unit.status) ? unit : undefined;
  return render(
    c,
    nameOf(p, lang),
    (v) => (
      <>
        <Heading title={nameOf(p, lang)} back={backToWorkspace(lang)} />
        <StatePanel
          lang={lang}
          status={p.status}
          revision={rev?.status}
          reason={rejected ? null : (rev?.reason ?? p.reason)}
        >
          <Registration p={p} lang={lang} state={p.status} />
          {rejected && (
            <div class="alert alert-warn" role="note">
              <p>{t(lang, 'web.product.proposal_rejected')}</p>
              <p>{t(lang, 'web.product.reviewer_reason', { reason: isolate(rejected.reason ?? '') })}</p>
            </div>
          )}
          {p.registrationNumber && (
            <p>
              <a href={`/products/${p.registrationNumber}`}>{t(lang, 'web.product.public_page')}</a>
            </p>
          )}
          {gtinHolder && (
            <p class="alert alert-warn" role="note">
              {t(lang, 'web.product.gtin_held', { number: gtinHolder })}
            </p>
          )}
          {unitNotSent && (
            <p class="alert alert-warn" role="note">
              {t(lang, 'web.product.unit_not_sent', { unit: isolate(nameOf(unitNotSent, lang)) })}{' '}
              <a href={`/workspace/units/${unitNotSent.id}`}>{t(lang, 'web.product.open_unit')}</a>
            </p>
          )}
          <div class="actions">
            {['approved', 'expired'].includes(p.status) && renewalExtends(p.validUntil, deps.now()) && (
              <ActionButton
                action={`/workspace/products/${p.id}/renew`}
                label={t(lang, 'web.product.renew')}
                csrf={v.csrf}
                kind="secondary"
              />
            )}
          </div>
        </StatePanel>
        {!editable && (
          <section>
            <FormAlert errors={errors} />
            <h2>{t(lang, rev ? 'web.product.proposed_details' : 'web.product.details')}</h2>
            <ProductFields fields={rev?.fields ?? p} lang={lang} />
          </section>
        )}
        {editable && (
          <section>
            <h2>{t(lang, p.status === 'approved' ? 'web.product.propose' : 'web.product.edit')}</h2>
            <ProductForm
              v={v}
              action={`/workspace/products/${p.id}`}
              values={values}
              errors={errors}
              version={p.version}
              submit={t(lang, 'web.product.save')}
              send={editable && !unitNotSent ? t(lang, 'web.product.save_and_submit') : undefined}
            />
          </section>
        )}
        <section>
          <h2>{t(lang, 'web.docs.title')}</h2>
          <DocumentList
            productId={p.id}
            documents={documents}
            lang={lang}
            removable={open(p.status) ? { csrf: v.csrf } : undefined}
          />
          <form
            method="post"
            action={`/workspace/products/${p.id}/documents`}
            enctype="multipart/form-data"
            class="form"
          >
            <Csrf token={v.csrf} />
            <FileField
              name="file"
              label={t(lang, 'web.docs.file')}
              hint={t(lang, 'web.docs.hint')}
              errors={errors}
              accept="application/pdf,image/png,image/jpeg,image/webp"
            />
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
