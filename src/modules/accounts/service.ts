import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Ctx, User, Viewer } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Role } from '../../domain/workflow.ts';
import { fail, invalid } from '../../errors.ts';
import { fieldErrors } from '../../validation.ts';
import { once } from '../idempotency/service.ts';
import * as repo from './repo.ts';
import { type NewUserInput, SignupInput } from './schema.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest();
const newSecret = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;

// Compared against when the email is unknown, so a login takes as long either way.
const unknownUserHash = hash('no account has this password');

/** Stops a request unless an account is logged in, optionally with one of the given roles. */
export function requireUser(viewer: Viewer, ...roles: Role[]): User {
  if (!viewer) return fail('unauthenticated', { missing: { key: 'missing.login' } });
  if (roles.length && !roles.includes(viewer.role)) {
    return fail('forbidden', { missing: { key: 'missing.role', params: { role: roles.join(' | ') } } });
  }
  return viewer;
}

async function createAccount(ctx: Ctx, input: SignupInput, role: Role): Promise<User> {
  try {
    return await repo.insertUser(ctx.db, { ...input, passwordHash: await hash(input.password), role });
  } catch (err) {
    if (isUniqueViolation(err)) fail('duplicate', { fields: [{ field: 'email', key: 'field.email_taken' }] });
    throw err;
  }
}

/** A producer signs up on their own; reviewers and admins are made by an admin. */
export const signup = (ctx: Ctx, input: SignupInput) => createAccount(ctx, input, 'producer');

export function createUser(ctx: Ctx, viewer: Viewer, input: NewUserInput) {
  requireUser(viewer, 'admin');
  return createAccount(ctx, input, input.role);
}

/** The first admin, from configuration or the command line; nothing happens when the email exists. */
export async function ensureAdmin(ctx: Ctx, input: { email: string; password: string; name?: string }) {
  // From the command line or the environment, not through the API: checked by the API's own rules.
  const parsed = SignupInput.safeParse({ ...input, name: input.name ?? 'Admin' });
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const existing = await repo.findUserByEmail(ctx.db, parsed.data.email);
  if (existing) return { created: false as const, user: existing };
  const user = await createAccount(ctx, parsed.data, 'admin');
  return { created: true as const, user };
}

export interface Session {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: User;
}

async function openSession(ctx: Ctx, user: User, ttlMs: number): Promise<Session> {
  const token = newSecret('ims_');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(ctx.now().getTime() + ttlMs);
  await repo.insertSession(ctx.db, { tokenHash: sha256(token), userId: user.id, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt, user };
}

export async function login(
  ctx: Ctx,
  input: { email: string; password: string },
  ttlMs: number,
): Promise<Session> {
  const row = await repo.findUserByEmail(ctx.db, input.email);
  const ok = await verify(row?.password_hash ?? (await unknownUserHash), input.password);
  if (!row || !ok) return fail('bad_credentials');
  if (row.disabled_at) return fail('account_disabled');
  return openSession(ctx, { id: row.id, email: row.email, name: row.name, role: row.role }, ttlMs);
}

export async function signupAndLogin(ctx: Ctx, input: SignupInput, ttlMs: number): Promise<Session> {
  return openSession(ctx, await signup(ctx, input), ttlMs);
}

export const logout = (ctx: Ctx, sessionToken: string) => repo.deleteSession(ctx.db, sha256(sessionToken));

/** Who a session cookie or an API token belongs to, if anyone. */
export async function authenticate(
  ctx: Ctx,
  credentials: { sessionToken?: string; bearer?: string },
): Promise<{ user: User; session?: { tokenHash: Uint8Array; csrfToken: string } } | null> {
  if (credentials.bearer) {
    const row = await repo.findToken(ctx.db, sha256(credentials.bearer));
    if (!row) return null;
    await repo.touchToken(ctx.db, row.token_id, ctx.now());
    return { user: { id: row.id, email: row.email, name: row.name, role: row.role } };
  }
  if (credentials.sessionToken) {
    const tokenHash = sha256(credentials.sessionToken);
    const row = await repo.findSession(ctx.db, tokenHash, ctx.now());
    if (!row) return null;
    return {
      user: { id: row.id, email: row.email, name: row.name, role: row.role },
      session: { tokenHash, csrfToken: row.csrf_token },
    };
  }
  return null;
}

/** A new password ends every other session of the account. */
export async function changePassword(
  ctx: Ctx,
  viewer: Viewer,
  input: { currentPassword: string; newPassword: string },
  currentSession?: Uint8Array,
) {
  const user = requireUser(viewer);
  const row = await repo.findUserById(ctx.db, user.id);
  if (!row || !(await verify(row.password_hash, input.currentPassword))) {
    fail('validation', { fields: [{ field: 'currentPassword', key: 'field.invalid' }] });
  }
  await repo.setPasswordHash(ctx.db, user.id, await hash(input.newPassword));
  await repo.deleteSessionsOfUser(ctx.db, user.id, currentSession);
}

export async function setDisabled(ctx: Ctx, viewer: Viewer, userId: string, disabled: boolean) {
  const admin = requireUser(viewer, 'admin');
  if (admin.id === userId) fail('forbidden');
  const res = await repo.setUserDisabled(ctx.db, userId, disabled ? ctx.now() : null);
  if (!res.numUpdatedRows) fail('not_found');
  if (disabled) await repo.deleteSessionsOfUser(ctx.db, userId);
}

export function listUsers(ctx: Ctx, viewer: Viewer, query: repo.UserQuery) {
  requireUser(viewer, 'admin');
  return repo.listUsers(ctx.db, query);
}

export async function getAccount(ctx: Ctx, viewer: Viewer, id: string) {
  requireUser(viewer, 'admin');
  return (await repo.findAccount(ctx.db, id)) ?? fail('not_found');
}

/**
 * An admin gives another account a role; it holds from that account's next request. Nobody changes
 * their own, so the admin making the change stays one and the registry always keeps an admin.
 */
export async function setRole(ctx: Ctx, viewer: Viewer, userId: string, role: Role) {
  const admin = requireUser(viewer, 'admin');
  if (admin.id === userId) fail('forbidden');
  const res = await repo.setUserRole(ctx.db, userId, role);
  if (!res.numUpdatedRows) fail('not_found');
}

export async function createToken(ctx: Ctx, viewer: Viewer, name: string) {
  return createTokenIn(ctx, requireUser(viewer), name);
}

/**
 * A new API token made once per key (ADR 0009). Its secret is shown only to the request that made it:
 * the same form sent again learns that the token was made, not its secret.
 */
export function createTokenOnce(ctx: Ctx, viewer: Viewer, name: string, key?: string) {
  const user = requireUser(viewer);
  return once(
    ctx,
    { userId: user.id, kind: 'token', key },
    (tx) => createTokenIn(tx, user, name),
    async (id) => ({ id }),
  );
}

async function createTokenIn(ctx: Ctx, user: User, name: string) {
  const token = newSecret('imt_');
  const row = await repo.insertToken(ctx.db, { userId: user.id, name, tokenHash: sha256(token) });
  return { id: row.id, name: row.name, token };
}

export async function listTokens(ctx: Ctx, viewer: Viewer) {
  const user = requireUser(viewer);
  return repo.listTokens(ctx.db, user.id);
}

export async function revokeToken(ctx: Ctx, viewer: Viewer, id: string) {
  const user = requireUser(viewer);
  const res = await repo.revokeToken(ctx.db, user.id, id, ctx.now());
  if (!res.numUpdatedRows) fail('not_found');
}

/** The account with this email, if any (to add staff to a unit). */
export async function findByEmail(ctx: Ctx, email: string): Promise<User | undefined> {
  const row = await repo.findUserByEmail(ctx.db, email);
  return row && !row.disabled_at
    ? { id: row.id, email: row.email, name: row.name, role: row.role }
    : undefined;
}

export const pruneSessions = (ctx: Ctx) => repo.deleteExpiredSessions(ctx.db, ctx.now());
