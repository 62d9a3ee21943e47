import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import type { Role } from '../domain/workflow.ts';
import type { Lang } from '../web/i18n/index.ts';

/** What every service is given: the database and the clock. */
export interface Ctx {
  db: Kysely<DB>;
  now: () => Date;
}

export interface Deps extends Ctx {
  config: Config;
  log: Logger;
}

/** The account making a request. */
export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export type Viewer = User | null;

/** Reviewers and admins: the ministry, who see and decide what producers submit. */
export const isMinistry = (viewer: Viewer) => viewer?.role === 'reviewer' || viewer?.role === 'admin';

/** Variables Hono middleware sets on each request. */
export interface Env {
  Variables: {
    user: Viewer;
    lang: Lang;
    session: { tokenHash: Uint8Array; csrfToken: string } | null;
  };
}
