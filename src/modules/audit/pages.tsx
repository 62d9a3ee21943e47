import { type Context, Hono } from 'hono';
import type { Deps } from '../../context.ts';
import { sampleSize } from '../../domain/audit.ts';
import type { Env } from '../../http/context.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { ActionButton, Heading } from '../../web/components.tsx';
import { dateOf, digits, formatNumber, isolate, nameOf } from '../../web/format.ts';
import { redirectDone, render } from '../../web/layout.tsx';
import { checkCsrf } from '../../web/security.ts';
import * as audit from './service.ts';

type C = Context<Env>;

const OUTCOME_BADGE = {
  pending: 'status-submitted',
  confirmed: 'status-approved',
  discrepancy: 'status-revoked',
};

function OutcomeBadge({ lang, outcome }: { lang: Lang; outcome: keyof typeof OUTCOME_BADGE }) {
  return <span class={`badge ${OUTCOME_BADGE[outcome]}`}>{t(lang, `audit.outcome.${outcome}`)}</span>;
}

const yearOf = (s: string | undefined) => (s && /^1[34]\d\d$/.test(s) ? Number(s) : undefined);

async function auditPage(c: C, deps: Deps) {
  const current = audit.auditYear(deps);
  const year = yearOf(c.req.query('year')) ?? current;
  const { sample, years, inForce, items } = await audit.overview(deps, c.get('user'), year);
  const lang = c.get('lang');
  const n = (x: number) => formatNumber(x, lang);
  const shownYears = [...new Set([current, ...years])].sort((a, b) => b - a);
  return render(c, t(lang, 'audit.title'), (v) => (
    <>
      <Heading title={t(lang, 'audit.title')} back={{ href: '/review', label: t(lang, 'web.review.back') }} />
      <p>{t(lang, 'audit.lead')}</p>
      <nav class="pager" aria-label={t(lang, 'audit.years')}>
        {shownYears.map((y) =>
          y === year ? (
            <strong aria-current="page">{digits(String(y), lang)}</strong>
          ) : (
            <a href={`/review/audit?year=${y}`}>{digits(String(y), lang)}</a>
          ),
        )}
      </nav>
      <h2>{t(lang, 'audit.year', { year: digits(String(year), lang) })}</h2>
      {sample ? (
        <>
          <p>
            {t(lang, 'audit.drawn', {
              date: dateOf(sample.drawn_at.toISOString(), lang),
              population: n(sample.population),
              size: n(items.length),
              done: n(items.filter((i) => i.outcome).length),
              discrepancies: n(items.filter((i) => i.outcome === 'discrepancy').length),
            })}
          </p>
          <table class="table state-table">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'audit.col_product')}</th>
                <th scope="col">{t(lang, 'audit.col_number')}</th>
                <th scope="col">{t(lang, 'audit.col_producer')}</th>
                <th scope="col">{t(lang, 'audit.col_outcome')}</th>
                <th scope="col">{t(lang, 'audit.col_note')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr>
                  <td>
                    <a href={`/review/products/${i.product.id}`}>{nameOf(i.product, lang)}</a>
                  </td>
                  <td class="regno" dir="ltr">
                    {i.product.registrationNumber ? digits(i.product.registrationNumber, lang) : '—'}
                  </td>
                  <td>{nameOf(i.unit, lang)}</td>
                  <td>
                    <OutcomeBadge lang={lang} outcome={i.outcome ?? 'pending'} />
                  </td>
                  <td>{i.note ? isolate(i.note) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : inForce === null ? (
        <p class="empty">{t(lang, 'audit.not_drawn', { year: digits(String(year), lang) })}</p>
      ) : inForce === 0 ? (
        <p class="empty">{t(lang, 'audit.none_in_force')}</p>
      ) : (
        <>
          <p>
            {t(lang, 'audit.draw_lead', {
              year: digits(String(year), lang),
              count: n(inForce),
              size: n(sampleSize(inForce)),
            })}
          </p>
          <ActionButton
            action="/review/audit"
            label={t(lang, 'audit.draw', { year: digits(String(year), lang) })}
            csrf={v.csrf}
          />
        </>
      )}
    </>
  ));
}

/** The reviewers' yearly audit: a year's sample and how its audit stands, and the draw. */
export function auditPages(deps: Deps) {
  const app = new Hono<Env>();

  app.get('/review/audit', (c) => auditPage(c, deps));
  app.post('/review/audit', async (c) => {
    checkCsrf(c, await c.req.parseBody());
    const year = await audit.draw(deps, c.get('user'));
    return redirectDone(c, `/review/audit?year=${year}`, 'drawn');
  });

  return app;
}
