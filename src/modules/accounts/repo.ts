import type { Kysely } from 'kysely';
import { containing } from '../../db/like.ts';
import type { DB } from '../../db/schema.ts';
import type { Role } from '../../domain/workflow.ts';

const userColumns = ['id', 'email', 'name', 'role', 'password_hash', 'disabled_at'] as const;
/** What an admin sees of an account. */
const accountColumns = ['id', 'email', 'name', 'role', 'disabled_at', 'created_at'] as const;

export const findUserByEmail = (db: Kysely<DB>, email: string) =>
  db
    .selectFrom('users')
    .select(userColumns)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();

export const findUserById = (db: Kysely<DB>, id: string) =>
  db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();

export const insertUser = (
  db: Kysely<DB>,
  u: { email: string; passwordHash: string; name: string; role: DB['users']['role'] },
) =>
  db
    .insertInto('users')
    .values({ email: u.email, password_hash: u.passwordHash, name: u.name, role: u.role })
    .returning(['id', 'email', 'name', 'role'])
    .executeTakeFirstOrThrow();

export const countAdmins = async (db: Kysely<DB>) =>
  Number(
    (
      await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('role', '=', 'admin')
        .executeTakeFirstOrThrow()
    ).n,
  );

export interface UserQuery {
  /** Part of the email or the name. */
  q?: string;
  role?: Role;
  limit: number;
  offset: number;
}

export async function listUsers(db: Kysely<DB>, query: UserQuery) {
  let sel = db.selectFrom('users');
  if (query.q) {
    const like = containing(query.q);
    sel = sel.where((eb) => eb.or([eb('email', 'ilike', like), eb('name', 'ilike', like)]));
  }
  if (query.role) sel = sel.where('role', '=', query.role);
  const [items, count] = await Promise.all([
    sel
      .select(accountColumns)
      .orderBy('created_at')
      .orderBy('id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    sel.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export const findAccount = (db: Kysely<DB>, id: string) =>
  db.selectFrom('users').select(accountColumns).where('id', '=', id).executeTakeFirst();

export const setUserRole = (db: Kysely<DB>, id: string, role: Role) =>
  db.updateTable('users').set({ role }).where('id', '=', id).executeTakeFirst();

export const setUserDisabled = (db: Kysely<DB>, id: string, at: Date | null) =>
  db.updateTable('users').set({ disabled_at: at }).where('id', '=', id).executeTakeFirst();

export const setPasswordHash = (db: Kysely<DB>, id: string, hash: string) =>
  db.updateTable('users').set({ password_hash: hash }).where('id', '=', id).execute();

export const insertSession = (
  db: Kysely<DB>,
  s: { tokenHash: Uint8Array; userId: string; csrfToken: string; expiresAt: Date },
) =>
  db
    .insertInto('sessions')
    .values({ token_hash: s.tokenHash, user_id: s.userId, csrf_token: s.csrfToken, expires_at: s.expiresAt })
    .execute();

export const findSession = (db: Kysely<DB>, tokenHash: Uint8Array, now: Date) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.email', 'users.name', 'users.role', 'sessions.csrf_token'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();

export const deleteSession = (db: Kysely<DB>, tokenHash: Uint8Array) =>
  db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();

export const deleteSessionsOfUser = (db: Kysely<DB>, userId: string, except?: Uint8Array) => {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (except) q = q.where('token_hash', '!=', except);
  return q.execute();
};

export const deleteExpiredSessions = (db: Kysely<DB>, now: Date) =>
  db.deleteFrom('sessions').where('expires_at', '<=', now).execute();

export const insertToken = (db: Kysely<DB>, t: { userId: string; name: string; tokenHash: Uint8Array }) =>
  db
    .insertInto('api_tokens')
    .values({ user_id: t.userId, name: t.name, token_hash: t.tokenHash })
    .returning(['id', 'name', 'created_at'])
    .executeTakeFirstOrThrow();

export const findToken = (db: Kysely<DB>, tokenHash: Uint8Array) =>
  db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['users.id', 'users.email', 'users.name', 'users.role', 'api_tokens.id as token_id'])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();

export const touchToken = (db: Kysely<DB>, id: string, at: Date) =>
  db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();

export const listTokens = (db: Kysely<DB>, userId: string) =>
  db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();

export const revokeToken = (db: Kysely<DB>, userId: string, id: string, at: Date) =>
  db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
