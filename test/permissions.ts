/**
 * Who may use each route of the app: every operation of the OpenAPI document and every page, keyed by
 * method and path as the app declares them (a page's `{regex}` left out). `permissions.test.ts` walks
 * this table with each actor and fails on a route the app has and the table does not name, or the
 * reverse: a new route states here who may use it.
 *
 * "member" is a producer account of the unit whose record the route is asked about (for a token, the
 * account that owns it); "stranger" is a producer account of another unit.
 */

export const ACTORS = ['anonymous', 'member', 'stranger', 'reviewer', 'admin'] as const;
export type Actor = (typeof ACTORS)[number];

const ANYONE: readonly Actor[] = ACTORS;
const ACCOUNTS: readonly Actor[] = ['member', 'stranger', 'reviewer', 'admin'];
/** Producers and admins make units and import; reviewers judge them and make none. */
const PRODUCERS_AND_ADMIN: readonly Actor[] = ['member', 'stranger', 'admin'];
const MEMBER: readonly Actor[] = ['member'];
const MEMBER_OR_ADMIN: readonly Actor[] = ['member', 'admin'];
const MEMBER_OR_MINISTRY: readonly Actor[] = ['member', 'reviewer', 'admin'];
const MINISTRY: readonly Actor[] = ['reviewer', 'admin'];
const ADMIN: readonly Actor[] = ['admin'];

/** A form's or a JSON request's fields; a page's form gets its CSRF field added. */
export type Body = Record<string, unknown> | FormData;

export interface Call {
  /** The path's parameters, by name. */
  params?: Record<string, string | number>;
  query?: string;
  body?: Body;
}

/**
 * The records the table's calls use: made once for a database, except the functions, which make a new
 * record in the state a change needs, for each actor, so that an allowed change does not spoil the next.
 */
export interface World {
  /** The member's approved unit, and its approved (public) product. */
  unit: string;
  product: { id: string; number: string };
  /** A draft unit and a draft product of the member's, with a document: private records. */
  draftUnit: string;
  draft: string;
  document: string;
  /** A unit and a product waiting for review. */
  pendingUnit: string;
  pendingProduct: string;
  auditYear: number;
  logSize: number;
  snapshot: { day: string; name: string };
  /** A CSV file of units with its header only. */
  importFile: File;
  newDraftUnit(): Promise<{ id: string; version: number }>;
  newSubmittedUnit(): Promise<string>;
  newDraftProduct(): Promise<{ id: string; version: number }>;
  newSubmittedProduct(): Promise<string>;
  newDocument(): Promise<{ id: string; documentId: string }>;
  /** A producer account no actor is: for an admin to change, or a member to add. */
  newAccount(): Promise<{ id: string; email: string }>;
  /** The id of a new API token of the member's. */
  newMemberToken(): Promise<string>;
  /**
   * A new account's, unit's or product's (in the member's approved unit) fields, as the API takes them
   * and as a person fills in the form; each email and national ID unused so far.
   */
  accountFields(): { email: string; password: string; name: string };
  unitFields(): Record<string, unknown>;
  unitForm(): Record<string, string>;
  productFields(): Record<string, unknown>;
  productForm(): Record<string, string>;
  /** A document to upload. */
  pdf(): File;
  /** An account no actor is, to log in as. */
  login: { email: string; password: string };
}

export interface Case {
  may: readonly Actor[];
  call?: (w: World) => Call | Promise<Call>;
  /** The request ends the session it is made with: each actor makes it with a session of its own. */
  endsSession?: boolean;
  /** Why the access is what it is, where that is not plain. */
  note?: string;
}

const form = (fields: Record<string, string | File>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

const anyone = (call?: Case['call']): Case => ({ may: ANYONE, call });
const wrongPassword = { currentPassword: 'not-the-password', newPassword: 'another-pass-123' };

export const ROUTES: Record<string, Case | Case[]> = {
  // The API: /api/v1 and the few paths beside it.
  'GET /api/health': anyone(),
  'GET /api/openapi.json': anyone(),
  'GET /api/docs': anyone(),

  'POST /api/v1/auth/signup': anyone((w) => ({ body: w.accountFields() })),
  'POST /api/v1/auth/login': anyone((w) => ({ body: w.login })),
  'POST /api/v1/auth/logout': { may: ANYONE, endsSession: true },
  'GET /api/v1/auth/me': { may: ACCOUNTS },
  // A wrong current password: refused as a field, once the account is known.
  'POST /api/v1/auth/password': { may: ACCOUNTS, call: () => ({ body: wrongPassword }) },
  'POST /api/v1/tokens': { may: ACCOUNTS, call: () => ({ body: { name: 'ci' } }) },
  'GET /api/v1/tokens': { may: ACCOUNTS },
  'DELETE /api/v1/tokens/:id': {
    may: MEMBER,
    call: async (w) => ({ params: { id: await w.newMemberToken() } }),
    note: "only the token's own account: anyone else is told there is no such token",
  },
  'POST /api/v1/users': { may: ADMIN, call: (w) => ({ body: { ...w.accountFields(), role: 'producer' } }) },
  'GET /api/v1/users': { may: ADMIN },
  'POST /api/v1/users/:id/role': {
    may: ADMIN,
    call: async (w) => ({ params: { id: (await w.newAccount()).id }, body: { role: 'reviewer' } }),
  },
  'POST /api/v1/users/:id/disable': {
    may: ADMIN,
    call: async (w) => ({ params: { id: (await w.newAccount()).id } }),
  },
  'POST /api/v1/users/:id/enable': {
    may: ADMIN,
    call: async (w) => ({ params: { id: (await w.newAccount()).id } }),
  },

  'POST /api/v1/producers': {
    may: PRODUCERS_AND_ADMIN,
    call: (w) => ({ body: w.unitFields() }),
    note: 'an admin who registers a unit is made its member, though no admin may be added to one',
  },
  'GET /api/v1/producers': [
    anyone(),
    { may: ACCOUNTS, call: () => ({ query: 'mine=true' }) },
    { may: MINISTRY, call: () => ({ query: 'queue=true' }) },
  ],
  'GET /api/v1/producers/:id': [
    anyone((w) => ({ params: { id: w.unit } })),
    { may: MEMBER_OR_MINISTRY, call: (w) => ({ params: { id: w.draftUnit } }) },
  ],
  'PATCH /api/v1/producers/:id': {
    may: MEMBER,
    call: async (w) => {
      const { id, version } = await w.newDraftUnit();
      return { params: { id }, body: { version, city: 'اردکان' } };
    },
  },
  'POST /api/v1/producers/:id/submit': {
    may: MEMBER,
    call: async (w) => ({ params: { id: (await w.newDraftUnit()).id } }),
  },
  'POST /api/v1/producers/:id/decisions': {
    may: MINISTRY,
    call: async (w) => ({ params: { id: await w.newSubmittedUnit() }, body: { decision: 'approve' } }),
  },
  'POST /api/v1/producers/:id/members': {
    may: MEMBER_OR_ADMIN,
    call: async (w) => ({ params: { id: w.unit }, body: { email: (await w.newAccount()).email } }),
  },

  'POST /api/v1/products': {
    may: MEMBER,
    call: (w) => ({ body: w.productFields() }),
    note: "anyone else naming the member's unit is refused on the field producerId (400)",
  },
  'GET /api/v1/products': [
    anyone(),
    { may: ACCOUNTS, call: () => ({ query: 'mine=true' }) },
    { may: MINISTRY, call: () => ({ query: 'queue=true' }) },
  ],
  'GET /api/v1/products/:id': [
    anyone((w) => ({ params: { id: w.product.id } })),
    anyone((w) => ({ params: { id: w.product.number } })),
    { may: MEMBER_OR_MINISTRY, call: (w) => ({ params: { id: w.draft } }) },
  ],
  'PATCH /api/v1/products/:id': {
    may: MEMBER,
    call: async (w) => {
      const { id, version } = await w.newDraftProduct();
      return { params: { id }, body: { version, annualCapacity: 2_500_000 } };
    },
  },
  'POST /api/v1/products/:id/submit': {
    may: MEMBER,
    call: async (w) => ({ params: { id: (await w.newDraftProduct()).id } }),
  },
  // Not due yet: the member is told so (409), everyone else is refused before.
  'POST /api/v1/products/:id/renew': { may: MEMBER, call: (w) => ({ params: { id: w.product.id } }) },
  'POST /api/v1/products/:id/decisions': {
    may: MINISTRY,
    call: async (w) => ({ params: { id: await w.newSubmittedProduct() }, body: { decision: 'approve' } }),
  },
  'GET /api/v1/products/:id/history': [
    anyone((w) => ({ params: { id: w.product.id } })),
    { may: MEMBER_OR_MINISTRY, call: (w) => ({ params: { id: w.draft } }) },
  ],
  'POST /api/v1/products/:id/documents': {
    may: MEMBER,
    call: (w) => ({ params: { id: w.draft }, body: form({ file: w.pdf() }) }),
  },
  'GET /api/v1/products/:id/documents': {
    may: MEMBER_OR_MINISTRY,
    call: (w) => ({ params: { id: w.draft } }),
  },
  'DELETE /api/v1/products/:id/documents/:documentId': {
    may: MEMBER,
    call: async (w) => ({ params: await w.newDocument() }),
  },
  'GET /api/v1/products/:id/documents/:documentId': {
    may: MEMBER_OR_MINISTRY,
    call: (w) => ({ params: { id: w.draft, documentId: w.document } }),
  },

  'GET /api/v1/verify/:number': anyone((w) => ({ params: { number: w.product.number } })),
  'GET /api/v1/search': anyone(() => ({ query: 'q=tile' })),
  'GET /api/v1/search/suggest': anyone(() => ({ query: 'q=til' })),
  'GET /api/v1/changes': anyone(),

  'GET /api/v1/log/checkpoint': anyone(),
  'GET /api/v1/log/checkpoints/:size': anyone((w) => ({ params: { size: w.logSize } })),
  'GET /api/v1/log/key': anyone(),
  'GET /api/v1/log/entries': anyone(() => ({ query: 'start=0' })),
  'GET /api/v1/log/proof/inclusion': anyone((w) => ({ query: `index=0&treeSize=${w.logSize}` })),
  'GET /api/v1/log/proof/consistency': anyone((w) => ({ query: `first=1&second=${w.logSize}` })),
  'GET /api/v1/log/entries/:index/receipt': anyone(() => ({ params: { index: 0 } })),

  'GET /api/v1/opendata': anyone(),
  'GET /api/v1/opendata/:file': anyone(() => ({ params: { file: 'products.csv' } })),
  'GET /api/v1/opendata/snapshots': anyone(),
  'GET /api/v1/opendata/snapshots/:day/SHA256SUMS': anyone((w) => ({ params: { day: w.snapshot.day } })),
  'GET /api/v1/opendata/snapshots/:day/:name': anyone((w) => ({ params: w.snapshot })),
  'GET /api/v1/opendata/templates/:kind': anyone(() => ({ params: { kind: 'products.csv' } })),

  'GET /api/v1/review/queue': { may: MINISTRY },
  'GET /api/v1/review/products/:id': { may: MINISTRY, call: (w) => ({ params: { id: w.pendingProduct } }) },
  'GET /api/v1/review/units/:id': { may: MINISTRY, call: (w) => ({ params: { id: w.pendingUnit } }) },

  // The pages. A workspace page sends anyone not logged in to log in.
  'GET /': anyone(),
  'GET /products': anyone(() => ({ query: 'q=tile' })),
  'GET /products/:id': [
    anyone((w) => ({ params: { id: w.product.id } })),
    { may: MEMBER_OR_MINISTRY, call: (w) => ({ params: { id: w.draft } }) },
  ],
  'GET /producers/:id': [
    anyone((w) => ({ params: { id: w.unit } })),
    { may: MEMBER_OR_MINISTRY, call: (w) => ({ params: { id: w.draftUnit } }) },
  ],
  'GET /verify': anyone(),
  'GET /verify/:number': anyone((w) => ({ params: { number: w.product.number } })),
  'GET /industries': anyone(),
  'GET /industries/:kind/:code': anyone(() => ({ params: { kind: 'hs', code: '69' } })),
  'GET /find-maker': anyone(() => ({ query: 'q=tile' })),
  'GET /log': anyone(),
  'GET /transparency': anyone(),
  'GET /opendata': anyone(),
  'GET /problems/:type': anyone(() => ({ params: { type: 'validation' } })),
  'GET /static/:file': anyone(() => ({ params: { file: 'app.css' } })),
  'GET /static/fonts/:file': anyone(() => ({ params: { file: 'vazirmatn-arabic-400-normal.woff2' } })),
  'GET /favicon.ico': anyone(),

  'GET /login': anyone(),
  'POST /login': anyone((w) => ({ body: w.login })),
  'GET /signup': anyone(),
  'POST /signup': anyone((w) => ({ body: w.accountFields() })),
  'POST /logout': { may: ANYONE, endsSession: true },

  'GET /workspace': { may: ACCOUNTS },
  'GET /workspace/password': { may: ACCOUNTS },
  'POST /workspace/password': { may: ACCOUNTS, call: () => ({ body: wrongPassword }) },
  'GET /workspace/tokens': { may: ACCOUNTS, note: 'sends back to the workspace' },
  'POST /workspace/tokens': { may: ACCOUNTS, call: () => ({ body: { name: 'ci' } }) },
  'POST /workspace/tokens/:id/revoke': {
    may: MEMBER,
    call: async (w) => ({ params: { id: await w.newMemberToken() } }),
    note: "only the token's own account",
  },

  'GET /workspace/units/new': { may: ACCOUNTS, note: 'an empty form; sending it is what is refused' },
  'GET /workspace/units': { may: ACCOUNTS, note: "sends to the new unit's form" },
  'POST /workspace/units': {
    may: PRODUCERS_AND_ADMIN,
    call: (w) => ({ body: w.unitForm() }),
    note: 'as POST /api/v1/producers',
  },
  'GET /workspace/units/:id': { may: MEMBER, call: (w) => ({ params: { id: w.unit } }) },
  'GET /workspace/units/:id/submit': {
    may: ACCOUNTS,
    call: (w) => ({ params: { id: w.unit } }),
    note: "sends to the unit's workspace page, which is the member's",
  },
  'POST /workspace/units/:id': {
    may: MEMBER,
    call: async (w) => {
      const { id, version } = await w.newDraftUnit();
      return { params: { id }, body: { ...w.unitForm(), version: String(version) } };
    },
  },
  'POST /workspace/units/:id/submit': {
    may: MEMBER,
    call: async (w) => ({ params: { id: (await w.newDraftUnit()).id } }),
  },

  'GET /workspace/products/new': { may: ACCOUNTS, note: 'an empty form; sending it is what is refused' },
  'GET /workspace/products': { may: ACCOUNTS, note: "sends to the new product's form" },
  'POST /workspace/products': {
    may: MEMBER,
    call: (w) => ({ body: w.productForm() }),
    note: "anyone else naming the member's unit is refused on the unit's field",
  },
  'GET /workspace/products/:id': {
    may: MEMBER_OR_MINISTRY,
    call: (w) => ({ params: { id: w.draft } }),
    note: "the ministry sees the producer's form of any product (a unit's is the members' only)",
  },
  'GET /workspace/products/:id/:action': {
    may: ACCOUNTS,
    call: (w) => ({ params: { id: w.draft, action: 'submit' } }),
    note: "sends to the product's workspace page",
  },
  'POST /workspace/products/:id': {
    may: MEMBER,
    call: async (w) => {
      const { id, version } = await w.newDraftProduct();
      return { params: { id }, body: { ...w.productForm(), version: String(version) } };
    },
  },
  'POST /workspace/products/:id/submit': {
    may: MEMBER,
    call: async (w) => ({ params: { id: (await w.newDraftProduct()).id } }),
  },
  'POST /workspace/products/:id/renew': { may: MEMBER, call: (w) => ({ params: { id: w.product.id } }) },
  'POST /workspace/products/:id/documents': {
    may: MEMBER,
    call: (w) => ({ params: { id: w.draft }, body: form({ file: w.pdf() }) }),
  },
  'POST /workspace/products/:id/documents/:documentId/remove': {
    may: MEMBER,
    call: async (w) => ({ params: await w.newDocument() }),
  },

  'GET /workspace/import': { may: PRODUCERS_AND_ADMIN },
  'POST /workspace/import': {
    may: PRODUCERS_AND_ADMIN,
    call: (w) => ({ body: form({ kind: 'units', file: w.importFile }) }),
  },

  'GET /review': { may: MINISTRY },
  'GET /review/products/:id': { may: MINISTRY, call: (w) => ({ params: { id: w.pendingProduct } }) },
  'POST /review/products/:id': {
    may: MINISTRY,
    call: async (w) => ({ params: { id: await w.newSubmittedProduct() }, body: { decision: 'approve' } }),
  },
  'GET /review/units/:id': { may: MINISTRY, call: (w) => ({ params: { id: w.pendingUnit } }) },
  'POST /review/units/:id': {
    may: MINISTRY,
    call: async (w) => ({ params: { id: await w.newSubmittedUnit() }, body: { decision: 'approve' } }),
  },
  'GET /review/audit': { may: MINISTRY },
  // This year's sample is drawn already: a reviewer is told so (409).
  'POST /review/audit': { may: MINISTRY },
  'POST /review/audit/:year/:id': {
    may: MINISTRY,
    call: (w) => ({ params: { year: w.auditYear, id: w.product.id }, body: { outcome: 'confirmed' } }),
  },

  'GET /admin/users': { may: ADMIN },
  'POST /admin/users': { may: ADMIN, call: (w) => ({ body: { ...w.accountFields(), role: 'producer' } }) },
  'GET /admin/users/:id': { may: ADMIN, call: async (w) => ({ params: { id: (await w.newAccount()).id } }) },
  'POST /admin/users/:id/role': {
    may: ADMIN,
    call: async (w) => ({ params: { id: (await w.newAccount()).id }, body: { role: 'reviewer' } }),
  },
  'GET /admin/users/:id/disable': {
    may: ADMIN,
    call: async (w) => ({ params: { id: (await w.newAccount()).id } }),
  },
  'POST /admin/users/:id/disable': {
    may: ADMIN,
    call: async (w) => ({ params: { id: (await w.newAccount()).id } }),
  },
  'POST /admin/users/:id/enable': {
    may: ADMIN,
    call: async (w) => ({ params: { id: (await w.newAccount()).id } }),
  },
};
