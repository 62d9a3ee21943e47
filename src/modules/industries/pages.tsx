import { type Context, Hono } from 'hono';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Deps } from '../../context.ts';
import { hsChapterTitle } from '../../domain/reference.ts';
import type { MeasurementUnit } from '../../domain/registration.ts';
import type { Env } from '../../http/context.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { barChartSvg } from '../../web/chart.ts';
import { Heading } from '../../web/components.tsx';
import { digits, formatNumber, isicDivisionName, provinceName } from '../../web/format.ts';
import { SearchBar } from '../../web/forms.tsx';
import { render } from '../../web/layout.tsx';
import { QUERY_MAX_LENGTH } from '../catalog/service.ts';
import { ProductList } from '../products/views.tsx';
import type { Industry } from './service.ts';
import * as service from './service.ts';

type C = Context<Env>;

const nameOfIndustry = (i: Industry, lang: Lang) =>
  (i.kind === 'hs' ? hsChapterTitle(i.code, lang) : isicDivisionName(i.code, lang)) ?? i.code;

const titleOf = (i: Industry, lang: Lang) =>
  t(lang, i.kind === 'hs' ? 'industries.hs_title' : 'industries.isic_title', {
    code: digits(i.code, lang),
    title: nameOfIndustry(i, lang),
  });

const hrefOf = (i: Industry) => `/industries/${i.kind}/${i.code}`;
/** The catalog search that lists every product of the industry. */
const catalogHref = (i: Industry) =>
  i.kind === 'hs' ? `/products?chapter=${i.code}` : `/products?isicDivision=${i.code}`;

/** Products and producers counted per row: per industry, or per province of one industry. */
function CountsTable({
  head,
  rows,
  lang,
}: {
  head: string;
  rows: { label: Child; products: number; producers: number }[];
  lang: Lang;
}) {
  return (
    <table class="table">
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col" class="num">
            {t(lang, 'industries.column.products')}
          </th>
          <th scope="col" class="num">
            {t(lang, 'industries.column.producers')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>{r.label}</td>
            <td class="num">{formatNumber(r.products, lang)}</td>
            <td class="num">{formatNumber(r.producers, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function IndustryTable({
  kind,
  rows,
  lang,
}: {
  kind: Industry['kind'];
  rows: { code: string; products: number; producers: number }[];
  lang: Lang;
}) {
  const label = (code: string) => (
    <a href={hrefOf({ kind, code })}>
      <span class="code">{digits(code, lang)}</span> {nameOfIndustry({ kind, code }, lang)}
    </a>
  );
  return (
    <CountsTable
      head={t(lang, 'industries.column.industry')}
      rows={rows.map((r) => ({ ...r, label: label(r.code) }))}
      lang={lang}
    />
  );
}

async function industryPage(c: C, deps: Deps, which: Industry) {
  const lang = c.get('lang');
  const found = await service.industry(deps, which);
  const chart =
    found.provinces.length > 0
      ? await barChartSvg(
          found.provinces.map((p) => ({ label: provinceName(p.province, lang), value: p.products })),
          lang,
        )
      : null;
  return render(c, titleOf(which, lang), () => (
    <>
      <Heading
        title={titleOf(which, lang)}
        back={{ href: '/industries', label: t(lang, 'industries.back') }}
      />
      <ul class="figures">
        <li>
          <strong>{formatNumber(found.products, lang)}</strong> {t(lang, 'industries.products')}
        </li>
        <li>
          <strong>{formatNumber(found.producers, lang)}</strong> {t(lang, 'industries.producers')}
        </li>
      </ul>
      {found.products === 0 ? (
        <p class="empty">{t(lang, 'industries.none')}</p>
      ) : (
        <>
          <h2>{t(lang, 'industries.capacity')}</h2>
          <ul class="capacity">
            {found.capacity.map((x) => (
              <li>
                {formatNumber(x.total, lang)} {t(lang, `web.measure.${x.unit as MeasurementUnit}`)}
              </li>
            ))}
          </ul>
          <h2>{t(lang, 'industries.by_province')}</h2>
          {chart && (
            <figure class="chart" role="img" aria-label={t(lang, 'industries.chart_label')}>
              {raw(chart)}
            </figure>
          )}
          <CountsTable
            head={t(lang, 'industries.column.province')}
            rows={found.provinces.map((p) => ({ ...p, label: provinceName(p.province, lang) }))}
            lang={lang}
          />
          <h2>{t(lang, 'industries.newest')}</h2>
          <ProductList items={found.newest} lang={lang} />
          <p>
            <a href={catalogHref(which)}>
              {t(lang, 'industries.all_in_catalog', { count: formatNumber(found.products, lang) })}
            </a>
          </p>
        </>
      )}
    </>
  ));
}

function FindForm({ lang, value }: { lang: Lang; value: string }) {
  return (
    <SearchBar
      action="/find-maker"
      label={t(lang, 'industries.find.query')}
      submit={t(lang, 'industries.find.submit')}
      input={{
        id: 'q',
        name: 'q',
        type: 'search',
        value,
        maxlength: QUERY_MAX_LENGTH,
        placeholder: t(lang, 'industries.find.placeholder'),
      }}
    />
  );
}

/** Public pages: every industry, one industry's figures, and "find a domestic maker". */
export function industryPages(deps: Deps) {
  const app = new Hono<Env>();

  app.get('/industries', async (c) => {
    const lang = c.get('lang');
    const all = await service.overview(deps);
    return render(c, t(lang, 'industries.title'), () => (
      <>
        <h1>{t(lang, 'industries.title')}</h1>
        <p class="lead">{t(lang, 'industries.lead')}</p>
        <p>
          <a href="/find-maker">{t(lang, 'industries.find.nav')}</a>
        </p>
        <h2>{t(lang, 'industries.by_hs')}</h2>
        <IndustryTable kind="hs" rows={all.hs} lang={lang} />
        <h2>{t(lang, 'industries.by_isic')}</h2>
        <IndustryTable kind="isic" rows={all.isic} lang={lang} />
      </>
    ));
  });

  app.get('/industries/:kind{hs|isic}/:code{[0-9]{2}}', (c) =>
    industryPage(c, deps, { kind: c.req.param('kind') as Industry['kind'], code: c.req.param('code') }),
  );

  app.get('/find-maker', async (c) => {
    const lang = c.get('lang');
    const q = (c.req.query('q') ?? '').trim().slice(0, 200);
    const found = q ? await service.findMakers(deps, q) : null;
    return render(c, t(lang, 'industries.find.title'), () => (
      <>
        <h1>{t(lang, 'industries.find.title')}</h1>
        <p class="lead">{t(lang, 'industries.find.lead')}</p>
        <FindForm lang={lang} value={q} />
        {found && !found.code && <p class="empty">{t(lang, 'industries.find.nothing')}</p>}
        {found?.code && (
          <>
            <p>
              {t(lang, 'industries.find.code', { code: digits(found.code, lang) })}
              {' · '}
              <a href={hrefOf({ kind: 'hs', code: found.code.slice(0, 2) })}>
                {hsChapterTitle(found.code.slice(0, 2), lang)}
              </a>
            </p>
            {found.levels.map((level, i) => (
              <section aria-labelledby={`level-${level.level}`}>
                <h2 id={`level-${level.level}`}>
                  {t(lang, `industries.find.level.${level.level}`, { prefix: digits(level.prefix, lang) })}
                  {i > 0 && ` (${t(lang, 'industries.find.not_above')})`}
                </h2>
                <p class="muted">
                  {level.total > level.items.length
                    ? t(lang, 'industries.find.more', {
                        shown: formatNumber(level.items.length, lang),
                        count: formatNumber(level.total, lang),
                      })
                    : t(lang, 'industries.find.count', { count: formatNumber(level.total, lang) })}
                </p>
                <ProductList items={level.items} lang={lang} />
              </section>
            ))}
          </>
        )}
      </>
    ));
  });

  return app;
}
