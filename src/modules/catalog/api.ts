import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../../context.ts';
import { HS_SECTIONS } from '../../domain/reference.ts';
import { VALUE_ADDED_BANDS } from '../../domain/registration.ts';
import { queryInteger } from '../../http/fields.ts';
import { json, problems, router } from '../../http/router.ts';
import { Cursor, ProductOut, Total } from '../products/schema.ts';
import * as products from '../products/service.ts';
import * as catalog from './service.ts';

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
      const found = await catalog.search(deps, r, c.get('lang'));
      if (found) return c.json(found, 200);
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
