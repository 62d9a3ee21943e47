import type { MeasurementUnit } from '../../domain/registration.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { ActionButton, StatusBadge } from '../../web/components.tsx';
import { dateOf, digits, formatNumber, isolate, nameOf, provinceName } from '../../web/format.ts';
import type { PRODUCT_FIELDS } from './schema.ts';
import type { Product } from './service.ts';

/** Where a product's public page is: at its registration number once it has one. */
export const productPath = (p: Product) => `/products/${p.registrationNumber ?? p.id}`;

/** A product as lists give it, with its unit's summary. */
export type Listed = Product & { producer: { id: string; nameFa: string; nameEn: string; province: string } };

/** Products as cards: name, unit, province, status, registration number and domestic value added. */
export function ProductList({ items, lang }: { items: Listed[]; lang: Lang }) {
  if (!items.length) return <p class="empty">{t(lang, 'web.catalog.none')}</p>;
  return (
    <ul class="cards">
      {items.map((p) => (
        <li class="card">
          <h3>
            <a href={productPath(p)}>{nameOf(p, lang)}</a>
          </h3>
          <p class="muted">
            <a href={`/producers/${p.producer.id}`}>{nameOf(p.producer, lang)}</a> ·{' '}
            {provinceName(p.producer.province, lang)}
          </p>
          <p>
            <StatusBadge status={p.status} lang={lang} />{' '}
            {p.registrationNumber && (
              <span class="regno" dir="ltr">
                {digits(p.registrationNumber, lang)}
              </span>
            )}
          </p>
          <p class="muted">
            {t(lang, 'web.product.value_added_short', {
              percent: formatNumber(p.valueAddedPercent, lang, 2),
            })}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** A product's documents; with `removable`, each one with a button that takes it back (its makers, while drafting). */
export function DocumentList({
  productId,
  documents,
  lang,
  removable,
}: {
  productId: string;
  documents: { id: string; file_name: string; size: number; uploaded_at: Date }[];
  lang: Lang;
  removable?: { csrf: string };
}) {
  if (!documents.length) return <p class="muted">{t(lang, 'web.docs.none')}</p>;
  return (
    <ul class="docs">
      {documents.map((d) => (
        <li>
          <a href={`/api/v1/products/${productId}/documents/${d.id}`}>{d.file_name}</a>{' '}
          <span class="muted">
            ({t(lang, 'web.docs.size', { kb: formatNumber(Math.ceil(d.size / 1024), lang) })} ·{' '}
            {dateOf(d.uploaded_at.toISOString(), lang)})
          </span>{' '}
          {removable && (
            <ActionButton
              action={`/workspace/products/${productId}/documents/${d.id}/remove`}
              label={t(lang, 'web.docs.remove')}
              csrf={removable.csrf}
              kind="secondary"
            />
          )}
        </li>
      ))}
    </ul>
  );
}

const localeOf = (lang: Lang) => (lang === 'fa' ? 'fa-IR' : 'en-GB');

/** Country codes as names in the reader's language, joined as the reader lists things. */
export function countryList(codes: readonly string[], lang: Lang) {
  const names = new Intl.DisplayNames([localeOf(lang)], { type: 'region', fallback: 'code' });
  return new Intl.ListFormat(localeOf(lang), { type: 'conjunction' }).format(
    codes.map((code) => names.of(code) ?? code),
  );
}

/** The states of a registration that no longer holds. */
const ENDED = ['suspended', 'revoked', 'expired'] as const;
export const hasEnded = (state: string): state is (typeof ENDED)[number] =>
  (ENDED as readonly string[]).includes(state);

/** A registration's number and how long it holds, or when it ended; `state` counts a lapsed approval as expired. */
export function Registration({ p, lang, state }: { p: Product; lang: Lang; state: string }) {
  const date = dateOf(p.validUntil, lang);
  return (
    <>
      {p.registrationNumber && (
        <p>
          {t(lang, 'web.product.registrationNumber')}:{' '}
          <strong class="regno" dir="ltr">
            {digits(p.registrationNumber, lang)}
          </strong>
        </p>
      )}
      {p.validUntil &&
        (state === 'approved' ? (
          <p>{t(lang, 'web.product.validUntil', { date })}</p>
        ) : (
          hasEnded(state) && <p class="ended">{t(lang, `web.product.ended.${state}`, { date })}</p>
        ))}
    </>
  );
}

export type FieldName = (typeof PRODUCT_FIELDS)[number];

/** A field's value as the public page shows it: units and countries named, codes in the reader's digits. */
export const shown = (field: FieldName, value: unknown, lang: Lang): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'unit') return t(lang, `web.measure.${value as MeasurementUnit}`);
  if (field === 'tariffCode' || field === 'gtin') return digits(String(value), lang);
  if (field === 'exportMarkets') return countryList(value as string[], lang) || '—';
  if (typeof value === 'number') return formatNumber(value, lang, 2);
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (typeof value === 'object') {
    const pairs = Object.entries(value).map(([k, v]) => isolate(`${k}: ${v}`));
    return pairs.length ? pairs.join(lang === 'fa' ? '؛ ' : '; ') : '—';
  }
  return String(value);
};
