import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isMinistry, type Viewer } from '../context.ts';
import type { Decision } from '../domain/workflow.ts';
import type { Env } from '../http/context.ts';
import { catalogs, type Lang, type MessageKey, t } from '../i18n/index.ts';
import { csrfToken } from './security.ts';

/** What every page needs to know about the request it answers. */
export interface View {
  lang: Lang;
  user: Viewer;
  csrf: string;
  url: URL;
}

export function viewOf(c: Context<Env>): View {
  return { lang: c.get('lang') ?? 'fa', user: c.get('user'), csrf: csrfToken(c), url: pageUrl(c) };
}

/**
 * The address the page can be opened again at. A page answering a form post (its errors) has none of
 * its own: the form's page, where the post came from, stands for it.
 */
function pageUrl(c: Context<Env>): URL {
  const here = new URL(c.req.url);
  if (c.req.method === 'GET') return here;
  const referer = c.req.header('referer');
  const from = referer && URL.canParse(referer) ? new URL(referer) : null;
  return from && from.origin === here.origin ? from : new URL('/', here);
}

/** The same page (path and query) in the other language. */
function otherLanguageHref(url: URL, other: Lang) {
  const params = new URLSearchParams(url.search);
  params.set('lang', other);
  return `${url.pathname}?${params}`;
}

/** Public places everyone can go, in the order people look for them. */
const PUBLIC_PLACES = [
  ['/products', 'web.nav.catalog'],
  ['/industries', 'web.nav.industries'],
  ['/find-maker', 'web.nav.find_maker'],
  ['/verify', 'web.nav.verify'],
  ['/transparency', 'web.nav.transparency'],
  ['/opendata', 'web.nav.opendata'],
] as const satisfies readonly [string, MessageKey][];

function NavLink({ v, href, label }: { v: View; href: string; label: MessageKey }) {
  const here = v.url.pathname === href || v.url.pathname.startsWith(`${href}/`);
  return (
    <li>
      <a href={href} aria-current={here ? 'page' : undefined}>
        {t(v.lang, label)}
      </a>
    </li>
  );
}

function Nav({ v }: { v: View }) {
  const { lang, user } = v;
  const ministry = isMinistry(user);
  return (
    <nav class="site-nav" aria-label={t(lang, 'web.nav.label')}>
      <ul>
        {PUBLIC_PLACES.map(([href, label]) => (
          <NavLink v={v} href={href} label={label} />
        ))}
        {user ? (
          <>
            <NavLink v={v} href="/workspace" label="web.nav.workspace" />
            {ministry && <NavLink v={v} href="/review" label="web.nav.review" />}
            {user.role === 'admin' && <NavLink v={v} href="/admin/users" label="web.nav.users" />}
            <li>
              <form method="post" action="/logout" class="inline">
                <input type="hidden" name="_csrf" value={v.csrf} />
                <button type="submit" class="link">
                  {t(lang, 'web.nav.logout')}
                </button>
              </form>
            </li>
          </>
        ) : (
          <>
            <NavLink v={v} href="/login" label="web.nav.login" />
            <NavLink v={v} href="/signup" label="web.nav.signup" />
          </>
        )}
      </ul>
    </nav>
  );
}

/** What an action did, said once on the page it leads to. */
export type Done =
  | 'saved'
  | 'saved_before'
  | 'submit'
  | 'renew'
  | 'uploaded'
  | 'removed'
  | Decision
  | 'token_revoked'
  | 'user_created'
  | 'user_disabled'
  | 'user_enabled'
  | 'role_changed'
  | 'drawn'
  | 'audited'
  | 'welcome'
  | 'logged_out'
  | 'password_changed';

const DONE_COOKIE = 'iranmade_done';
const doneKey = (done: string | undefined) => {
  const key = `web.done.${done}`;
  return key in catalogs.en ? (key as MessageKey) : undefined;
};

/**
 * Redirects after a change and confirms it on the next page, in that page's language. A cookie rather
 * than the URL carries it, so a reload or a shared link does not repeat it.
 */
export function redirectDone(c: Context<Env>, to: string, done: Done) {
  setCookie(c, DONE_COOKIE, done, { path: '/', httpOnly: true, sameSite: 'Lax' });
  return c.redirect(to, 303);
}

/** The confirmation waiting for this request, consumed. */
function takeDone(c: Context<Env>) {
  const done = getCookie(c, DONE_COOKIE);
  if (done === undefined) return undefined;
  deleteCookie(c, DONE_COOKIE, { path: '/' });
  return doneKey(done);
}

export function Layout({
  v,
  title,
  done,
  children,
}: {
  v: View;
  title: string;
  done?: MessageKey;
  children: Child;
}) {
  const { lang } = v;
  const other: Lang = lang === 'fa' ? 'en' : 'fa';
  return (
    <html lang={lang} dir={lang === 'fa' ? 'rtl' : 'ltr'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t(lang, 'web.site.name')}`}</title>
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/app.css" />
        <script src="/static/suggest.js" defer />
      </head>
      <body>
        <a class="skip" href="#main">
          {t(lang, 'web.skip')}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="/">
              <span class="brand-mark" aria-hidden="true">
                ◆
              </span>
              <span>{t(lang, 'web.site.name')}</span>
            </a>
            <Nav v={v} />
            <a class="lang-switch" href={otherLanguageHref(v.url, other)} hreflang={other} lang={other}>
              {t(other, 'web.lang.name')}
            </a>
          </div>
        </header>
        <main id="main" class="wrap">
          {done && (
            <p class="alert alert-ok" role="status">
              {t(lang, done)}
            </p>
          )}
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{t(lang, 'web.site.footer')}</p>
            <p>
              <a href="/api/docs">{t(lang, 'web.footer.api')}</a>
              {v.user && (
                <span class="muted">{` · ${v.user.name} (${t(lang, `web.role.${v.user.role}`)})`}</span>
              )}
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** A whole page, with the doctype that keeps browsers out of quirks mode. */
export const standardsMode = (page: Child) => html`<!DOCTYPE html>${page}`;

/** Answers with a full page in the request's language. */
export function render(
  c: Context<Env>,
  title: string,
  body: (v: View) => Child,
  status: ContentfulStatusCode = 200,
) {
  const v = viewOf(c);
  c.header('content-language', v.lang);
  return c.html(
    standardsMode(
      <Layout v={v} title={title} done={takeDone(c)}>
        {body(v)}
      </Layout>,
    ),
    status,
  );
}
