import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { DB } from './db/schema.ts';
import type { Role } from './domain/workflow.ts';

/** What every service is given: the database and the clock. */
export interface Ctx {
  db: Kysely<DB>;
  now: () => Date;
}

/** What the server gives each module's routes: a service's context, the settings and the log. */
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
