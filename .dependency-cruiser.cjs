// The layers of docs/architecture.md as rules: `npm run lint` fails on any import that crosses them,
// naming the layer it breaks.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circles',
      comment:
        'Files that import each other, directly or through others, cannot be read or changed apart: ' +
        'one of them must depend on the other, not both.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      comment:
        'domain/ is the rule book: pure code with no I/O. It imports nothing of ours outside domain/, ' +
        'and no module of Node that reaches the disk, the network or other processes.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        pathNot: ['^src/domain/'],
        path: ['^src/', '^(node:)?(fs|net|http|https|child_process|worker_threads|dgram|cluster)(/|$)'],
      },
    },
    {
      name: 'kit-knows-no-module',
      comment:
        'The shared kit (db/, http/, i18n/, web/, and config, context and errors) serves every capability ' +
        'and knows none: it never imports from modules/ or from the composition (app, server, runtime, cli).',
      severity: 'error',
      from: { path: '^src/(db|http|i18n|web)/|^src/(config|context|errors|validation)\\.ts$' },
      to: { path: '^src/(modules/|(app|server|runtime|cli)\\.ts$)' },
    },
    {
      name: 'i18n-is-text',
      comment: 'i18n/ holds the catalogs of messages: it imports nothing of ours but the domain.',
      severity: 'error',
      from: { path: '^src/i18n/' },
      to: { path: '^src/', pathNot: '^src/(i18n|domain)/' },
    },
    {
      name: 'module-through-its-face',
      comment:
        'A module uses another only through its service.ts (and the shapes of its schema.ts, the views ' +
        'of its views.tsx): never its repo, pages, api or other internals. Ask the owning service.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: '\\.test\\.tsx?$' },
      to: {
        path: '^src/modules/[^/]+/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/(service|schema)\\.ts$', '^src/modules/[^/]+/views\\.tsx$'],
      },
    },
    {
      name: 'no-sql-in-routes',
      comment:
        "No route runs SQL: a module's api and pages call its service, and only its service calls its repo.",
      severity: 'error',
      from: { path: '^src/modules/[^/]+/[a-z-]*(api|pages)\\.tsx?$' },
      to: { path: ['^src/modules/[^/]+/[a-z-]*repo\\.ts$', '^kysely$', '^src/db/'] },
    },
    {
      name: 'services-know-no-routes',
      comment: 'Arrows point inward: a service never imports api, pages or the HTTP layer.',
      severity: 'error',
      from: { path: '^src/modules/[^/]+/service\\.ts$' },
      to: { path: ['^src/modules/[^/]+/[a-z-]*(api|pages)\\.tsx?$', '^src/http/', '^src/web/', '^hono'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
