import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { Deps } from '../../context.ts';
import type { Resubmission } from '../../domain/review.ts';
import { AppError } from '../../errors.ts';
import type { Env } from '../../http/context.ts';
import { REASON_MAX } from '../../http/fields.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { Heading, StatusBadge } from '../../web/components.tsx';
import { dateOf, formatNumber, isolate, nameOf, provinceName } from '../../web/format.ts';
import {
  ChapterFilter,
  Choices,
  Csrf,
  FormAlert,
  type FormErrors,
  type FormValues,
  formErrorsOf,
  ID,
  ProvinceFilter,
  Select,
  TextArea,
  textValues,
  validate,
} from '../../web/forms.tsx';
import { redirectDone, render, type View } from '../../web/layout.tsx';
import { cursorPlace, offsetOf, offsetPlace, Pager } from '../../web/pager.tsx';
import { checkCsrf } from '../../web/security.ts';
import { AuditInput } from '../audit/schema.ts';
import * as audit from '../audit/service.ts';
import { AuditForm } from '../audit/views.tsx';
import type { Producer } from '../producers/service.ts';
import { ProducerFacts } from '../producers/views.tsx';
import { PRODUCT_FIELDS } from '../products/schema.ts';
import type { Product } from '../products/service.ts';
import { DocumentList, shown } from '../products/views.tsx';
import { DecisionInput, KINDS } from './schema.ts';
import * as review from './service.ts';

type C = Context<Env>;

type DecisionGroups = Awaited<ReturnType<typeof review.unitReview>>['decisions'];

function DecisionForm({
  action,
  csrf,
  lang,
  errors,
  values,
  groups,
}: {
  action: string;
  csrf: string;
  lang: Lang;
  errors: FormErrors;
  values: FormValues;
  groups: DecisionGroups;
}) {
  // Decided meanwhile (in another tab, by another reviewer): say so, and keep the reason that was typed.
  if (groups.every((g) => !g.decisions.length))
    return (
      <>
        <FormAlert errors={errors} />
        <p class="muted">{t(lang, 'web.review.no_decision')}</p>
        {values.reason?.trim() && (
          <p>{t(lang, 'web.review.unrecorded_reason', { reason: isolate(values.reason.trim()) })}</p>
        )}
      </>
    );
  return (
    <form method="post" action={action} class="form decision" novalidate>
      <h2>{t(lang, 'web.review.decide')}</h2>
      <FormAlert errors={errors} />
      <Csrf token={csrf} />
      <Choices
        name="decision"
        legend={t(lang, 'web.review.decision')}
        groups={groups.map((g) => ({
          heading: g.about ? t(lang, `web.review.about_${g.about}`) : undefined,
          options: g.decisions.map((d) => ({
            value: d.decision,
            label: t(lang, `web.decision.${d.decision}`),
          })),
        }))}
        values={values}
        errors={errors}
      />
      <TextArea
        name="reason"
        label={t(lang, 'web.review.reason')}
        hint={t(lang, 'web.review.reason_hint', { max: formatNumber(REASON_MAX, lang) })}
        values={values}
        errors={errors}
        rows={3}
        maxlength={REASON_MAX}
      />
      <button type="submit" class="button">
        {t(lang, 'web.review.record')}
      </button>
    </form>
  );
}

/** Why it stands where it does: the reason of the last decision, for a reviewer who did not make it. */
function LastReason({ lang, reason }: { lang: Lang; reason: string | null }) {
  return reason ? <p>{t(lang, 'web.product.reviewer_reason', { reason: isolate(reason) })}</p> : null;
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

function ResubmissionPanel({ lang, r, kind }: { lang: Lang; r: Resubmission; kind: 'product' | 'unit' }) {
  return (
    <section class="status-panel status-changes_requested resubmission">
      <h2>
        {t(lang, 'web.review.resubmitted', {
          date: dateOf(r.at, lang),
          decision: t(lang, `web.event.${r.event}`),
        })}
      </h2>
      {r.reason && <p>{t(lang, 'web.review.previous_reason', { reason: isolate(r.reason) })}</p>}
      <p>
        {r.changedSince.length
          ? t(lang, 'web.review.changed_since', {
              fields: r.changedSince
                .map((f) => t(lang, `web.${kind}.${f}` as 'web.product.nameFa'))
                .join(lang === 'fa' ? '، ' : ', '),
            })
          : t(lang, 'web.review.unchanged_since')}
      </p>
    </section>
  );
}

/** The domestic value added, and the one a proposed change of the price or the imported inputs gives. */
function ValueAddedRow({ lang, p, proposed }: { lang: Lang; p: Product; proposed: number | null }) {
  const changed = proposed !== null && proposed !== p.valueAddedPercent;
  return (
    <tr class={changed ? 'changed' : undefined}>
      <th scope="row">
        {t(lang, 'web.product.valueAdded')}
        {changed && <span class="badge changed-mark">{t(lang, 'web.review.changed')}</span>}
      </th>
      <td>{formatNumber(p.valueAddedPercent, lang, 2)}</td>
      {proposed !== null && <td>{formatNumber(proposed, lang, 2)}</td>}
    </tr>
  );
}

/** Why "approve" is not offered: a product is approved only once its production unit is. */
function UnitPendingPanel({ lang, unit }: { lang: Lang; unit: Producer }) {
  return (
    <div class="alert alert-warn" role="note">
      <p>
        {t(lang, 'web.review.unit_pending', { unit: isolate(nameOf(unit, lang)) })}{' '}
        <StatusBadge status={unit.status} lang={lang} />
      </p>
      <p>
        <a href={`/review/units/${unit.id}`}>{t(lang, 'web.review.review_unit')}</a>
      </p>
    </div>
  );
}

async function productSubmission(
  c: C,
  deps: Deps,
  id: string,
  errors: FormErrors = {},
  values: FormValues = {},
  audited: { errors: FormErrors; values: FormValues } = { errors: {}, values: {} },
) {
  const r = await review.productReview(deps, c.get('user'), id);
  const { product: p, unit } = r;
  const rev = p.revision;
  const lang = c.get('lang');
  const changedSince = new Set<string>(r.resubmission?.changedSince);
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
        <LastReason lang={lang} reason={r.lastReason} />
        {r.unitPending && <UnitPendingPanel lang={lang} unit={unit} />}
        {r.resubmission && <ResubmissionPanel lang={lang} r={r.resubmission} kind="product" />}
        <table class="table compare">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'web.review.field')}</th>
              <th scope="col">{rev ? t(lang, 'web.review.approved_value') : t(lang, 'web.review.value')}</th>
              {rev && <th scope="col">{t(lang, 'web.review.proposed_value')}</th>}
            </tr>
          </thead>
          <tbody>
            {PRODUCT_FIELDS.map((f) => {
              const changed = r.revisionChanges.includes(f);
              return (
                <tr class={changed || changedSince.has(f) ? 'changed' : undefined}>
                  <th scope="row">
                    {t(lang, `web.product.${f}`)}
                    {changed && <span class="badge changed-mark">{t(lang, 'web.review.changed')}</span>}
                    {changedSince.has(f) && (
                      <span class="badge changed-mark">{t(lang, 'web.review.changed_since_mark')}</span>
                    )}
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
            <ValueAddedRow lang={lang} p={p} proposed={r.proposedValueAdded} />
          </tbody>
        </table>
        <h2>{t(lang, 'web.docs.title')}</h2>
        <DocumentList productId={p.id} documents={r.documents} lang={lang} />
        {r.auditYear !== null && (
          <AuditForm lang={lang} csrf={v.csrf} productId={p.id} year={r.auditYear} {...audited} />
        )}
        <DecisionForm
          action={`/review/products/${p.id}`}
          csrf={v.csrf}
          lang={lang}
          errors={errors}
          values={values}
          groups={r.decisions}
        />
      </>
    ),
    errors._form || Object.keys(audited.errors).length ? 400 : 200,
  );
}

async function unitSubmission(
  c: C,
  deps: Deps,
  id: string,
  errors: FormErrors = {},
  values: FormValues = {},
) {
  const r = await review.unitReview(deps, c.get('user'), id);
  const { unit } = r;
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
        <LastReason lang={lang} reason={r.lastReason} />
        {r.resubmission && <ResubmissionPanel lang={lang} r={r.resubmission} kind="unit" />}
        <ProducerFacts p={unit} lang={lang} full />
        <DecisionForm
          action={`/review/units/${unit.id}`}
          csrf={v.csrf}
          lang={lang}
          errors={errors}
          values={values}
          groups={r.decisions}
        />
      </>
    ),
    errors._form ? 400 : 200,
  );
}

const PAGE = 25;

/** The queue's filters, read from the address; anything unrecognised is no filter. */
function queueFilters(c: C) {
  const q = (name: string, pattern: RegExp) => {
    const value = c.req.query(name);
    return value && pattern.test(value) ? value : undefined;
  };
  const kind = KINDS.find((k) => k === c.req.query('kind'));
  return {
    kind,
    chapter: q('chapter', /^\d{2}$/),
    province: q('province', /^IR-\d{2}$/),
    unitOffset: offsetOf(c.req.query('units_from')),
    cursor: c.req.query('cursor') || undefined,
  };
}

type Filters = ReturnType<typeof queueFilters>;

function QueueFilters({ lang, f }: { lang: Lang; f: Filters }) {
  return (
    <form method="get" action="/review" class="search">
      <Select
        name="kind"
        label={t(lang, 'web.review.kind')}
        blank={t(lang, 'web.catalog.all')}
        values={{ kind: f.kind ?? '' }}
        options={KINDS.map((k) => ({ value: k, label: t(lang, `web.review.kind.${k}`) }))}
      />
      <ProvinceFilter lang={lang} value={f.province} />
      <ChapterFilter lang={lang} value={f.chapter} />
      <button type="submit" class="button secondary">
        {t(lang, 'web.review.filter')}
      </button>
    </form>
  );
}

type Queue = Awaited<ReturnType<typeof review.queue>>;
type UnitPage = NonNullable<Queue['units']>;
type ProductPage = NonNullable<Queue['products']>;

function UnitQueue({ v, units, f }: { v: View; units: UnitPage; f: Filters }) {
  const { lang } = v;
  return (
    <section>
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
      <Pager
        v={v}
        label={t(lang, 'web.review.units_pages')}
        param="units_from"
        place={offsetPlace(f.unitOffset, PAGE, units.total)}
      />
    </section>
  );
}

function ProductQueue({ v, queue, f }: { v: View; queue: ProductPage; f: Filters }) {
  const { lang } = v;
  return (
    <section>
      <h2>{t(lang, 'web.review.products', { count: queue.total })}</h2>
      {queue.items.length ? (
        <ol class="queue">
          {queue.items.map((p) => (
            <li>
              <a href={`/review/products/${p.id}`}>{nameOf(p, lang)}</a> · {nameOf(p.producer, lang)} ·{' '}
              {p.revision ? t(lang, 'web.product.revision') : t(lang, 'web.review.first')} ·{' '}
              <span class="muted">{dateOf(review.submittedAt(p), lang)}</span>
              {p.unitPending && (
                <>
                  {' '}
                  <a class="badge unit-pending" href={`/review/units/${p.producerId}`}>
                    {t(lang, 'web.review.unit_not_approved')}
                  </a>
                </>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p class="empty">{t(lang, 'web.review.empty')}</p>
      )}
      <Pager
        v={v}
        label={t(lang, 'web.review.products_pages')}
        param="cursor"
        place={cursorPlace(f.cursor, queue.nextCursor)}
      />
    </section>
  );
}

export function reviewPages(deps: Deps) {
  const app = new Hono<Env>();

  app.get('/review', async (c) => {
    const f = queueFilters(c);
    const { units, products } = await review.queue(deps, c.get('user'), {
      ...f,
      limit: PAGE,
      unitsOffset: f.unitOffset,
    });
    const lang = c.get('lang');
    return render(c, t(lang, 'web.review.title'), (v) => (
      <>
        <h1>{t(lang, 'web.review.title')}</h1>
        <p>
          <a href="/review/audit">{t(lang, 'audit.title')}</a>
        </p>
        <QueueFilters lang={lang} f={f} />
        {units && <UnitQueue v={v} units={units} f={f} />}
        {products && <ProductQueue v={v} queue={products} f={f} />}
      </>
    ));
  });

  app.get(`/review/products/${ID}`, (c) => productSubmission(c, deps, c.req.param('id')));
  app.get(`/review/units/${ID}`, (c) => unitSubmission(c, deps, c.req.param('id')));

  for (const [kind, page] of [
    ['products', productSubmission],
    ['units', unitSubmission],
  ] as const) {
    app.post(`/review/${kind}/${ID}`, async (c) => {
      const body = await c.req.parseBody();
      checkCsrf(c, body);
      const id = c.req.param('id');
      const values = textValues(body);
      try {
        const { decision, reason } = validate(DecisionInput, values);
        await review.decide(deps, c.get('user'), kind, id, decision, reason ?? null);
        return redirectDone(c, '/review', decision);
      } catch (err) {
        return page(c, deps, id, formErrorsOf(err, c.get('lang')), values);
      }
    });
  }

  // An audit's outcome is recorded from the sampled registration's page, and shown there when refused.
  app.post(`/review/audit/:year{1[34][0-9][0-9]}/${ID}`, async (c) => {
    const body = await c.req.parseBody();
    checkCsrf(c, body);
    const year = Number(c.req.param('year'));
    const id = c.req.param('id');
    const values = textValues(body);
    try {
      await audit.record(deps, c.get('user'), year, id, validate(AuditInput, values));
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation') throw err;
      return productSubmission(c, deps, id, {}, {}, { errors: formErrorsOf(err, c.get('lang')), values });
    }
    return redirectDone(c, `/review/audit?year=${year}`, 'audited');
  });

  return app;
}
