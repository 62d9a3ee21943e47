import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Deps } from '../../context.ts';
import type { Env } from '../../http/context.ts';
import { clientAddress } from '../../http/rate-limit.ts';
import { json, jsonBody, problems, router, secured } from '../../http/router.ts';
import { loginThrottleOf, refusedWith } from './login-throttle.ts';
import {
  AccountOut,
  AccountQuery,
  ChangePasswordInput,
  LoginInput,
  NewTokenInput,
  NewTokenOut,
  NewUserInput,
  RoleInput,
  SignupInput,
  TokenOut,
  UserOut,
} from './schema.ts';
import * as accounts from './service.ts';

export const SESSION_COOKIE = 'iranmade_session';

/** Finds who is asking, from the session cookie or a bearer token. */
export const identify = (deps: Deps) =>
  createMiddleware<Env>(async (c, next) => {
    const auth = c.req.header('authorization');
    const bearer = auth?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const found = await accounts.authenticate(deps, {
      bearer,
      sessionToken: bearer ? undefined : getCookie(c, SESSION_COOKIE),
    });
    c.set('user', found?.user ?? null);
    c.set('session', found?.session ?? null);
    await next();
  });

export function setSessionCookie(c: Context, session: accounts.Session) {
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https',
    path: '/',
    expires: session.expiresAt,
  });
}

const userOut = (u: {
  id: string;
  email: string;
  name: string;
  role: 'producer' | 'reviewer' | 'admin';
}) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
});

const accountOut = (a: Awaited<ReturnType<typeof accounts.getAccount>>) => ({
  ...userOut(a),
  disabledAt: a.disabled_at?.toISOString() ?? null,
  createdAt: a.created_at.toISOString(),
});

export function accountsApi(deps: Deps) {
  const throttle = loginThrottleOf(deps);
  const app = router();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/signup',
      tags: ['Accounts'],
      summary:
        'A producer signs up (and is logged in). An email taken already counts against the address as a failed login does (20 in 15 minutes)',
      request: { body: jsonBody(SignupInput) },
      responses: { 201: json(UserOut, 'The new account'), ...problems(400, 409, 429) },
    }),
    async (c) => {
      const session = await throttle.attempt(
        { address: clientAddress(c, deps.config.trustProxy) },
        () => accounts.signupAndLogin(deps, c.req.valid('json'), deps.config.sessionTtlMs),
        refusedWith('duplicate'),
      );
      setSessionCookie(c, session);
      return c.json(userOut(session.user), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      tags: ['Accounts'],
      summary:
        'Log in; sets an HttpOnly session cookie. After 5 failures an account waits 15 minutes (20 per address)',
      request: { body: jsonBody(LoginInput) },
      responses: { 200: json(UserOut, 'Logged in'), ...problems(400, 401, 429) },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const session = await throttle.attempt(
        { email: input.email, address: clientAddress(c, deps.config.trustProxy) },
        () => accounts.login(deps, input, deps.config.sessionTtlMs),
        refusedWith('bad_credentials'),
      );
      setSessionCookie(c, session);
      return c.json(userOut(session.user), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      tags: ['Accounts'],
      summary: 'Log out: ends this session',
      responses: { 204: { description: 'Logged out' } },
    }),
    async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await accounts.logout(deps, token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/me',
      tags: ['Accounts'],
      summary: 'The account making the request',
      ...secured,
      responses: { 200: json(UserOut, 'The account'), ...problems(401) },
    }),
    (c) => c.json(userOut(accounts.requireUser(c.get('user'))), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/password',
      tags: ['Accounts'],
      summary: 'Change the password; every other session of the account ends',
      ...secured,
      request: { body: jsonBody(ChangePasswordInput) },
      responses: { 204: { description: 'Changed' }, ...problems(400, 401) },
    }),
    async (c) => {
      await accounts.changePassword(deps, c.get('user'), c.req.valid('json'), c.get('session')?.tokenHash);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/tokens',
      tags: ['Accounts'],
      summary: 'Create an API token (shown once)',
      ...secured,
      request: { body: jsonBody(NewTokenInput) },
      responses: { 201: json(NewTokenOut, 'The token, shown this once'), ...problems(400, 401) },
    }),
    async (c) => c.json(await accounts.createToken(deps, c.get('user'), c.req.valid('json').name), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/tokens',
      tags: ['Accounts'],
      summary: "The account's API tokens (never their secrets)",
      ...secured,
      responses: { 200: json(z.object({ items: z.array(TokenOut) }), 'Tokens'), ...problems(401) },
    }),
    async (c) => {
      const rows = await accounts.listTokens(deps, c.get('user'));
      const iso = (d: Date | null) => (d ? d.toISOString() : null);
      return c.json(
        {
          items: rows.map((r) => ({
            id: r.id,
            name: r.name,
            createdAt: r.created_at.toISOString(),
            lastUsedAt: iso(r.last_used_at),
            revokedAt: iso(r.revoked_at),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/tokens/{id}',
      tags: ['Accounts'],
      summary: 'Revoke an API token',
      ...secured,
      request: { params: z.object({ id: z.uuid() }) },
      responses: { 204: { description: 'Revoked' }, ...problems(401, 404) },
    }),
    async (c) => {
      await accounts.revokeToken(deps, c.get('user'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/users',
      tags: ['Accounts'],
      summary: 'An admin creates an account of any role',
      ...secured,
      request: { body: jsonBody(NewUserInput) },
      responses: { 201: json(UserOut, 'The new account'), ...problems(400, 401, 403, 409) },
    }),
    async (c) => c.json(userOut(await accounts.createUser(deps, c.get('user'), c.req.valid('json'))), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/users',
      tags: ['Accounts'],
      summary: 'An admin lists the accounts, oldest first, found by part of the email or name and by role',
      ...secured,
      request: { query: AccountQuery },
      responses: {
        200: json(z.object({ items: z.array(AccountOut), total: z.number().int() }), 'A page of accounts'),
        ...problems(400, 401, 403),
      },
    }),
    async (c) => {
      const { items, total } = await accounts.listUsers(deps, c.get('user'), c.req.valid('query'));
      return c.json({ items: items.map(accountOut), total }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/users/{id}/role',
      tags: ['Accounts'],
      summary: "An admin changes another account's role; it holds from that account's next request",
      ...secured,
      request: { params: z.object({ id: z.uuid() }), body: jsonBody(RoleInput) },
      responses: { 204: { description: 'Done' }, ...problems(400, 401, 403, 404) },
    }),
    async (c) => {
      await accounts.setRole(deps, c.get('user'), c.req.valid('param').id, c.req.valid('json').role);
      return c.body(null, 204);
    },
  );

  const switches = [
    { action: 'disable', disabled: true, summary: 'An admin disables an account; its sessions end' },
    {
      action: 'enable',
      disabled: false,
      summary: 'An admin enables a disabled account: it may log in again',
    },
  ] as const;
  for (const { action, disabled, summary } of switches) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/users/{id}/${action}`,
        tags: ['Accounts'],
        summary,
        ...secured,
        request: { params: z.object({ id: z.uuid() }) },
        responses: { 204: { description: 'Done' }, ...problems(401, 403, 404) },
      }),
      async (c) => {
        await accounts.setDisabled(deps, c.get('user'), c.req.valid('param').id, disabled);
        return c.body(null, 204);
      },
    );
  }

  return app;
}
