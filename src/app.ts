// The one place that says which capability is mounted where: each module's API under /api/v1 and its
// pages on the site. A new capability is a folder under modules/ and a line in each list.
import type { Deps } from './context.ts';
import { adminPages } from './modules/accounts/admin-pages.tsx';
import { accountsApi } from './modules/accounts/api.ts';
import { accountPages } from './modules/accounts/pages.tsx';
import { auditPages } from './modules/audit/pages.tsx';
import { catalogApi } from './modules/catalog/api.ts';
import { catalogPages } from './modules/catalog/pages.tsx';
import { importApi } from './modules/import/api.ts';
import { importPages } from './modules/import/pages.tsx';
import { industryPages } from './modules/industries/pages.tsx';
import { logApi } from './modules/log/api.ts';
import { logPages } from './modules/log/pages.tsx';
import { opendataApi } from './modules/opendata/api.ts';
import { opendataPages } from './modules/opendata/pages.tsx';
import { producersApi } from './modules/producers/api.ts';
import { producerPages } from './modules/producers/pages.tsx';
import { productsApi } from './modules/products/api.ts';
import { productPages } from './modules/products/pages.tsx';
import { productWorkspacePages } from './modules/products/workspace-pages.tsx';
import { reviewApi } from './modules/review/api.ts';
import { reviewPages } from './modules/review/pages.tsx';
import { verifyApi } from './modules/verify/api.ts';
import { verifyPages } from './modules/verify/pages.tsx';

export const moduleApis = (deps: Deps) => [
  accountsApi(deps),
  producersApi(deps),
  productsApi(deps),
  catalogApi(deps),
  verifyApi(deps),
  logApi(deps),
  opendataApi(deps),
  reviewApi(deps),
  importApi(),
];

export const modulePages = (deps: Deps) => [
  catalogPages(deps),
  productPages(deps),
  productWorkspacePages(deps),
  verifyPages(deps),
  producerPages(deps),
  accountPages(deps),
  adminPages(deps),
  reviewPages(deps),
  auditPages(deps),
  opendataPages(deps),
  importPages(deps),
  logPages(deps),
  industryPages(deps),
];
