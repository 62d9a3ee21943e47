import { type Context, Hono } from 'hono';
import { HS_CHAPTERS, hsChapterTitle, PROVINCES } from '../../domain/reference.ts';
import { DECISIONS } from '../../domain/workflow.ts';
import type { Deps, Env } from '../../http/context.ts';
import {
  Csrf,
  dateOf,
  digits,
  FormAlert,
  type FormErrors,
  formatNumber,
  formErrorsOf,
  StatusBadge,
  textValues,
  validate,
} from '../../web/components.tsx';
import { type Lang, t } from '../../web/i18n/index.ts';
import { render } from '../../web/layout.tsx';
import { checkCsrf } from '../../web/security.ts';
import { requireUser } from '../accounts/service.ts';
import { ProducerFacts } from '../producers/pages.tsx';
import * as producers from '../producers/service.ts';
import { DocumentList, nameOf, provinceName } from '../products/pages.tsx';
import type { Product } from '../products/service.ts';
import * as products from '../products/service.ts';
import { DecisionInput } from './schema.ts';

type C = Context<Env>;

const FIELDS = [
  'nameFa',
  'nameEn',
  'descriptionFa',
  'descriptionEn',
  'tariffCode',
  'brand',
  'model',
  'gtin',
  'unit',
  'annualCapacity',
  'exWorksPrice',
  'importedInputsCost',
  'exportMarkets',
] as const;

const shown = (value: unknown, lang: Lang) =>
  value === null || value === undefined || value === ''
    ? '—'
    : typeof value === 'number'
      ? formatNumber(value, lang, 2)
      : Array.isArray(value)
        ? value.join(', ')
        : String(value);

function DecisionForm({
  action,
  csrf,
  lang,
  errors,
  reason,
}: {
  action: string;
  csrf: string;
  lang: Lang;
  errors: FormErrors;
  reason?: string;
}) {
  return (
    <form method="post" action={action} class="form decision" novalidate>
      <h2>{t(lang, 'web.review.decide')}</h2>
      <FormAlert errors={errors} />
      <Csrf token={csrf} />
      <fieldset class={errors.decision ? 'field has-error' : 'field'}>
        <legend>{t(lang, 'web.review.decision')}</legend>
        {DECISIONS.map((d, i) => (
          <label class="choice">
            <input type="radio" name="decision" value={d} checked={i === 0} /> {t(lang, `web.decision.${d}`)}
          </label>
        ))}
        {errors.decision && <p class="field-error">{errors.decision}</p>}
      </fieldset>
      <div class={errors.reason ? 'field has-error' : 'field'}>
        <label for="f-reason">{t(lang, 'web.review.reason')}</label>
        <p class="hint" id="f-reason-hint">
          {t(lang, 'web.review.reason_hint')}
        </p>
        <textarea id="f-reason" name="reason" rows={3} aria-describedby="f-reason-hint">
          {reason ?? ''}
        </textarea>
        {errors.reason && <p class="field-error">{errors.reason}</p>}
      </div>
      <button type="submit" class="button">
        {t(lang, 'web.review.record')}
      </button>
    </form>
  );
}

async function productSubmission(c: C, deps: Deps, id: string, errors: FormErrors = {}, reason?: string) {
  const user = requireUser(c.get('user'), 'reviewer', 'admin');
  const { product: p } = await products.get(deps, user, id);
  const [unit, documents] = await Promise.all([
    producers.get(deps, user, p.producerId),
    products.listDocuments(deps, user, p.id),
  ]);
  const lang = c.get('lang');
  const rev = p.revision;
  return render(
    c,
    nameOf(p, lang),
    (v) => (
      <>
        <p>
          <a href="/review">{t(lang, 'web.review.back')}</a>
        </p>
        <h1>{nameOf(p, lang)}</h1>
        <p>
          <StatusBadge status={p.status} lang={lang} />
          {rev && (
            <>
              {' '}
              {t(lang, 'web.product.revision')}: <StatusBadge status={rev.status} lang={lang} />
            </>
          )}{' '}
          · {t(lang, 'web.product.producer')}: <a href={`/review/units/${unit.id}`}>{nameOf(unit, lang)}</a> (
          {provinceName(unit.province, lang)})
        </p>
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
              const changed = rev && JSON.stringify(rev.fields[f]) !== JSON.stringify(p[f]);
              return (
                <tr class={changed ? 'changed' : undefined}>
                  <th scope="row">
                    {t(lang, `web.product.${f}`)}
                    {changed && <span class="badge changed-mark">{t(lang, 'web.review.changed')}</span>}
                  </th>
                  <td>{shown(p[f], lang)}</td>
                  {rev && <td>{shown(rev.fields[f], lang)}</td>}
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
          reason={reason}
        />
      </>
    ),
    errors._form ? 400 : 200,
  );
}

async function unitSubmission(c: C, deps: Deps, id: string, errors: FormErrors = {}, reason?: string) {
  const user = requireUser(c.get('user'), 'reviewer', 'admin');
  const unit = await producers.get(deps, user, id);
  const lang = c.get('lang');
  return render(
    c,
    nameOf(unit, lang),
    (v) => (
      <>
        <p>
          <a href="/review">{t(lang, 'web.review.back')}</a>
        </p>
        <h1>{nameOf(unit, lang)}</h1>
        <p>
          <StatusBadge status={unit.status} lang={lang} /> ·{' '}
          {t(lang, 'web.review.submitted_at', { date: dateOf(unit.submittedAt, lang) })}
        </p>
        <ProducerFacts p={unit} lang={lang} full />
        <DecisionForm
          action={`/review/units/${unit.id}`}
          csrf={v.csrf}
          lang={lang}
          errors={errors}
          reason={reason}
        />
      </>
    ),
    errors._form ? 400 : 200,
  );
}

function Filters({ lang, chapter, province }: { lang: Lang; chapter?: string; province?: string }) {
  return (
    <form method="get" action="/review" class="search">
      <div class="field">
        <label for="chapter">{t(lang, 'web.catalog.chapter')}</label>
        <select id="chapter" name="chapter">
          <option value="">{t(lang, 'web.catalog.all')}</option>
          {HS_CHAPTERS.filter((h) => h.chapter !== '77').map((h) => (
            <option value={h.chapter} selected={h.chapter === chapter}>
              {`${digits(h.chapter, lang)} · ${hsChapterTitle(h.chapter, lang)}`}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="province">{t(lang, 'web.catalog.province')}</label>
        <select id="province" name="province">
          <option value="">{t(lang, 'web.catalog.all')}</option>
          {PROVINCES.map((p) => (
            <option value={p.code} selected={p.code === province}>
              {lang === 'fa' ? p.nameFa : p.nameEn}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button secondary">
        {t(lang, 'web.review.filter')}
      </button>
    </form>
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
        <Filters lang={lang} chapter={chapter} province={province} />
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

  app.get('/review/products/:id', (c) => productSubmission(c, deps, c.req.param('id')));
  app.get('/review/units/:id', (c) => unitSubmission(c, deps, c.req.param('id')));

  for (const [kind, decide, page] of [
    ['products', products.move, productSubmission],
    ['units', producers.move, unitSubmission],
  ] as const) {
    app.post(`/review/${kind}/:id`, async (c) => {
      const body = await c.req.parseBody();
      checkCsrf(c, body);
      const id = c.req.param('id');
      const values = textValues(body);
      try {
        const { decision, reason } = validate(DecisionInput, values);
        await decide(deps, c.get('user'), id, decision, reason ?? null);
        return c.redirect(`/review?done=${decision}`, 303);
      } catch (err) {
        return page(c, deps, id, formErrorsOf(err, c.get('lang')), values.reason);
      }
    });
  }

  return app;
}
