import { type Context, Hono } from 'hono';
import type { Deps } from '../../context.ts';
import { formatDate } from '../../domain/jalali.ts';
import { ROLES, type Role } from '../../domain/workflow.ts';
import { AppError } from '../../errors.ts';
import type { Env } from '../../http/context.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { ActionButton, Facts, Heading } from '../../web/components.tsx';
import { isolate } from '../../web/format.ts';
import {
  Csrf,
  Field,
  FormAlert,
  type FormErrors,
  type FormValues,
  formErrorsOf,
  ID,
  Select,
  textValues,
  validate,
} from '../../web/forms.tsx';
import { redirectDone, render, type View } from '../../web/layout.tsx';
import { offsetOf, offsetPlace, Pager } from '../../web/pager.tsx';
import { checkCsrf } from '../../web/security.ts';
import { AccountFields } from './pages.tsx';
import { NewUserInput, RoleInput } from './schema.ts';
import * as accounts from './service.ts';

type C = Context<Env>;
type Account = Awaited<ReturnType<typeof accounts.getAccount>>;

const USERS_PAGE = 50;
const isRole = (s: string | undefined): s is Role => ROLES.includes(s as Role);

/** The list's filters from the address; anything unknown is no filter. */
function usersQuery(c: C) {
  const q = c.req.query('q')?.trim().slice(0, 200) || undefined;
  const role = c.req.query('role');
  return {
    q,
    role: isRole(role) ? role : undefined,
    limit: USERS_PAGE,
    offset: offsetOf(c.req.query('from')),
  };
}

const roleOptions = (lang: Lang) => ROLES.map((r) => ({ value: r, label: t(lang, `web.role.${r}`) }));

function RoleSelect(p: { lang: Lang; values: FormValues; errors: FormErrors; hint?: string }) {
  return (
    <Select
      name="role"
      label={t(p.lang, 'web.account.role')}
      hint={p.hint}
      values={p.values}
      errors={p.errors}
      required
      options={roleOptions(p.lang)}
    />
  );
}

function StateBadge({ lang, account }: { lang: Lang; account: Account }) {
  return (
    <span class={account.disabled_at ? 'badge status-revoked' : 'badge status-approved'}>
      {t(lang, account.disabled_at ? 'web.users.disabled' : 'web.users.active')}
    </span>
  );
}

/** Disable behind its confirmation page, or enable at once; nobody switches their own account. */
function SwitchButton({ v, account }: { v: View; account: Account }) {
  if (account.id === v.user?.id) return <span class="muted">{t(v.lang, 'web.users.you')}</span>;
  if (account.disabled_at)
    return (
      <ActionButton
        action={`/admin/users/${account.id}/enable`}
        label={t(v.lang, 'web.users.enable')}
        csrf={v.csrf}
        kind="secondary"
      />
    );
  return (
    <form method="get" action={`/admin/users/${account.id}/disable`} class="inline">
      <button type="submit" class="button danger">
        {t(v.lang, 'web.users.disable')}
      </button>
    </form>
  );
}

async function usersPage(c: C, deps: Deps, values: FormValues = {}, errors: FormErrors = {}) {
  const query = usersQuery(c);
  const list = await accounts.listUsers(deps, c.get('user'), query);
  const lang = c.get('lang');
  return render(
    c,
    t(lang, 'web.users.title'),
    (v) => (
      <>
        <h1>{t(lang, 'web.users.title')}</h1>
        <form method="get" action="/admin/users" class="search">
          <Field
            name="q"
            type="search"
            label={t(lang, 'web.users.find')}
            values={{ q: query.q ?? '' }}
            inputDir="auto"
          />
          <Select
            name="role"
            label={t(lang, 'web.account.role')}
            blank={t(lang, 'web.catalog.all')}
            values={{ role: query.role ?? '' }}
            options={roleOptions(lang)}
          />
          <button type="submit" class="button secondary">
            {t(lang, 'web.review.filter')}
          </button>
        </form>
        <h2>{t(lang, 'web.users.count', { count: list.total })}</h2>
        {list.items.length ? (
          <table class="table state-table">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'web.account.name')}</th>
                <th scope="col">{t(lang, 'web.account.email')}</th>
                <th scope="col">{t(lang, 'web.account.role')}</th>
                <th scope="col">{t(lang, 'web.users.state')}</th>
                <th scope="col">{t(lang, 'web.users.action')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((u) => (
                <tr>
                  <td>
                    <a href={`/admin/users/${u.id}`}>{u.name}</a>
                  </td>
                  <td dir="ltr">{u.email}</td>
                  <td>{t(lang, `web.role.${u.role}`)}</td>
                  <td>
                    <StateBadge lang={lang} account={u} />
                  </td>
                  <td>
                    <SwitchButton v={v} account={u} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="empty">{t(lang, 'web.users.none')}</p>
        )}
        <Pager
          v={v}
          label={t(lang, 'web.users.pages')}
          param="from"
          place={offsetPlace(query.offset, USERS_PAGE, list.total)}
        />
        <h2>{t(lang, 'web.users.create')}</h2>
        <form method="post" action="/admin/users" class="form" novalidate>
          <FormAlert errors={errors} />
          <Csrf token={v.csrf} />
          <AccountFields lang={lang} values={values} errors={errors} someoneElse />
          <RoleSelect lang={lang} values={values} errors={errors} />
          <button type="submit" class="button">
            {t(lang, 'web.users.create')}
          </button>
        </form>
      </>
    ),
    Object.keys(errors).length ? 400 : 200,
  );
}

/** One account: what it is, and the role and access an admin may change. */
async function accountPage(c: C, deps: Deps, errors: FormErrors = {}) {
  const account = await accounts.getAccount(deps, c.get('user'), c.req.param('id') ?? '');
  const lang = c.get('lang');
  return render(
    c,
    account.name,
    (v) => (
      <section class="narrow">
        <Heading title={account.name} back={{ href: '/admin/users', label: t(lang, 'web.users.back') }} />
        <Facts
          rows={[
            [t(lang, 'web.account.email'), <span dir="ltr">{account.email}</span>],
            [t(lang, 'web.account.role'), t(lang, `web.role.${account.role}`)],
            [t(lang, 'web.users.state'), <StateBadge lang={lang} account={account} />],
            [t(lang, 'web.users.since'), formatDate(account.created_at, lang)],
          ]}
        />
        {account.id === v.user?.id ? (
          <p class="muted">{t(lang, 'web.users.self')}</p>
        ) : (
          <>
            <h2>{t(lang, 'web.users.change_role')}</h2>
            <form method="post" action={`/admin/users/${account.id}/role`} class="form" novalidate>
              <FormAlert errors={errors} />
              <Csrf token={v.csrf} />
              <RoleSelect
                lang={lang}
                values={{ role: account.role }}
                errors={errors}
                hint={t(lang, 'web.users.role_hint')}
              />
              <button type="submit" class="button">
                {t(lang, 'web.users.change_role')}
              </button>
            </form>
            <h2>{t(lang, 'web.users.access')}</h2>
            <SwitchButton v={v} account={account} />
          </>
        )}
      </section>
    ),
    Object.keys(errors).length ? 400 : 200,
  );
}

/** Disabling ends someone's sessions at once, so it is asked again on a page of its own. */
async function confirmDisablePage(c: C, deps: Deps) {
  const user = await accounts.getAccount(deps, c.get('user'), c.req.param('id') ?? '');
  if (user.disabled_at || user.id === c.get('user')?.id) throw new AppError('not_found');
  const lang = c.get('lang');
  return render(c, t(lang, 'web.users.confirm_title'), (v) => (
    <section class="narrow">
      <h1>{t(lang, 'web.users.confirm_title')}</h1>
      <p>{t(lang, 'web.users.confirm_lead', { name: isolate(user.name), email: isolate(user.email) })}</p>
      <form method="post" action={`/admin/users/${user.id}/disable`} class="actions">
        <Csrf token={v.csrf} />
        <button type="submit" class="button danger">
          {t(lang, 'web.users.confirm_submit')}
        </button>
        <a class="button secondary" href="/admin/users">
          {t(lang, 'web.users.cancel')}
        </a>
      </form>
    </section>
  ));
}

/** The admin's pages for accounts: find them, create one, change a role, disable and enable. */
export function adminPages(deps: Deps) {
  const app = new Hono<Env>();

  app.get('/admin/users', (c) => usersPage(c, deps));
  app.post('/admin/users', async (c) => {
    const body = await c.req.parseBody();
    checkCsrf(c, body);
    const values = textValues(body);
    try {
      await accounts.createUser(deps, c.get('user'), validate(NewUserInput, values));
      return redirectDone(c, '/admin/users', 'user_created');
    } catch (err) {
      return usersPage(c, deps, values, formErrorsOf(err, c.get('lang')));
    }
  });
  app.get(`/admin/users/${ID}`, (c) => accountPage(c, deps));
  app.post(`/admin/users/${ID}/role`, async (c) => {
    const body = await c.req.parseBody();
    checkCsrf(c, body);
    const id = c.req.param('id');
    try {
      await accounts.setRole(deps, c.get('user'), id, validate(RoleInput, textValues(body)).role);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation') throw err;
      return accountPage(c, deps, formErrorsOf(err, c.get('lang')));
    }
    return redirectDone(c, `/admin/users/${id}`, 'role_changed');
  });
  app.get(`/admin/users/${ID}/disable`, (c) => confirmDisablePage(c, deps));
  app.post(`/admin/users/${ID}/disable`, async (c) => {
    checkCsrf(c, await c.req.parseBody());
    await accounts.setDisabled(deps, c.get('user'), c.req.param('id'), true);
    return redirectDone(c, '/admin/users', 'user_disabled');
  });
  // Enabling gives back only the login: the sessions that ended stay ended, so it needs no confirming.
  app.post(`/admin/users/${ID}/enable`, async (c) => {
    checkCsrf(c, await c.req.parseBody());
    await accounts.setDisabled(deps, c.get('user'), c.req.param('id'), false);
    return redirectDone(c, '/admin/users', 'user_enabled');
  });

  return app;
}
