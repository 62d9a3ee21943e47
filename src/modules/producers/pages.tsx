import { type Context, Hono } from 'hono';
import type { Deps, Viewer } from '../../context.ts';
import { PROVINCES } from '../../domain/reference.ts';
import { fail } from '../../errors.ts';
import type { Env } from '../../http/context.ts';
import { t } from '../../i18n/index.ts';
import { backToWorkspace, Heading, StatePanel, StatusBadge } from '../../web/components.tsx';
import { formatNumber, isolate, nameOf } from '../../web/format.ts';
import {
  Csrf,
  Field,
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
  validate,
} from '../../web/forms.tsx';
import { redirectDone, render, type View } from '../../web/layout.tsx';
import { checkCsrf } from '../../web/security.ts';
import * as products from '../products/service.ts';
import { ProductList } from '../products/views.tsx';
import { ProducerFields, ProducerPatch } from './schema.ts';
import type { Producer } from './service.ts';
import * as producers from './service.ts';
import { ProducerFacts } from './views.tsx';

type C = Context<Env>;

/** The newest approved products on a producer's page; the catalog lists the rest. */
const SHOWN_PRODUCTS = 24;

function unitInput(values: FormValues) {
  const version = Number(values.version);
  return { ...values, version: Number.isFinite(version) ? version : undefined };
}

function valuesOf(p: Producer): FormValues {
  return {
    nationalId: p.nationalId,
    nameFa: p.nameFa,
    nameEn: p.nameEn,
    province: p.province,
    city: p.city,
    isic: p.isic,
    licenceNo: p.licenceNo,
    address: p.address ?? '',
    phone: p.phone ?? '',
    website: p.website ?? '',
    version: String(p.version),
  };
}

function UnitFields({ v, values, errors }: { v: View; values: FormValues; errors: FormErrors }) {
  const { lang } = v;
  const common = { values, errors };
  return (
    <>
      <Field
        name="nationalId"
        label={t(lang, 'web.unit.nationalId')}
        {...common}
        required
        inputDir="ltr"
        inputmode="numeric"
        hint={t(lang, 'web.unit.nationalId_hint')}
      />
      <Field name="nameFa" label={t(lang, 'web.unit.nameFa')} {...common} required inputDir="rtl" />
      <Field name="nameEn" label={t(lang, 'web.unit.nameEn')} {...common} required inputDir="ltr" />
      <Select
        name="province"
        label={t(lang, 'web.unit.province')}
        {...common}
        required
        blank={t(lang, 'web.unit.choose_province')}
        options={PROVINCES.map((p) => ({ value: p.code, label: lang === 'fa' ? p.nameFa : p.nameEn }))}
      />
      <Field name="city" label={t(lang, 'web.unit.city')} {...common} required />
      <Field
        name="isic"
        label={t(lang, 'web.unit.isic')}
        {...common}
        required
        inputDir="ltr"
        inputmode="numeric"
        hint={t(lang, 'web.unit.isic_hint')}
      />
      <Field name="licenceNo" label={t(lang, 'web.unit.licenceNo')} {...common} required inputDir="ltr" />
      <TextArea name="address" label={t(lang, 'web.unit.address')} {...common} rows={2} />
      <Field name="phone" label={t(lang, 'web.unit.phone')} {...common} type="tel" inputDir="ltr" />
      <Field
        name="website"
        label={t(lang, 'web.unit.website')}
        {...common}
        type="url"
        inputDir="ltr"
        hint={t(lang, 'field.url')}
      />
    </>
  );
}

function newUnitPage(c: C, values: FormValues, errors: FormErrors, status: 200 | 400 = 200) {
  const lang = c.get('lang');
  return render(
    c,
    t(lang, 'web.unit.register'),
    (v) => (
      <>
        <Heading title={t(lang, 'web.unit.register')} back={backToWorkspace(lang)} />
        <form method="post" action="/workspace/units" class="form" novalidate>
          <FormAlert errors={errors} />
          <Csrf token={v.csrf} />
          <OnceKey values={values} />
          <UnitFields v={v} values={values} errors={errors} />
          <button type="submit" class="button">
            {t(lang, 'web.unit.save')}
          </button>
        </form>
      </>
    ),
    status,
  );
}

function unitPage(c: C, p: Producer, values: FormValues, errors: FormErrors, status: 200 | 400 | 409 = 200) {
  const lang = c.get('lang');
  const editable = p.status === 'draft' || p.status === 'changes_requested';
  return render(
    c,
    nameOf(p, lang),
    (v) => (
      <>
        <Heading title={nameOf(p, lang)} back={backToWorkspace(lang)} />
        <StatePanel lang={lang} status={p.status} reason={p.reason}>
          {p.status === 'approved' && (
            <p>
              <a href={`/workspace/products/new?unit=${p.id}`}>{t(lang, 'web.product.new')}</a> ·{' '}
              <a href={`/producers/${p.id}`}>{t(lang, 'web.product.public_page')}</a>
            </p>
          )}
        </StatePanel>
        <FormAlert errors={errors} />
        {editable ? (
          <form method="post" action={`/workspace/units/${p.id}`} class="form" novalidate>
            <h2>{t(lang, 'web.product.edit')}</h2>
            <Csrf token={v.csrf} />
            <input type="hidden" name="version" value={String(p.version)} />
            <UnitFields v={v} values={values} errors={errors} />
            <div class="actions">
              <button type="submit" class="button">
                {t(lang, 'web.product.save')}
              </button>
              <button type="submit" name="send" value="review" class="button">
                {t(lang, 'web.product.save_and_submit')}
              </button>
            </div>
          </form>
        ) : (
          <ProducerFacts p={p} lang={lang} full />
        )}
      </>
    ),
    status,
  );
}

export function producerPages(deps: Deps) {
  const app = new Hono<Env>();

  app.get(`/producers/${ID}`, async (c) => {
    const user = c.get('user');
    const p = await producers.get(deps, user, c.req.param('id'));
    const made = await products.list(deps, user, { producerId: p.id, limit: SHOWN_PRODUCTS });
    const lang = c.get('lang');
    return render(c, nameOf(p, lang), () => (
      <article>
        <h1>{nameOf(p, lang)}</h1>
        <p>
          <StatusBadge status={p.status} lang={lang} />
        </p>
        {p.reason && p.status !== 'approved' && (
          <p>{t(lang, 'web.product.reason', { reason: isolate(p.reason) })}</p>
        )}
        <ProducerFacts p={p} lang={lang} full={false} />
        <h2>{t(lang, 'web.unit.products')}</h2>
        <ProductList items={made.items} lang={lang} />
        {made.total > made.items.length && (
          <p>
            <a href={`/products?producerId=${p.id}`}>
              {t(lang, 'web.unit.all_products', { count: formatNumber(made.total, lang) })}
            </a>
          </p>
        )}
      </article>
    ));
  });

  app.get('/workspace/units/new', (c) => newUnitPage(c, {}, {}));

  // A refused form leaves the address it posted to in the address bar: a reload comes back to its page.
  app.get('/workspace/units', (c) => c.redirect('/workspace/units/new'));
  app.get(`/workspace/units/${ID}/submit`, (c) => c.redirect(`/workspace/units/${c.req.param('id')}`));

  app.post('/workspace/units', async (c) => {
    const body = await c.req.parseBody();
    checkCsrf(c, body);
    const values = textValues(body);
    try {
      const { made, earlier } = await producers.registerOnce(
        deps,
        c.get('user'),
        validate(ProducerFields, values),
        onceKeyOf(values),
      );
      const p = made ?? earlier;
      return redirectDone(c, `/workspace/units/${p.id}`, made ? 'saved' : 'saved_before');
    } catch (err) {
      return newUnitPage(c, values, formErrorsOf(err, c.get('lang')), 400);
    }
  });

  app.get(`/workspace/units/${ID}`, async (c) => {
    const p = await ownUnit(deps, c.get('user'), c.req.param('id'));
    return unitPage(c, p, valuesOf(p), {});
  });

  app.post(`/workspace/units/${ID}`, async (c) => {
    const body = await c.req.parseBody();
    checkCsrf(c, body);
    const values = textValues(body);
    const id = c.req.param('id');
    try {
      await producers.update(deps, c.get('user'), id, validate(ProducerPatch, unitInput(values)));
      // Sent from the form, so that what was typed is saved before it goes for review.
      if (values.send) await producers.move(deps, c.get('user'), id, 'submit');
      return redirectDone(c, `/workspace/units/${id}`, values.send ? 'submit' : 'saved');
    } catch (err) {
      const errors = formErrorsOf(err, c.get('lang'));
      return unitPage(c, await ownUnit(deps, c.get('user'), id), values, errors, 400);
    }
  });

  app.post(`/workspace/units/${ID}/submit`, async (c) => {
    checkCsrf(c, await c.req.parseBody());
    const id = c.req.param('id');
    try {
      await producers.move(deps, c.get('user'), id, 'submit');
      return redirectDone(c, `/workspace/units/${id}`, 'submit');
    } catch (err) {
      const p = await ownUnit(deps, c.get('user'), id);
      return unitPage(c, p, valuesOf(p), formErrorsOf(err, c.get('lang')), 409);
    }
  });

  return app;
}

/** A unit of the viewer's own: its workspace page shows private fields, so no one else's is there. */
async function ownUnit(deps: Deps, user: Viewer, id: string) {
  const p = await producers.get(deps, user, id);
  return (await producers.isMemberOf(deps.db, id, user)) ? p : fail('not_found');
}
