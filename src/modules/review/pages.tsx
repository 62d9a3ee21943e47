import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { MeasurementUnit } from '../../domain/registration.ts';
import { DECISIONS, moveOf, REVISION_ACTIONS, type Status } from '../../domain/workflow.ts';
import type { Deps, Env } from '../../http/context.ts';
import {
  ChapterFilter,
  Csrf,
  dateOf,
  digits,
  FormAlert,
  type FormErrors,
  type FormValues,
  formatNumber,
  formErrorsOf,
  Heading,
  ID,
  isolate,
  nameOf,
  ProvinceFilter,
  provinceName,
  StatusBadge,
  TextArea,
  textValues,
  validate,
} from '../../web/components.tsx';
import { type Lang, t } from '../../web/i18n/index.ts';
import { redirectDone, render } from '../../web/layout.tsx';
import { checkCsrf } from '../../web/security.ts';
import { requireUser } from '../accounts/service.ts';
import { ProducerFacts } from '../producers/pages.tsx';
import * as producers from '../producers/service.ts';
import { DocumentList } from '../products/pages.tsx';
import { ProductFields } from '../products/schema.ts';
import type { Product } from '../products/service.ts';
import * as products from '../products/service.ts';
import { DecisionInput } from './schema.ts';

type C = Context<Env>;

const FIELDS = Object.keys(ProductFields.shape) as (keyof typeof ProductFields.shape)[];

type FieldName = (typeof FIELDS)[number];

/** A field's value as the public page shows it: units named, codes in the reader's digits. */
const shown = (field: FieldName, value: unknown, lang: Lang): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'unit') return t(lang, `web.measure.${value as MeasurementUnit}`);
  if (field === 'tariffCode' || field === 'gtin') return digits(String(value), lang);
  if (typeof value === 'number') return formatNumber(value, lang, 2);
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (typeof value === 'object') {
    const pairs = Object.entries(value).map(([k, v]) => isolate(`${k}: ${v}`));
    return pairs.length ? pairs.join(lang === 'fa' ? '؛ ' : '; ') : '—';
  }
  return String(value);
};

/** The decisions the state machine allows from here; a revision under review takes the review ones. */
const decisionsFrom = (status: Status, revision?: Status) =>
  DECISIONS.filter((d) =>
    moveOf(d).from.includes(revision && REVISION_ACTIONS.includes(d) ? revision : status),
  );

function DecisionForm({
  action,
  csrf,
  lang,
  errors,
  values,
  allowed,
}: {
  action: string;
  csrf: string;
  lang: Lang;
  errors: FormErrors;
  values: FormValues;
  allowed: readonly string[];
}) {
  if (!allowed.length) return <p class="muted">{t(lang, 'web.review.no_decision')}</p>;
  return (
    <form method="post" action={action} class="form decision" novalidate>
      <h2>{t(lang, 'web.review.decide')}</h2>
      <FormAlert errors={errors} />
      <Csrf token={csrf} />
      <fieldset
        class={errors.decision ? 'field has-error' : 'field'}
        aria-describedby={errors.decision ? 'f-decision-error' : undefined}
      >
        <legend>{t(lang, 'web.review.decision')}</legend>
        {DECISIONS.filter((d) => allowed.includes(d)).map((d) => (
          <label class="choice">
            <input type="radio" name="decision" value={d} checked={values.decision === d} />{' '}
            {t(lang, `web.decision.${d}`)}
          </label>
        ))}
        {errors.decision && (
          <p class="field-error" id="f-decision-error">
            {errors.decision}
          </p>
        )}
      </fieldset>
      <TextArea
        name="reason"
        label={t(lang, 'web.review.reason')}
        hint={t(lang, 'web.review.reason_hint')}
        values={values}
        errors={errors}
        rows={3}
      />
      <button type="submit" class="button">
        {t(lang, 'web.review.record')}
      </button>
    </form>
  );
}

/** The top of a submission: where to go back, what it is, and its state. */
function SubmissionHead({ lang, title, children }: { lang: Lang; title: string; children: Child }) {
  return (
    <>
      <Heading title={title} back={{ href: '/review', label: t(lang, 'web.review.back') }} />
      <p>{children}</p>
    </>
  );
}

async function productSubmission(
  c: C,
  deps: Deps,
  id: string,
  errors: FormErrors = {},
  values: FormValues = {},
) {
  const user = requireUser(c.get('user'), 'reviewer', 'admin');
  const { product: p } = await products.get(deps, user, id);
  const [unit, documents] = await Promise.all([
    producers.get(deps, user, p.producerId),
    products.listDocuments(deps, user, p.id),
  ]);
  const lang = c.get('lang');
  const rev = p.revision;
  const underReview = rev && rev.status !== 'rejected' ? rev.status : undefined;
  return render(
    c,
    nameOf(p, lang),
    (v) => (
      <>
        <SubmissionHead lang={lang} title={nameOf(p, lang)}>
          <StatusBadge status={p.status} lang={lang} />
          {rev && (
            <>
              {' '}
              {t(lang, 'web.product.revision')}: <StatusBadge status={rev.status} lang={lang} />
            </>
          )}{' '}
          · {t(lang, 'web.product.producer')}: <a href={`/review/units/${unit.id}`}>{nameOf(unit, lang)}</a> (
          {provinceName(unit.province, lang)})
          {p.registrationNumber && (
            <>
              {' · '}
              <a href={`/products/${p.registrationNumber}`}>{t(lang, 'web.product.public_page')}</a>
            </>
          )}
        </SubmissionHead>
        <table class="table compare">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'web.review.field')}</th>
              <th scope="col">{rev ? t(lang, 'web.review.approved_value') : t(lang, 'web.review.value')}</th>
              {rev && <th scope="col">{t(lang, 'web.review.proposed_value')}</th>}
            </tr>
          </thead>
          <tbody>
            {FIELDS.map((f) => {
              const changed = rev && JSON.stringify(rev.fields[f] ?? null) !== JSON.stringify(p[f] ?? null);
              return (
                <tr class={changed ? 'changed' : undefined}>
                  <th scope="row">
                    {t(lang, `web.product.${f}`)}
                    {changed && <span class="badge changed-mark">{t(lang, 'web.review.changed')}</span>}
                  </th>
                  <td>
                    <bdi>{shown(f, p[f], lang)}</bdi>
                  </td>
                  {rev && (
                    <td>
                      <bdi>{shown(f, rev.fields[f], lang)}</bdi>
                    </td>
                  )}
                </tr>
              );
            })}
            <tr>
              <th scope="row">{t(lang, 'web.product.valueAdded')}</th>
              <td>{formatNumber(p.valueAddedPercent, lang, 2)}</td>
              {rev && <td />}
            </tr>
          </tbody>
        </table>
        <h2>{t(lang, 'web.docs.title')}</h2>
        <DocumentList productId={p.id} documents={documents} lang={lang} />
        <DecisionForm
          action={`/review/products/${p.id}`}
          csrf={v.csrf}
          lang={lang}
          errors={errors}
          values={values}
          allowed={decisionsFrom(p.status, underReview)}
        />
      </>
    ),
    errors._form ? 400 : 200,
  );
}

async function unitSubmission(
  c: C,
  deps: Deps,
  id: string,
  errors: FormErrors = {},
  values: FormValues = {},
) {
  const user = requireUser(c.get('user'), 'reviewer', 'admin');
  const unit = await producers.get(deps, user, id);
  const lang = c.get('lang');
  return render(
    c,
    nameOf(unit, lang),
    (v) => (
      <>
        <SubmissionHead lang={lang} title={nameOf(unit, lang)}>
          <StatusBadge status={unit.status} lang={lang} /> ·{' '}
          {t(lang, 'web.review.submitted_at', { date: dateOf(unit.submittedAt, lang) })}
        </SubmissionHead>
        <ProducerFacts p={unit} lang={lang} full />
        <DecisionForm
          action={`/review/units/${unit.id}`}
          csrf={v.csrf}
          lang={lang}
          errors={errors}
          values={values}
          allowed={decisionsFrom(unit.status)}
        />
      </>
    ),
    errors._form ? 400 : 200,
  );
}

const submittedAt = (p: Product) => p.revision?.submittedAt ?? p.submittedAt;

export function reviewPages(deps: Deps) {
  const app = new Hono<Env>();

  app.get('/review', async (c) => {
    const user = requireUser(c.get('user'), 'reviewer', 'admin');
    const chapter = /^\d{2}$/.test(c.req.query('chapter') ?? '') ? c.req.query('chapter') : undefined;
    const province = /^IR-\d{2}$/.test(c.req.query('province') ?? '') ? c.req.query('province') : undefined;
    const [units, queue] = await Promise.all([
      producers.list(deps, user, { queue: true, province, limit: 100, offset: 0 }),
      products.list(deps, user, { queue: true, chapter, province, limit: 100 }),
    ]);
    const lang = c.get('lang');
    return render(c, t(lang, 'web.review.title'), () => (
      <>
        <h1>{t(lang, 'web.review.title')}</h1>
        <form method="get" action="/review" class="search">
          <ChapterFilter lang={lang} value={chapter} />
          <ProvinceFilter lang={lang} value={province} />
          <button type="submit" class="button secondary">
            {t(lang, 'web.review.filter')}
          </button>
        </form>
        <h2>{t(lang, 'web.review.units', { count: units.total })}</h2>
        {units.items.length ? (
          <ol class="queue">
            {units.items.map((u) => (
              <li>
                <a href={`/review/units/${u.id}`}>{nameOf(u, lang)}</a> · {provinceName(u.province, lang)} ·{' '}
                <span class="muted">{dateOf(u.submittedAt, lang)}</span>
              </li>
            ))}
          </ol>
        ) : (
          <p class="empty">{t(lang, 'web.review.empty')}</p>
        )}
        <h2>{t(lang, 'web.review.products', { count: queue.total })}</h2>
        {queue.items.length ? (
          <ol class="queue">
            {queue.items.map((p) => (
              <li>
                <a href={`/review/products/${p.id}`}>{nameOf(p, lang)}</a> · {nameOf(p.producer, lang)} ·{' '}
                {p.revision ? t(lang, 'web.product.revision') : t(lang, 'web.review.first')} ·{' '}
                <span class="muted">{dateOf(submittedAt(p), lang)}</span>
              </li>
            ))}
          </ol>
        ) : (
          <p class="empty">{t(lang, 'web.review.empty')}</p>
        )}
      </>
    ));
  });

  app.get(`/review/products/${ID}`, (c) => productSubmission(c, deps, c.req.param('id')));
  app.get(`/review/units/${ID}`, (c) => unitSubmission(c, deps, c.req.param('id')));

  for (const [kind, decide, page] of [
    ['products', products.move, productSubmission],
    ['units', producers.move, unitSubmission],
  ] as const) {
    app.post(`/review/${kind}/${ID}`, async (c) => {
      const body = await c.req.parseBody();
      checkCsrf(c, body);
      const id = c.req.param('id');
      const values = textValues(body);
      try {
        const { decision, reason } = validate(DecisionInput, values);
        await decide(deps, c.get('user'), id, decision, reason ?? null);
        return redirectDone(c, '/review', decision);
      } catch (err) {
        return page(c, deps, id, formErrorsOf(err, c.get('lang')), values);
      }
    });
  }

  return app;
}
