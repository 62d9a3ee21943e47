import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../context.ts';
import { HS_SECTIONS, hsChapterTitle, province } from '../../domain/reference.ts';
import { VALUE_ADDED_BANDS } from '../../domain/registration.ts';
import { STATUSES } from '../../domain/workflow.ts';
import { queryInteger } from '../../http/fields.ts';
import { json, problems, router } from '../../http/router.ts';
import { type Lang, type MessageKey, t } from '../../i18n/index.ts';
import { isicDivisionName } from '../../web/format.ts';
import { Cursor, ProductOut, Total } from '../products/schema.ts';
import * as products from '../products/service.ts';
import * as catalog from './service.ts';

const ListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  mine: z
    .stringbool()
    .optional()
    .openapi({ description: 'Products of your units, in every state, latest change first' }),
  queue: z
    .stringbool()
    .optional()
    .openapi({ description: 'Reviewers: submissions awaiting review, oldest first' }),
  status: z.enum(STATUSES).optional(),
  producerId: z.uuid().optional(),
  chapter: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .openapi({ description: 'HS chapter, two digits' }),
  province: z
    .string()
    .regex(/^IR-\d{2}$/)
    .optional(),
  limit: queryInteger(1, 100).default(20),
  cursor: Cursor,
});
const Page = z
  .object({ items: z.array(ProductOut), total: Total, nextCursor: z.string().nullable() })
  .openapi('ProductPage');

const SearchQuery = z.object({
  q: z.string().trim().max(catalog.QUERY_MAX_LENGTH).optional().openapi({
    description:
      'Words in Persian or English (the last one may be unfinished), a registration number, GTIN, national ID or tariff code or prefix',
    example: 'میلگرد',
  }),
  chapter: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .openapi({ description: 'HS chapter, two digits' }),
  section: z
    .enum(HS_SECTIONS.map((s) => s.section) as [string, ...string[]])
    .optional()
    .openapi({ description: 'HS section, Roman numeral' }),
  province: z
    .string()
    .regex(/^IR-\d{2}$/)
    .optional(),
  isicDivision: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .openapi({ description: "ISIC division of the producer's activity" }),
  band: z
    .enum(VALUE_ADDED_BANDS.map((b) => b.id) as [string, ...string[]])
    .optional()
    .openapi({ description: 'Domestic value-added band, %' }),
  producerId: z.uuid().optional(),
  sort: z
    .enum(['relevance', 'newest', 'name'])
    .optional()
    .openapi({ description: 'Relevance when there are words, else newest' }),
  limit: queryInteger(1, 100).default(20),
  cursor: Cursor,
});

const FacetCount = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
const SearchPage = z
  .object({
    items: z.array(ProductOut),
    total: Total,
    nextCursor: z.string().nullable(),
    facets: z
      .object({
        section: z.array(FacetCount),
        chapter: z.array(FacetCount),
        isicDivision: z.array(FacetCount),
        province: z.array(FacetCount),
        band: z.array(FacetCount),
        producer: z.array(FacetCount).openapi({ description: 'The 20 producers with most matches' }),
      })
      .nullable()
      .openapi({ description: 'Counts over all matches; null while the index is loading' }),
  })
  .openapi('SearchPage');

const SuggestQuery = z.object({ q: z.string().trim().max(100).default('') });
const Suggestions = z.object({ items: z.array(z.string()).max(10) }).openapi('Suggestions');

export function catalogApi(deps: Deps) {
  const app = router();
  const tags = ['Search'];

  // The catalog answers the public list; a unit's own products and the review queue are the products'.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/products',
      tags: ['Products'],
      summary: 'Approved products (public), your own (mine=true) or the review queue (queue=true)',
      request: { query: ListQuery },
      responses: { 200: json(Page, 'A page of products'), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const { mine, queue, ...q } = c.req.valid('query');
      if (mine || queue) return c.json(await products.list(deps, c.get('user'), { mine, queue, ...q }), 200);
      const page = await catalog.list(deps, q);
      // This list's facets have always been named in Persian, whatever the reader's language.
      return c.json('facets' in page ? { ...page, facets: labelled(page.facets, 'fa') } : page, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/search',
      tags,
      summary: 'Search the public catalog, with facet counts',
      request: { query: SearchQuery },
      responses: { 200: json(SearchPage, 'A page of approved products'), ...problems(400) },
    }),
    async (c) => {
      const r = c.req.valid('query');
      const lang = c.get('lang');
      const found = await catalog.search(deps, r, lang);
      if (found) return c.json({ ...found, facets: labelled(found.facets, lang) }, 200);
      // Until the index has loaded, the database answers, without facets.
      const { q, chapter, province, producerId, limit, cursor } = r;
      const page = await products.list(deps, null, { q, chapter, province, producerId, limit, cursor });
      return c.json({ ...page, facets: null }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/search/suggest',
      tags,
      summary:
        'Names of products and producers that start with what was typed; then what was typed with its last word completed by a word of the catalog that some public product holds together with the words before it (at most 10)',
      request: { query: SuggestQuery },
      responses: { 200: json(Suggestions, 'Completions') },
    }),
    (c) => c.json({ items: catalog.suggest(deps, c.req.valid('query').q) ?? [] }, 200),
  );

  return app;
}

const BAND_LABELS = {
  '80-100': 'search.band.high',
  '50-80': 'search.band.upper',
  '20-50': 'search.band.lower',
  '0-20': 'search.band.low',
} as const satisfies Record<(typeof VALUE_ADDED_BANDS)[number]['id'], MessageKey>;

type Facets = NonNullable<Awaited<ReturnType<typeof catalog.search>>>['facets'];

/** Each facet value with its name in the reader's language, or the value itself where it has none. */
function labelled(f: Facets, lang: Lang) {
  const label = <T extends { value: string }>(list: T[], name: (value: string) => string | undefined) =>
    list.map((x) => ({ ...x, label: name(x.value) ?? x.value }));
  return {
    section: label(f.section, (s) => sectionName(s, lang)),
    chapter: label(f.chapter, (c) => hsChapterTitle(c, lang)),
    isicDivision: label(f.isicDivision, (d) => isicDivisionName(d, lang)),
    province: label(f.province, (p) => (lang === 'fa' ? province(p)?.nameFa : province(p)?.nameEn)),
    band: label(f.band, (b) => t(lang, BAND_LABELS[b as keyof typeof BAND_LABELS])),
    producer: f.producer.map(({ name, ...x }) => ({ ...x, label: name })),
  };
}

const sectionChapters = new Map(HS_SECTIONS.map((s) => [s.section, s.chapters]));

/** The reference data has no section titles: a section reads as its number and its first chapter's title. */
function sectionName(section: string, lang: Lang): string | undefined {
  const chapters = sectionChapters.get(section);
  if (!chapters?.[0]) return undefined;
  const title = hsChapterTitle(chapters[0], lang);
  const more = chapters.length > 1 ? '…' : '';
  return `${t(lang, 'web.catalog.facet.section')} ${section}${title ? `: ${title}${more}` : ''}`;
}
