import { HS_SECTIONS, isProvinceCode } from '../../domain/reference.ts';
import { VALUE_ADDED_BANDS } from '../../domain/registration.ts';
import { type Lang, type MessageKey, t } from '../../i18n/index.ts';
import { chapterLabel, digits, formatNumber, isicDivisionName, provinceName } from '../../web/format.ts';
import { SearchBar } from '../../web/forms.tsx';
import { QUERY_MAX_LENGTH, type search } from './service.ts';

/** The catalog's filters, named as the search API names its query parameters. */
export const FILTERS = ['section', 'chapter', 'isicDivision', 'province', 'band', 'producerId'] as const;
export type FilterName = (typeof FILTERS)[number];
export const SORTS = ['relevance', 'newest', 'name'] as const;
export type Sort = (typeof SORTS)[number];

/** Everything a catalog page shows follows from its address. */
export interface CatalogQuery {
  q?: string;
  filters: Partial<Record<FilterName, string>>;
  sort?: Sort;
  cursor?: string;
}

export type Found = NonNullable<Awaited<ReturnType<typeof search>>>;
type FacetName = keyof Found['facets'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TWO_DIGITS = /^\d{2}$/;
const ACCEPTS: Record<FilterName, (value: string) => boolean> = {
  section: (v) => HS_SECTIONS.some((s) => s.section === v),
  chapter: (v) => TWO_DIGITS.test(v),
  isicDivision: (v) => TWO_DIGITS.test(v),
  province: isProvinceCode,
  band: (v) => VALUE_ADDED_BANDS.some((b) => b.id === v),
  producerId: (v) => UUID.test(v),
};

/** The query an address asks for; a value no product can have is left out rather than refused. */
export function catalogQueryOf(params: URLSearchParams): CatalogQuery {
  const filters: CatalogQuery['filters'] = {};
  for (const name of FILTERS) {
    const value = params.get(name)?.trim();
    if (value && ACCEPTS[name](value)) filters[name] = value;
  }
  const sort = params.get('sort');
  return {
    q: params.get('q')?.trim().slice(0, QUERY_MAX_LENGTH) || undefined,
    filters,
    sort: SORTS.find((s) => s === sort),
    cursor: params.get('cursor')?.slice(0, 500) || undefined,
  };
}

/** The address of a query; any change starts again from the first page. */
export function catalogHref(query: CatalogQuery, change: Partial<Record<FilterName, string | null>> = {}) {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const name of FILTERS) {
    const value = name in change ? change[name] : query.filters[name];
    if (value) params.set(name, value);
  }
  if (query.sort) params.set('sort', query.sort);
  if (query.cursor && Object.keys(change).length === 0) params.set('cursor', query.cursor);
  const search = params.toString();
  return search ? `/products?${search}` : '/products';
}

const FACET_PARAM: Record<FacetName, FilterName> = {
  section: 'section',
  chapter: 'chapter',
  isicDivision: 'isicDivision',
  province: 'province',
  band: 'band',
  producer: 'producerId',
};

const FILTER_TITLE: Record<FilterName, MessageKey> = {
  section: 'web.catalog.facet.section',
  chapter: 'web.catalog.chapter',
  isicDivision: 'web.catalog.facet.isicDivision',
  province: 'web.catalog.province',
  band: 'web.catalog.facet.band',
  producerId: 'web.catalog.facet.producer',
};

function sectionLabel(section: string, lang: Lang) {
  const chapters = HS_SECTIONS.find((s) => s.section === section)?.chapters ?? [];
  return t(lang, 'web.catalog.section_value', {
    section,
    first: digits(chapters[0] ?? '', lang),
    last: digits(chapters.at(-1) ?? '', lang),
  });
}

/** A filter's value as the reader knows it; producers' names come from the search (`named`). */
function valueLabel(name: FilterName, value: string, lang: Lang, named?: string) {
  switch (name) {
    case 'section':
      return sectionLabel(value, lang);
    case 'chapter':
      return chapterLabel(value, lang);
    case 'isicDivision':
      return `${digits(value, lang)} · ${isicDivisionName(value, lang) ?? ''}`;
    case 'province':
      return provinceName(value, lang);
    case 'band':
      return t(lang, `web.catalog.band.${value}` as MessageKey);
    case 'producerId':
      return named ?? value;
  }
}

/** The query's words, filters and order as hidden fields, for a form that changes one of them. */
function KeptFields({ query, keep }: { query: CatalogQuery; keep: ('q' | 'sort')[] }) {
  const kept: [string, string | undefined][] = [
    ...keep.map((k): [string, string | undefined] => [k, query[k]]),
    ...Object.entries(query.filters),
  ];
  return <>{kept.map(([name, value]) => value && <input type="hidden" name={name} value={value} />)}</>;
}

/** The words to search for, within the filters already chosen. */
export function SearchForm({ lang, query }: { lang: Lang; query: CatalogQuery }) {
  return (
    <SearchBar
      action="/products"
      label={t(lang, 'web.catalog.query')}
      submit={t(lang, 'web.catalog.search')}
      input={{
        id: 'q',
        name: 'q',
        type: 'search',
        value: query.q ?? '',
        maxlength: QUERY_MAX_LENGTH,
        placeholder: t(lang, 'web.catalog.placeholder'),
        list: 'q-suggestions',
        autocomplete: 'off',
        'data-suggest': true,
      }}
      besideBox={<datalist id="q-suggestions" />}
    >
      <KeptFields query={query} keep={['sort']} />
    </SearchBar>
  );
}

export function SortForm({ lang, query }: { lang: Lang; query: CatalogQuery }) {
  const current = query.sort ?? (query.q ? 'relevance' : 'newest');
  return (
    <form method="get" action="/products" class="sort">
      <label for="sort">{t(lang, 'web.catalog.sort')}</label>
      <select id="sort" name="sort">
        {SORTS.map((s) => (
          <option value={s} selected={s === current}>
            {t(lang, `web.catalog.sort.${s}`)}
          </option>
        ))}
      </select>
      <KeptFields query={query} keep={['q']} />
      <button type="submit" class="button secondary">
        {t(lang, 'web.catalog.apply')}
      </button>
    </form>
  );
}

/** The filters in force, each a link that takes it away. */
export function ActiveFilters({ lang, query, found }: { lang: Lang; query: CatalogQuery; found?: Found }) {
  const active = FILTERS.flatMap((name) => {
    const value = query.filters[name];
    return value ? [[name, value] as const] : [];
  });
  if (!active.length) return null;
  const producerName = (id: string) => found?.facets.producer.find((p) => p.value === id)?.name;
  return (
    <section class="active-filters" aria-labelledby="active-filters">
      <h2 id="active-filters" class="sr-only">
        {t(lang, 'web.catalog.active')}
      </h2>
      <ul class="chips">
        {active.map(([name, value]) => (
          <li>
            <a class="chip" href={catalogHref(query, { [name]: null })}>
              <span class="sr-only">{t(lang, 'web.catalog.remove')} </span>
              {`${t(lang, FILTER_TITLE[name])}: ${valueLabel(name, value, lang, producerName(value))}`}
              <span aria-hidden="true"> ✕</span>
            </a>
          </li>
        ))}
        {active.length > 1 && (
          <li>
            <a href={catalogHref({ q: query.q, sort: query.sort, filters: {} })}>
              {t(lang, 'web.catalog.clear')}
            </a>
          </li>
        )}
      </ul>
    </section>
  );
}

/** Values shown before the rest of a long list folds away. */
const SHOWN = 8;

function FacetGroup({
  lang,
  query,
  facet,
  counts,
}: {
  lang: Lang;
  query: CatalogQuery;
  facet: FacetName;
  counts: Found['facets'][FacetName];
}) {
  if (!counts.length) return null;
  const param = FACET_PARAM[facet];
  const item = (x: (typeof counts)[number]) => {
    const { value, count } = x;
    const on = query.filters[param] === value;
    return (
      <li>
        <a
          href={catalogHref(query, { [param]: on ? null : value })}
          class={on ? 'on' : undefined}
          aria-current={on ? 'true' : undefined}
        >
          <span>{valueLabel(param, value, lang, 'name' in x ? x.name : undefined)}</span>
          <span class="count">{formatNumber(count, lang)}</span>
        </a>
      </li>
    );
  };
  const id = `facet-${facet}`;
  return (
    <section class="facet" aria-labelledby={id}>
      <h3 id={id}>{t(lang, FILTER_TITLE[param])}</h3>
      <ul>{counts.slice(0, SHOWN).map(item)}</ul>
      {counts.length > SHOWN && (
        <details>
          <summary>{t(lang, 'web.catalog.more', { count: counts.length - SHOWN })}</summary>
          <ul>{counts.slice(SHOWN).map(item)}</ul>
        </details>
      )}
    </section>
  );
}

const FACET_ORDER: FacetName[] = ['section', 'chapter', 'isicDivision', 'province', 'band', 'producer'];

/** Counts over every match, by facet; folded on a phone (the stylesheet opens it on a wide screen). */
export function FacetPanel({ lang, query, found }: { lang: Lang; query: CatalogQuery; found: Found }) {
  return (
    <details class="facets">
      <summary>
        <h2>{t(lang, 'web.catalog.refine')}</h2>
      </summary>
      {FACET_ORDER.map((facet) => (
        <FacetGroup lang={lang} query={query} facet={facet} counts={found.facets[facet]} />
      ))}
    </details>
  );
}

/** Forward by cursor, and back to the first page. */
export function Pager({
  lang,
  query,
  nextCursor,
}: {
  lang: Lang;
  query: CatalogQuery;
  nextCursor: string | null;
}) {
  if (!query.cursor && !nextCursor) return null;
  return (
    <nav class="pager" aria-label={t(lang, 'web.catalog.pages')}>
      {query.cursor && (
        <a href={catalogHref({ ...query, cursor: undefined })}>{t(lang, 'web.catalog.first')}</a>
      )}
      {nextCursor && (
        <a rel="next" href={catalogHref({ ...query, cursor: nextCursor })}>
          {t(lang, 'web.catalog.next')}
        </a>
      )}
    </nav>
  );
}
