import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { type Deps, isMinistry, type Viewer } from '../../context.ts';
import { STATUSES, type Status } from '../../domain/workflow.ts';
import { AppError } from '../../errors.ts';
import type { Env } from '../../http/context.ts';
import { clientAddress } from '../../http/rate-limit.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { ActionButton, StatusBadge } from '../../web/components.tsx';
import { dateOf, digits, isolate, nameOf } from '../../web/format.ts';
import {
  Csrf,
  Field,
  FormAlert,
  type FormErrors,
  type FormValues,
  formErrorsOf,
  ID,
  OnceKey,
  onceKeyOf,
  Select,
  textValues,
  validate,
} from '../../web/forms.tsx';
import { redirectDone, render } from '../../web/layout.tsx';
import { cursorPlace, offsetOf, offsetPlace, Pager } from '../../web/pager.tsx';
import { checkCsrf } from '../../web/security.ts';
import * as producers from '../producers/service.ts';
import * as products from '../products/service.ts';
import { SESSION_COOKIE, setSessionCookie } from './api.ts';
import { loginThrottleOf, refusedWith } from './login-throttle.ts';
import { ChangePasswordInput, LoginInput, NewTokenInput, SignupInput } from './schema.ts';
import * as accounts from './service.ts';

type C = Context<Env>;

const HERE = 'http://here.invalid';

/**
 * Only our own paths, so a login link cannot send anyone elsewhere («//x», «/\\x» and their like are
 * other hosts to a browser); else the person's own desk.
 */
const safeNext = (next: string | undefined, user: Viewer) =>
  next?.startsWith('/') &&
  !/[\\\s]/.test(next) &&
  URL.canParse(next, HERE) &&
  new URL(next, HERE).origin === HERE
    ? next
    : isMinistry(user)
      ? '/review'
      : '/workspace';

function loginPage(c: C, values: FormValues, errors: FormErrors, status: 200 | 400 | 401 | 403 | 429 = 200) {
  const lang = c.get('lang');
  return render(
    c,
    t(lang, 'web.login.title'),
    (v) => (
      <section class="narrow">
        <h1>{t(lang, 'web.login.title')}</h1>
        <form method="post" action="/login" class="form" novalidate>
          <FormAlert errors={errors} />
          <Csrf token={v.csrf} />
          <input type="hidden" name="next" value={values.next ?? ''} />
          <Field
            name="email"
            type="email"
            label={t(lang, 'web.account.email')}
            values={values}
            errors={errors}
            required
            autocomplete="username"
            inputDir="ltr"
          />
          <Field
            name="password"
            type="password"
            label={t(lang, 'web.account.password')}
            values={values}
            errors={errors}
            required
            autocomplete="current-password"
            inputDir="ltr"
          />
          <button type="submit" class="button">
            {t(lang, 'web.login.submit')}
          </button>
        </form>
        <p>
          {t(lang, 'web.login.no_account')} <a href="/signup">{t(lang, 'web.nav.signup')}</a>
        </p>
      </section>
    ),
    status,
  );
}

/** Name, email and a new password: for one's own account, or one an admin makes for someone else. */
export function AccountFields({
  lang,
  values,
  errors,
  someoneElse,
}: {
  lang: Lang;
  values: FormValues;
  errors: FormErrors;
  someoneElse?: boolean;
}) {
  const common = { values, errors, required: true };
  return (
    <>
      <Field
        name="name"
        label={t(lang, 'web.account.name')}
        {...common}
        autocomplete={someoneElse ? 'off' : 'name'}
      />
      <Field
        name="email"
        type="email"
        label={t(lang, 'web.account.email')}
        {...common}
        autocomplete={someoneElse ? 'off' : 'email'}
        inputDir="ltr"
      />
      <Field
        name="password"
        type="password"
        label={t(lang, 'web.account.password')}
        {...common}
        autocomplete="new-password"
        inputDir="ltr"
        hint={t(lang, 'field.password')}
      />
    </>
  );
}

function signupPage(c: C, values: FormValues, errors: FormErrors, status: 200 | 400 | 409 | 429 = 200) {
  const lang = c.get('lang');
  return render(
    c,
    t(lang, 'web.signup.title'),
    (v) => (
      <section class="narrow">
        <h1>{t(lang, 'web.signup.title')}</h1>
        <p>{t(lang, 'web.signup.lead')}</p>
        <form method="post" action="/signup" class="form" novalidate>
          <FormAlert errors={errors} />
          <Csrf token={v.csrf} />
          <AccountFields lang={lang} values={values} errors={errors} />
          <button type="submit" class="button">
            {t(lang, 'web.signup.submit')}
          </button>
        </form>
      </section>
    ),
    status,
  );
}

/** The viewer's units or products: each with its registration number, state and the reviewer's last reason. */
function StateTable({
  lang,
  nameHead,
  empty,
  rows,
}: {
  lang: Lang;
  nameHead: string;
  empty: string;
  rows: { href: string; name: string; number?: string | null; states: Status[]; reason: string | null }[];
}) {
  if (!rows.length) return <p class="empty">{empty}</p>;
  const numbered = rows.some((r) => r.number !== undefined);
  return (
    <table class="table state-table">
      <thead>
        <tr>
          <th scope="col">{nameHead}</th>
          {numbered && <th scope="col">{t(lang, 'web.product.registrationNumber')}</th>}
          <th scope="col">{t(lang, 'web.product.state')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>
              <a href={r.href}>{r.name}</a>
              {r.reason && (
                <p class="row-note">
                  {t(lang, 'web.product.reviewer_reason', { reason: isolate(r.reason) })}
                </p>
              )}
            </td>
            {numbered && (
              <td>
                {r.number ? (
                  <span class="regno" dir="ltr">
                    {digits(r.number, lang)}
                  </span>
                ) : (
                  <span class="muted">—</span>
                )}
              </td>
            )}
            <td>
              {r.states.map((s) => (
                <>
                  <StatusBadge status={s} lang={lang} />{' '}
                </>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const UNITS_PAGE = 10;
const PRODUCTS_PAGE = 20;

/** What the workspace lists, read from the address; anything unrecognised is the start, unfiltered. */
function workspaceQuery(c: C) {
  const state = STATUSES.find((s) => s === c.req.query('state'));
  return {
    state,
    unitOffset: offsetOf(c.req.query('units_from')),
    cursor: c.req.query('cursor') || undefined,
  };
}

/** The new token, where the person is looking: shown this once, never put in a cookie or an address. */
function NewToken({ lang, token }: { lang: Lang; token: { name: string; token: string } }) {
  return (
    <section class="alert alert-ok new-token" role="status" aria-labelledby="new-token">
      <h2 id="new-token">{t(lang, 'web.tokens.new_title')}</h2>
      <p>{t(lang, 'web.tokens.shown_once', { name: isolate(token.name) })}</p>
      <code class="secret" dir="ltr">
        {token.token}
      </code>
    </section>
  );
}

function WorkspaceActions({ lang }: { lang: Lang }) {
  return (
    <nav class="actions workspace-actions" aria-label={t(lang, 'web.workspace.actions')}>
      <a class="button" href="/workspace/products/new">
        {t(lang, 'web.product.new')}
      </a>
      <a class="button secondary" href="/workspace/units/new">
        {t(lang, 'web.unit.register')}
      </a>
      <a class="button secondary" href="/workspace/import">
        {t(lang, 'web.workspace.import')}
      </a>
      <a class="button secondary" href="/workspace/password">
        {t(lang, 'web.password.title')}
      </a>
    </nav>
  );
}

function StateFilter({ lang, state }: { lang: Lang; state?: Status }) {
  return (
    <form method="get" action="/workspace" class="search">
      <Select
        name="state"
        label={t(lang, 'web.product.state')}
        blank={t(lang, 'web.catalog.all')}
        values={{ state: state ?? '' }}
        options={STATUSES.map((s) => ({ value: s, label: t(lang, `web.status.${s}`) }))}
      />
      <button type="submit" class="button secondary">
        {t(lang, 'web.review.filter')}
      </button>
    </form>
  );
}

async function workspacePage(
  c: C,
  deps: Deps,
  newToken?: { name: string; token: string } | 'made_before',
  errors: FormErrors = {},
) {
  const user = accounts.requireUser(c.get('user'));
  const q = workspaceQuery(c);
  const [units, mine, tokens] = await Promise.all([
    producers.list(deps, user, { mine: true, limit: UNITS_PAGE, offset: q.unitOffset }),
    products.list(deps, user, { mine: true, status: q.state, limit: PRODUCTS_PAGE, cursor: q.cursor }),
    accounts.listTokens(deps, user),
  ]);
  const lang = c.get('lang');
  return render(
    c,
    t(lang, 'web.workspace.title'),
    (v) => (
      <>
        <h1>{t(lang, 'web.workspace.title')}</h1>
        <p class="muted">{t(lang, 'web.workspace.hello', { name: isolate(user.name) })}</p>
        {newToken === 'made_before' ? (
          <p class="alert alert-warn" role="status">
            {t(lang, 'web.tokens.made_before')}
          </p>
        ) : (
          newToken && <NewToken lang={lang} token={newToken} />
        )}
        <WorkspaceActions lang={lang} />
        <section>
          <h2>{t(lang, 'web.workspace.products_count', { count: mine.total })}</h2>
          <StateFilter lang={lang} state={q.state} />
          <StateTable
            lang={lang}
            nameHead={t(lang, 'web.workspace.col_product')}
            empty={t(lang, 'web.workspace.no_products')}
            rows={mine.items.map((p) => ({
              href: `/workspace/products/${p.id}`,
              name: nameOf(p, lang),
              number: p.registrationNumber,
              states:
                p.revision && p.revision.status !== 'approved' ? [p.status, p.revision.status] : [p.status],
              reason: p.revision?.reason ?? p.reason,
            }))}
          />
          <Pager
            v={v}
            label={t(lang, 'web.workspace.products_pages')}
            param="cursor"
            place={cursorPlace(q.cursor, mine.nextCursor)}
          />
        </section>
        <section>
          <h2>{t(lang, 'web.workspace.units')}</h2>
          <StateTable
            lang={lang}
            nameHead={t(lang, 'web.workspace.col_unit')}
            empty={t(lang, 'web.workspace.no_units')}
            rows={units.items.map((u) => ({
              href: `/workspace/units/${u.id}`,
              name: nameOf(u, lang),
              states: [u.status],
              reason: u.reason,
            }))}
          />
          <Pager
            v={v}
            label={t(lang, 'web.workspace.units_pages')}
            param="units_from"
            place={offsetPlace(q.unitOffset, UNITS_PAGE, units.total)}
          />
        </section>
        <section id="tokens">
          <h2>{t(lang, 'web.tokens.title')}</h2>
          <ul class="plain">
            {tokens.map((tk) => (
              <li>
                <strong>{tk.name}</strong> · {dateOf(tk.created_at.toISOString(), lang)}{' '}
                {tk.revoked_at ? (
                  <span class="badge status-revoked">{t(lang, 'web.tokens.revoked')}</span>
                ) : (
                  <ActionButton
                    action={`/workspace/tokens/${tk.id}/revoke`}
                    label={t(lang, 'web.tokens.revoke')}
                    csrf={v.csrf}
                    kind="danger"
                  />
                )}
              </li>
            ))}
          </ul>
          <form method="post" action="/workspace/tokens" class="form inline-form" novalidate>
            <FormAlert errors={errors} />
            <Csrf token={v.csrf} />
            <OnceKey />
            <Field name="name" label={t(lang, 'web.tokens.name')} errors={errors} required />
            <button type="submit" class="button secondary">
              {t(lang, 'web.tokens.create')}
            </button>
          </form>
        </section>
      </>
    ),
    errors._form ? 400 : 200,
  );
}

function passwordPage(c: C, values: FormValues, errors: FormErrors, status: 200 | 400 = 200) {
  const lang = c.get('lang');
  const field = (name: 'currentPassword' | 'newPassword', autocomplete: string) => (
    <Field
      name={name}
      type="password"
      label={t(lang, `web.password.${name}`)}
      values={values}
      errors={errors}
      required
      autocomplete={autocomplete}
    />
  );
  return render(
    c,
    t(lang, 'web.password.title'),
    (v) => (
      <section class="narrow">
        <h1>{t(lang, 'web.password.title')}</h1>
        <p>{t(lang, 'web.password.lead')}</p>
        <form method="post" action="/workspace/password" class="form" novalidate>
          <FormAlert errors={errors} />
          <Csrf token={v.csrf} />
          {field('currentPassword', 'current-password')}
          {field('newPassword', 'new-password')}
          <button type="submit" class="button">
            {t(lang, 'web.password.submit')}
          </button>
        </form>
      </section>
    ),
    status,
  );
}

/** What a refused login or sign-up shows: one made to wait is told for how long, with `Retry-After`. */
function refusalOf(c: C, err: unknown): FormErrors {
  const lang = c.get('lang');
  const wait = err instanceof AppError && err.code === 'rate_limited' && err.detail.headers?.['Retry-After'];
  if (!wait) return formErrorsOf(err, lang);
  c.header('retry-after', wait);
  return { _form: t(lang, 'web.login.throttled', { minutes: Math.ceil(Number(wait) / 60) }) };
}

/** The refusal's own status when the page answers with it, else 400. */
const statusOf = <const S extends number>(err: unknown, kept: readonly S[]): S | 400 =>
  err instanceof AppError && (kept as readonly number[]).includes(err.status) ? (err.status as S) : 400;

export function accountPages(deps: Deps, throttle = loginThrottleOf(deps)) {
  const app = new Hono<Env>();
  const ttl = deps.config.sessionTtlMs;

  app.get('/login', (c) => loginPage(c, { next: c.req.query('next') ?? '' }, {}));
  app.post('/login', async (c) => {
    const body = await c.req.parseBody();
    checkCsrf(c, body);
    const values = textValues(body);
    const who = { email: values.email ?? '', address: clientAddress(c, deps.config.trustProxy) };
    try {
      const session = await throttle.attempt(
        who,
        () => accounts.login(deps, validate(LoginInput, values), ttl),
        refusedWith('bad_credentials'),
      );
      setSessionCookie(c, session);
      return c.redirect(safeNext(values.next, session.user), 303);
    } catch (err) {
      return loginPage(c, values, refusalOf(c, err), statusOf(err, [401, 403, 429]));
    }
  });

  app.get('/signup', (c) => signupPage(c, {}, {}));
  app.post('/signup', async (c) => {
    const body = await c.req.parseBody();
    checkCsrf(c, body);
    const values = textValues(body);
    try {
      const session = await throttle.attempt(
        { address: clientAddress(c, deps.config.trustProxy) },
        () => accounts.signupAndLogin(deps, validate(SignupInput, values), ttl),
        refusedWith('duplicate'),
      );
      setSessionCookie(c, session);
      return redirectDone(c, '/workspace', 'welcome');
    } catch (err) {
      return signupPage(c, values, refusalOf(c, err), statusOf(err, [409, 429]));
    }
  });

  app.post('/logout', async (c) => {
    checkCsrf(c, await c.req.parseBody());
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await accounts.logout(deps, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return redirectDone(c, '/', 'logged_out');
  });

  app.get('/workspace', (c) => workspacePage(c, deps));
  app.get('/workspace/password', (c) => passwordPage(c, {}, {}));
  app.post('/workspace/password', async (c) => {
    const body = await c.req.parseBody();
    checkCsrf(c, body);
    // Passwords are never sent back into the form.
    try {
      await accounts.changePassword(
        deps,
        c.get('user'),
        validate(ChangePasswordInput, textValues(body)),
        c.get('session')?.tokenHash,
      );
      return redirectDone(c, '/workspace', 'password_changed');
    } catch (err) {
      return passwordPage(c, {}, formErrorsOf(err, c.get('lang')), 400);
    }
  });
  // A refused form leaves the address it posted to in the address bar: a reload comes back to its page.
  app.get('/workspace/tokens', (c) => c.redirect('/workspace'));

  app.post('/workspace/tokens', async (c) => {
    const body = await c.req.parseBody();
    checkCsrf(c, body);
    try {
      const values = textValues(body);
      const { made } = await accounts.createTokenOnce(
        deps,
        c.get('user'),
        validate(NewTokenInput, values).name,
        onceKeyOf(values),
      );
      c.header('cache-control', 'no-store');
      return workspacePage(c, deps, made ?? 'made_before');
    } catch (err) {
      return workspacePage(c, deps, undefined, formErrorsOf(err, c.get('lang')));
    }
  });
  app.post(`/workspace/tokens/${ID}/revoke`, async (c) => {
    checkCsrf(c, await c.req.parseBody());
    await accounts.revokeToken(deps, c.get('user'), c.req.param('id'));
    return redirectDone(c, '/workspace', 'token_revoked');
  });

  return app;
}
