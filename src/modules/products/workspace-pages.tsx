import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Child } from 'hono/jsx';
import type { z } from 'zod';
import type { Deps, Viewer } from '../../context.ts';
import { foldDigits } from '../../domain/digits.ts';
import { MEASUREMENT_UNITS, renewalExtends } from '../../domain/registration.ts';
import { takesSubmissions } from '../../domain/workflow.ts';
import { AppError, type FieldError, fail } from '../../errors.ts';
import type { Env } from '../../http/context.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { ActionButton, backToWorkspace, Facts, Heading, StatePanel } from '../../web/components.tsx';
import { isolate, nameOf } from '../../web/format.ts';
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
import * as producers from '../producers/service.ts';
import { NewProduct, PRODUCT_FIELDS, ProductPatch } from './schema.ts';
import type { Product, ProductFieldValues } from './service.ts';
import * as products from './service.ts';
import { DocumentList, Registration, shown } from './views.tsx';

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

/** The producer's side: drafting, editing, submitting and renewing products, and their documents. */
export function productWorkspacePages(deps: Deps) {
  const app = new Hono<Env>();

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
