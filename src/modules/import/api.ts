import { createRoute } from '@hono/zod-openapi';
import { BOM, csvLine } from '../../domain/csv.ts';
import { router } from '../../http/router.ts';
import { t } from '../../i18n/index.ts';
import { columnsFor, type ImportKind, TemplateParam, TemplateQuery } from './schema.ts';

/** The templates of an import file; the import itself is a page (pages.tsx) and a command (cli.ts). */
export function importApi() {
  const app = router();
  // Under the open-data tag, where the API's documentation has always listed them.
  const tags = ['Open data'];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/opendata/templates/{kind}',
      tags,
      summary:
        'A CSV template for `iranmade import`, with column names in the language of ?lang= or Accept-Language',
      request: { params: TemplateParam, query: TemplateQuery },
      responses: { 200: { description: 'The template' } },
    }),
    async (c) => {
      const kind = c.req.valid('param').kind.replace('.csv', '') as ImportKind;
      const lang = c.req.valid('query').lang ?? c.get('lang');
      return c.body(BOM + csvLine(columnsFor(kind).map((k) => t(lang, `opendata.column.${k}`))), 200, {
        'content-type': 'text/csv; charset=utf-8; header=present',
        'content-disposition': `attachment; filename="iranmade-${kind}-template-${lang}.csv"`,
      });
    },
  );

  return app;
}
