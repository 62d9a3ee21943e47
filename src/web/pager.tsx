import { t } from '../i18n/index.ts';
import type { View } from './layout.tsx';

/** This page's address with one query parameter set (or removed); filters and other lists' places stay. */
export function withParam(url: URL, param: string, value: string | undefined) {
  const q = new URLSearchParams(url.search);
  q.delete('lang');
  if (value === undefined) q.delete(param);
  else q.set(param, value);
  const s = q.toString();
  return s ? `${url.pathname}?${s}` : url.pathname;
}

/** A list's position: `back` leads towards the start (no value: the first page), `next` onwards. */
export interface Place {
  back?: { value?: string; first?: boolean };
  next?: string | null;
}

/** Where a list of pages held by an offset in `param` stands. */
export const offsetPlace = (offset: number, limit: number, total: number): Place => ({
  back: offset > 0 ? { value: offset > limit ? String(offset - limit) : undefined } : undefined,
  next: offset + limit < total ? String(offset + limit) : null,
});

/** Where a list of pages held by a cursor stands: it can go on, or back to its first page. */
export const cursorPlace = (cursor: string | undefined, next: string | null): Place => ({
  back: cursor ? { first: true } : undefined,
  next,
});

/** Links to the neighbouring pages of one list; several lists on a page each keep their own parameter. */
export function Pager({ v, label, param, place }: { v: View; label: string; param: string; place: Place }) {
  if (!place.back && !place.next) return null;
  const { lang } = v;
  return (
    <nav class="pager" aria-label={label}>
      {place.back ? (
        <a rel={place.back.first ? undefined : 'prev'} href={withParam(v.url, param, place.back.value)}>
          {t(lang, place.back.first ? 'web.catalog.first' : 'web.pager.previous')}
        </a>
      ) : (
        <span />
      )}
      {place.next && (
        <a rel="next" href={withParam(v.url, param, place.next)}>
          {t(lang, 'web.catalog.next')}
        </a>
      )}
    </nav>
  );
}

/** An offset from the query string; anything else is the start. */
export const offsetOf = (s: string | undefined) => (s && /^\d{1,7}$/.test(s) ? Number(s) : 0);
