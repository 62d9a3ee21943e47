import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { Deps, User } from '../../context.ts';
import { replay, type Snapshot } from '../../domain/history.ts';
import { valueAddedPercent } from '../../domain/registration.ts';
import {
  DECISIONS,
  type Decision,
  type EventType,
  moveOf,
  REVISION_ACTIONS,
  type Status,
} from '../../domain/workflow.ts';
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
import { requireUser } from '../accounts/service.ts';
import { AuditForm } from '../audit/pages.tsx';
import { AuditInput } from '../audit/schema.ts';
import * as audit from '../audit/service.ts';
import { ProducerFacts } from '../producers/pages.tsx';
import { UNIT_FIELDS } from '../producers/schema.ts';
import * as producers from '../producers/service.ts';
import { DocumentList, shown } from '../products/pages.tsx';
import { PRODUCT_FIELDS } from '../products/schema.ts';
import type { Product } from '../products/service.ts';
import * as products from '../products/service.ts';
import { DecisionInput } from './schema.ts';

type C = Context<Env>;

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
  revision,
}: {
  action: string;
  csrf: string;
  lang: Lang;
  errors: FormErrors;
  values: FormValues;
  allowed: readonly string[];
  /** A proposed change is under review: its decisions and the registration's are told apart. */
  revision?: boolean;
}) {
  // Decided meanwhile (in another tab, by another reviewer): say so, and keep the reason that was typed.
  if (!allowed.length)
    return (
      <>
        <FormAlert errors={errors} />
        <p class="muted">{t(lang, 'web.review.no_decision')}</p>
        {values.reason?.trim() && (
          <p>{t(lang, 'web.review.unrecorded_reason', { reason: isolate(values.reason.trim()) })}</p>
        )}
      </>
    );
  const options = (decisions: readonly Decision[]) =>
    decisions
      .filter((d) => allowed.includes(d))
      .map((d) => ({ value: d, label: t(lang, `web.decision.${d}`) }));
  return (
    <form method="post" action={action} class="form decision" novalidate>
      <h2>{t(lang, 'web.review.decide')}</h2>
      <FormAlert errors={errors} />
      <Csrf token={csrf} />
      <Choices
        name="decision"
        legend={t(lang, 'web.review.decision')}
        groups={
          revision
            ? [
                {
                  heading: t(lang, 'web.review.about_revision'),
                  options: options(DECISIONS.filter((d) => REVISION_ACTIONS.includes(d))),
                },
                {
                  heading: t(lang, 'web.review.about_registration'),
                  options: options(DECISIONS.filter((d) => !REVISION_ACTIONS.includes(d))),
                },
              ]
            : [{ options: options(DECISIONS) }]
        }
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
function LastReason({ lang, reason }: { lang: Lang; reason: string | null | undefined }) {
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

/** The decisions that end a round of review; after one of the last two, a new submission is an answer. */
const DECIDED: readonly EventType[] = ['approved', 'changes_requested', 'rejected'];

/** A value as the reviewer reads it: the order of a list (export markets) or of an object's keys is not a change. */
const canonical = (v: unknown): string => {
  if (Array.isArray(v)) return JSON.stringify(v.map(canonical).sort());
  if (v && typeof v === 'object') return canonical(Object.entries(v).map(([k, x]) => `${k}=${canonical(x)}`));
  return JSON.stringify(v ?? null);
};
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

interface Resubmission {
  type: EventType;
  at: string;
  reason: string | null;
  /** The fields changed since. */
  changed: string[];
}

/**
 * What a resubmission answers: the reviewer's last decision sending it back, and the fields that differ
 * from what was sent back then. Nothing for a first submission or one after an approval. `then` picks
 * the fields out of the state replayed up to that decision (a product's revision keeps its own).
 */
function resubmissionOf<F extends string>(
  events: readonly { type: EventType; at: string; reason: string | null; after: Snapshot }[],
  fields: readonly F[],
  now: Snapshot,
  then: (state: Snapshot) => Snapshot | undefined = (state) => state,
): Resubmission | undefined {
  const last = events.reduce((found, e, i) => (DECIDED.includes(e.type) ? i : found), -1);
  const decision = events[last];
  if (!decision || decision.type === 'approved') return undefined;
  const before = then(replay(events.slice(0, last + 1).map((e) => ({ after: e.after }))));
  return {
    type: decision.type,
    at: decision.at,
    reason: decision.reason,
    changed: fields.filter((f) => !same(before?.[f], now[f])),
  };
}

async function productResubmission(deps: Deps, user: User, p: Product) {
  const events = await products.history(deps, user, p.id);
  return resubmissionOf(
    events.map((e) => ({ ...e, after: e.changes?.after ?? {} })),
    PRODUCT_FIELDS,
    p.revision ? { ...p.revision.fields } : { ...p },
    p.revision ? (state) => (state.revision as Snapshot | null)?.fields as Snapshot | undefined : undefined,
  );
}

async function unitResubmission(deps: Deps, user: User, unit: producers.Producer) {
  return resubmissionOf(await producers.history(deps, user, unit.id), UNIT_FIELDS, { ...unit });
}

function ResubmissionPanel({ lang, r, kind }: { lang: Lang; r: Resubmission; kind: 'product' | 'unit' }) {
  return (
    <section class="status-panel status-changes_requested resubmission">
      <h2>
        {t(lang, 'web.review.resubmitted', {
          date: dateOf(r.at, lang),
          decision: t(lang, `web.event.${r.type}`),
        })}
      </h2>
      {r.reason && <p>{t(lang, 'web.review.previous_reason', { reason: isolate(r.reason) })}</p>}
      <p>
        {r.changed.length
          ? t(lang, 'web.review.changed_since', {
              fields: r.changed
                .map((f) => t(lang, `web.${kind}.${f}` as 'web.product.nameFa'))
                .join(lang === 'fa' ? '، ' : ', '),
            })
          : t(lang, 'web.review.unchanged_since')}
      </p>
    </section>
  );
}

/** The domestic value added, derived from the price and the imported inputs: a revision of either changes it. */
function ValueAddedRow({ lang, p }: { lang: Lang; p: Product }) {
  const rev = p.revision?.fields;
  const proposed = rev && valueAddedPercent(rev.exWorksPrice, rev.importedInputsCost);
  const changed = proposed !== undefined && proposed !== p.valueAddedPercent;
  return (
    <tr class={changed ? 'changed' : undefined}>
      <th scope="row">
        {t(lang, 'web.product.valueAdded')}
        {changed && <span class="badge changed-mark">{t(lang, 'web.review.changed')}</span>}
      </th>
      <td>{formatNumber(p.valueAddedPercent, lang, 2)}</td>
      {proposed !== undefined && <td>{formatNumber(proposed, lang, 2)}</td>}
    </tr>
  );
}

/** Why "approve" is not offered: a product is approved only once its production unit is. */
function UnitPendingPanel({ lang, unit }: { lang: Lang; unit: producers.Producer }) {
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
  const user = requireUser(c.get('user'), 'reviewer', 'admin');
  const { product: p } = await products.get(deps, user, id);
  const [auditYear] = await audit.pendingYears(deps, user, p.id);
  const rev = p.revision;
  const underReview = rev && rev.status !== 'rejected' ? rev.status : undefined;
  const awaiting = (underReview ?? p.status) === 'submitted';
  const [unit, documents, resubmission] = await Promise.all([
    producers.get(deps, user, p.producerId),
    products.listDocuments(deps, user, p.id),
    awaiting ? productResubmission(deps, user, p) : undefined,
  ]);
  const lang = c.get('lang');
  // The service approves a first registration only for an approved unit; a revision it does not ask.
  const unitPending = !underReview && unit.status !== 'approved';
  const allowed = decisionsFrom(p.status, underReview).filter((d) => !(unitPending && d === 'approve'));
  const changedSince = new Set(resubmission?.changed);
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
        {!awaiting && <LastReason lang={lang} reason={rev?.reason ?? p.reason} />}
        {unitPending && awaiting && <UnitPendingPanel lang={lang} unit={unit} />}
        {resubmission && <ResubmissionPanel lang={lang} r={resubmission} kind="product" />}
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
              const changed = rev && !same(rev.fields[f], p[f]);
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
            <ValueAddedRow lang={lang} p={p} />
          </tbody>
        </table>
        <h2>{t(lang, 'web.docs.title')}</h2>
        <DocumentList productId={p.id} documents={documents} lang={lang} />
        {auditYear !== undefined && (
          <AuditForm lang={lang} csrf={v.csrf} productId={p.id} year={auditYear} {...audited} />
        )}
        <DecisionForm
          action={`/review/products/${p.id}`}
          csrf={v.csrf}
          lang={lang}
          errors={errors}
          values={values}
          allowed={allowed}
          revision={!!underReview}
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
  const user = requireUser(c.get('user'), 'reviewer', 'admin');
  const unit = await producers.get(deps, user, id);
  const resubmission = unit.status === 'submitted' ? await unitResubmission(deps, user, unit) : undefined;
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
        {unit.status !== 'submitted' && <LastReason lang={lang} reason={unit.reason} />}
        {resubmission && <ResubmissionPanel lang={lang} r={resubmission} kind="unit" />}
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

const PAGE = 25;
const KINDS = ['units', 'products'] as const;

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

type UnitPage = Awaited<ReturnType<typeof producers.list>>;
type ProductPage = products.CountedListing;

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

function ProductQueue({
  v,
  queue,
  pendingUnits,
  f,
}: {
  v: View;
  queue: ProductPage;
  pendingUnits: Set<string>;
  f: Filters;
}) {
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
              <span class="muted">{dateOf(submittedAt(p), lang)}</span>
              {pendingUnits.has(p.producerId) && (
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

/**
 * The ids of the units of first submissions on this page that are not approved yet: such a product cannot
 * be approved before its unit. A revision's product is registered already, so its unit is not asked.
 */
async function pendingUnitsOf(deps: Deps, user: User, page: ProductPage) {
  const ids = [...new Set(page.items.filter((p) => !p.revision).map((p) => p.producerId))];
  const units = await Promise.all(ids.map((id) => producers.get(deps, user, id)));
  return new Set(units.filter((u) => u.status !== 'approved').map((u) => u.id));
}

const none = { items: [], total: 0, nextCursor: null };

export function reviewPages(deps: Deps) {
  const app = new Hono<Env>();

  app.get('/review', async (c) => {
    const user = requireUser(c.get('user'), 'reviewer', 'admin');
    const f = queueFilters(c);
    const [units, queue] = await Promise.all([
      f.kind === 'products'
        ? none
        : producers.list(deps, user, {
            queue: true,
            province: f.province,
            limit: PAGE,
            offset: f.unitOffset,
          }),
      f.kind === 'units'
        ? none
        : products.list(deps, user, {
            queue: true,
            chapter: f.chapter,
            province: f.province,
            limit: PAGE,
            cursor: f.cursor,
          }),
    ]);
    const pendingUnits = await pendingUnitsOf(deps, user, queue);
    const lang = c.get('lang');
    return render(c, t(lang, 'web.review.title'), (v) => (
      <>
        <h1>{t(lang, 'web.review.title')}</h1>
        <p>
          <a href="/review/audit">{t(lang, 'audit.title')}</a>
        </p>
        <QueueFilters lang={lang} f={f} />
        {f.kind !== 'products' && <UnitQueue v={v} units={units} f={f} />}
        {f.kind !== 'units' && <ProductQueue v={v} queue={queue} pendingUnits={pendingUnits} f={f} />}
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
