import type { buildApp } from '../src/server.ts';

/** A browser without JavaScript: keeps cookies, reads the CSRF field out of each form it is shown. */
export class Browser {
  cookies = new Map<string, string>();
  constructor(readonly app: ReturnType<typeof buildApp>) {}

  async request(method: string, path: string, form?: Record<string, string> | FormData) {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | FormData | undefined;
    if (form instanceof FormData) body = form;
    else if (form) {
      body = new URLSearchParams(form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await this.app.request(path, { method, headers, body });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    return { status: res.status, headers: res.headers, html: await res.text() };
  }
  get = (path: string) => this.request('GET', path);
  post = (path: string, form: Record<string, string>) => this.request('POST', path, form);

  /** Opens a page and sends its form back with the given fields, as a person would. */
  async submit(page: string, action: string, fields: Record<string, string>) {
    return this.post(action, { _csrf: await this.csrfOf(page), ...fields });
  }

  /** Sends a file with a form, and its other fields, as a multipart upload. */
  async upload(page: string, action: string, file: File, fields: Record<string, string> = {}) {
    const form = new FormData();
    form.set('_csrf', await this.csrfOf(page));
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    form.set('file', file);
    return this.request('POST', action, form);
  }

  private async csrfOf(page: string) {
    const { html } = await this.get(page);
    return /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  }
}

/** The message shown beside a form's field. */
export const fieldError = (html: string, name: string) =>
  new RegExp(`id="f-${name}-error">([^<]+)<`).exec(html)?.[1];

/** The confirmation a page shows once, after the action that led to it. */
export const flash = (html: string) => /class="alert alert-ok" role="status">([^<]+)</.exec(html)?.[1];

/** What a reader sees of a page's main part: its text, without tags. */
export const mainText = (html: string) =>
  (/<main[^>]*>(.*)<\/main>/s.exec(html)?.[1] ?? '').replace(/<svg.*?<\/svg>/gs, '').replace(/<[^>]+>/g, ' ');

/** The names on the product cards of a page, in order. */
export const cardNames = (html: string) =>
  [...html.matchAll(/<h3><a href="[^"]+">([^<]+)<\/a><\/h3>/g)].map((m) => m[1]);
