import { t } from '../i18n/index.ts';
import { standardsMode } from './layout.tsx';

/** The API reference, rendered on the server from the OpenAPI document: readable without internet or script. */

interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string }[];
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
  responses?: Record<string, { description?: string }>;
  security?: unknown[];
}
interface Doc {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}

const refName = (ref?: string) => ref?.split('/').pop();

export function apiDocsPage(doc: Doc) {
  const ops = Object.entries(doc.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  const tags = [...new Set(ops.map((o) => o.op.tags?.[0] ?? 'Other'))];
  return standardsMode(
    <html lang="en" dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{doc.info.title}</title>
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/app.css" />
      </head>
      <body class="api-docs">
        <main>
          <h1>
            {doc.info.title} <small>{doc.info.version}</small>
          </h1>
          <p>{doc.info.description}</p>
          <p>
            <a href="/api/openapi.json">openapi.json</a> (OpenAPI 3.1) ·{' '}
            <a href="/?lang=en">{t('en', 'web.site.name')}</a> ·{' '}
            <a href="/?lang=fa" lang="fa" dir="rtl">
              {t('fa', 'web.site.name')}
            </a>
          </p>
          {tags.map((tag) => (
            <section>
              <h2>{tag}</h2>
              {ops
                .filter((o) => (o.op.tags?.[0] ?? 'Other') === tag)
                .map(({ path, method, op }) => {
                  const body = op.requestBody?.content;
                  return (
                    <details id={`${method}-${path}`}>
                      <summary>
                        <code class={`method ${method}`}>{method.toUpperCase()}</code> <code>{path}</code>{' '}
                        {op.summary}
                        {op.security ? ' (signed in, or with a token)' : ''}
                      </summary>
                      {op.parameters?.length ? (
                        <ul>
                          {op.parameters.map((p) => (
                            <li>
                              <code>{p.name}</code> ({p.in}
                              {p.required ? ', required' : ''}) {p.description}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                      {body
                        ? Object.entries(body).map(([type, c]) => (
                            <p>
                              Body: <code>{type}</code>{' '}
                              {refName(c.schema?.$ref) ? (
                                <a href={`#schema-${refName(c.schema?.$ref)}`}>{refName(c.schema?.$ref)}</a>
                              ) : null}
                            </p>
                          ))
                        : null}
                      <ul>
                        {Object.entries(op.responses ?? {}).map(([status, r]) => (
                          <li>
                            <code>{status}</code> {r.description}
                          </li>
                        ))}
                      </ul>
                    </details>
                  );
                })}
            </section>
          ))}
          <h2>Schemas</h2>
          {Object.entries(doc.components?.schemas ?? {}).map(([name, schema]) => (
            <details id={`schema-${name}`}>
              <summary>{name}</summary>
              <pre>{JSON.stringify(schema, null, 2)}</pre>
            </details>
          ))}
        </main>
      </body>
    </html>,
  );
}
