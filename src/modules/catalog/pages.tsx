import { Hono } from 'hono';
import type { Deps } from '../../context.ts';
import { foldDigits } from '../../domain/digits.ts';
import { parseRegistrationNumber } from '../../domain/identifiers.ts';
import { AppError } from '../../errors.ts';
import type { Env } from '../../http/context.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { digits, formatNumber } from '../../web/format.ts';
import { render } from '../../web/layout.tsx';
import * as producers from '../producers/service.ts';
import * as products from '../products/service.ts';
import { type Listed, ProductList } from '../products/views.tsx';
import {
  ActiveFilters,
  type CatalogQuery,
  catalogQueryOf,
  FacetPanel,
  type Found,
  Pager,
  SearchForm,
  SortForm,
} from './search-views.tsx';
import * as catalog from './service.ts';

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

/** The home page, with the newest products and the catalog's figures, and the catalog's search. */
export function catalogPages(deps: Deps) {
  const app = new Hono<Env>();

  app.get('/', async (c) => {
    const [{ latest, cover }, units] = await Promise.all([
      catalog.overview(deps, 6),
      producers.list(deps, c.get('user'), { limit: 1, offset: 0 }),
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
    const { found, page } = await searchCatalog(deps, query, lang);
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

  return app;
}

const PAGE_SIZE = 20;

/** The catalog's search, or while its index loads the database's answer (fewer filters, no counts). */
async function searchCatalog(
  deps: Deps,
  query: CatalogQuery,
  lang: Lang,
): Promise<{ found?: Found; page: { items: unknown[]; total: number | null; nextCursor: string | null } }> {
  const { q, filters, sort, cursor } = query;
  try {
    const found = await catalog.search(deps, { q, ...filters, sort, cursor, limit: PAGE_SIZE }, lang);
    if (found) return { found, page: found };
    const { chapter, province, producerId } = filters;
    const listed = { q, chapter, province, producerId, cursor, limit: PAGE_SIZE };
    return { page: await products.list(deps, null, listed) };
  } catch (err) {
    // A cursor from before the index loaded, or a mangled one: the first page instead.
    if (cursor && err instanceof AppError && err.code === 'validation')
      return searchCatalog(deps, { ...query, cursor: undefined }, lang);
    throw err;
  }
}
