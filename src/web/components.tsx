import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { z } from 'zod';
import { formatDate } from '../domain/jalali.ts';
import { HS_CHAPTERS, hsChapterTitle, PROVINCES, province } from '../domain/reference.ts';
import type { Status } from '../domain/workflow.ts';
import { AppError, missingText } from '../errors.ts';
import type { Env } from '../http/context.ts';
import { fieldErrors } from '../http/validation.ts';
import { type Lang, type MessageKey, t, toPersianDigits } from '../i18n/index.ts';
import { render } from './layout.tsx';
import { CSRF_FIELD } from './security.ts';

/** Messages beside fields, by field name; `_form` is the message for the whole form. */
export type FormErrors = Record<string, string>;
export type FormValues = Record<string, string>;

export const dir = (lang: Lang) => (lang === 'fa' ? 'rtl' : 'ltr');

/** A route parameter that matches only a UUID, so a malformed id is a plain 404 that never reaches a query. */
export const uuidParam = <N extends string>(name: N) =>
  `:${name}{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}` as const;
export const ID = uuidParam('id');

type Named = { nameFa: string; nameEn: string };
export const nameOf = (x: Named, lang: Lang) => (lang === 'fa' ? x.nameFa : x.nameEn);
export const provinceName = (code: string, lang: Lang) => {
  const p = province(code);
  return p ? nameOf(p, lang) : code;
};

export function formatNumber(n: number, lang: Lang, fractionDigits = 0): string {
  return new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', {
    maximumFractionDigits: fractionDigits,
  }).format(n);
}

/** Digits as the reader writes them: Persian in fa (registration numbers, codes), unchanged in en. */
export const digits = (s: string, lang: Lang) => (lang === 'fa' ? toPersianDigits(s) : s);

/** Text someone typed, set in a sentence of either language: it keeps its own direction (FSI … PDI). */
export const isolate = (s: string) => `\u2068${s}\u2069`;

export const dateOf = (iso: string | null | undefined, lang: Lang) =>
  iso ? formatDate(new Date(iso), lang) : '—';

export const chapterLabel = (chapter: string, lang: Lang) =>
  `${digits(chapter, lang)} · ${hsChapterTitle(chapter, lang) ?? ''}`;

/** Parses input with a zod schema; invalid input becomes the same validation error the API gives. */
export function validate<T extends z.ZodType>(schema: T, input: Record<string, unknown>): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success)
    throw new AppError('validation', { fields: fieldErrors(result.error as z.ZodError, input) });
  return result.data;
}

const FORM_LEVEL = new Set([
  'validation',
  'bad_credentials',
  'account_disabled',
  'duplicate',
  'stale_version',
  'invalid_transition',
  'forbidden',
  'too_large',
  'unsupported_media_type',
  'rate_limited',
]);

/** The messages a failed form shows, in the reader's language; anything else is not a form's business. */
export function formErrorsOf(err: unknown, lang: Lang): FormErrors {
  if (!(err instanceof AppError) || !FORM_LEVEL.has(err.code)) throw err;
  // A person reads a form's fields, not a request's: the API's title for them would say "request".
  const title = err.code === 'validation' ? 'web.form.invalid' : (`problem.${err.code}` as MessageKey);
  const errors: FormErrors = { _form: t(lang, title) };
  if (err.detail.missing) errors._form += ` (${missingText(lang, err.detail.missing)})`;
  const fields = err.detail.fields ?? [];
  for (const f of fields) errors[formField(f.field)] ??= t(lang, f.key, f.params);
  // What is taken («this GTIN is already registered to …») says the whole refusal, also on a form that
  // does not show that field (a decision), where "This already exists" would read as if the record did.
  if (err.code === 'duplicate' && fields.length)
    errors._form = fields.map((f) => t(lang, f.key, f.params)).join(' ');
  return errors;
}

/** The form field an API path belongs to: an item of a list (`exportMarkets.0`) is the list's field. */
const formField = (path: string) => path.replace(/\.\d+(\..*)?$/, '');

/** A form's text fields as strings (files and repeated fields left out). */
export function textValues(body: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== CSRF_FIELD) out[k] = v;
  return out;
}

export const Csrf = ({ token }: { token: string }) => <input type="hidden" name={CSRF_FIELD} value={token} />;

const ONCE_FIELD = '_once';
const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The key that makes a create form do its work once, however often it is sent (ADR 0009): a new one
 * each time the form is first shown, the same one when it comes back with errors to mend.
 */
export const OnceKey = ({ values }: { values?: FormValues }) => (
  <input type="hidden" name={ONCE_FIELD} value={onceKeyOf(values ?? {}) ?? randomUUID()} />
);

/** The key a create form carried, if it is one this site wrote. */
export const onceKeyOf = (values: FormValues) => {
  const key = values[ONCE_FIELD];
  return key && UUID_TEXT.test(key) ? key : undefined;
};

export function FormAlert({ errors }: { errors?: FormErrors }) {
  if (!errors?._form) return null;
  // Focused when the page loads, so a form far down a long page is scrolled into sight with its mistake.
  return (
    <div class="alert alert-error" role="alert" tabindex={-1} autofocus>
      {errors._form}
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  values?: FormValues;
  errors?: FormErrors;
  type?: string;
  required?: boolean;
  hint?: string;
  autocomplete?: string;
  inputDir?: 'ltr' | 'rtl' | 'auto';
  inputmode?: 'numeric' | 'decimal' | 'tel' | 'email' | 'url' | 'text';
  maxlength?: number;
  /** For inputs in a grid whose column heads say what they are; screen readers still get the label. */
  hideLabel?: boolean;
}

function describedBy(id: string, hint?: string, error?: string) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function FieldShell({
  id,
  label,
  hint,
  error,
  required,
  hideLabel,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  hideLabel?: boolean;
  children: Child;
}) {
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id} class={hideLabel ? 'sr-only' : undefined}>
        {label}
        {required && (
          <span class="req" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function Field(p: FieldProps) {
  const id = `f-${p.name}`;
  const error = p.errors?.[p.name];
  return (
    <FieldShell
      id={id}
      label={p.label}
      hint={p.hint}
      error={error}
      required={p.required}
      hideLabel={p.hideLabel}
    >
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.type === 'password' ? '' : (p.values?.[p.name] ?? '')}
        required={p.required}
        maxlength={p.maxlength}
        autocomplete={p.autocomplete}
        dir={p.inputDir}
        inputmode={p.inputmode}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, p.hint, error)}
      />
    </FieldShell>
  );
}

export function TextArea(p: FieldProps & { rows?: number }) {
  const id = `f-${p.name}`;
  const error = p.errors?.[p.name];
  return (
    <FieldShell id={id} label={p.label} hint={p.hint} error={error} required={p.required}>
      <textarea
        id={id}
        name={p.name}
        rows={p.rows ?? 4}
        required={p.required}
        maxlength={p.maxlength}
        dir={p.inputDir}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, p.hint, error)}
      >
        {p.values?.[p.name] ?? ''}
      </textarea>
    </FieldShell>
  );
}

export function Select(p: FieldProps & { options: { value: string; label: string }[]; blank?: string }) {
  const id = `f-${p.name}`;
  const error = p.errors?.[p.name];
  const current = p.values?.[p.name] ?? '';
  return (
    <FieldShell id={id} label={p.label} hint={p.hint} error={error} required={p.required}>
      <select
        id={id}
        name={p.name}
        required={p.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, p.hint, error)}
      >
        {p.blank !== undefined && <option value="">{p.blank}</option>}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/**
 * One choice among radio buttons, under a legend, with its error; the choices may come in groups, each
 * under its own heading (a group left empty is not shown).
 */
export function Choices(p: {
  name: string;
  legend: string;
  groups: { heading?: string; options: { value: string; label: string }[] }[];
  values?: FormValues;
  errors?: FormErrors;
}) {
  const error = p.errors?.[p.name];
  const errorId = `f-${p.name}-error`;
  return (
    <fieldset class={error ? 'field has-error' : 'field'} aria-describedby={error ? errorId : undefined}>
      <legend>{p.legend}</legend>
      {p.groups.map(
        ({ heading, options }) =>
          options.length > 0 && (
            <>
              {heading && <p class="choice-group">{heading}</p>}
              {options.map((o) => (
                <label class="choice">
                  <input
                    type="radio"
                    name={p.name}
                    value={o.value}
                    checked={p.values?.[p.name] === o.value}
                  />{' '}
                  {o.label}
                </label>
              ))}
            </>
          ),
      )}
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

export function FileField(p: Omit<FieldProps, 'values' | 'type'> & { accept: string }) {
  const id = `f-${p.name}`;
  const error = p.errors?.[p.name];
  return (
    <FieldShell id={id} label={p.label} hint={p.hint} error={error} required={p.required}>
      <input
        id={id}
        name={p.name}
        type="file"
        accept={p.accept}
        required={p.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, p.hint, error)}
      />
    </FieldShell>
  );
}

/** A filter of a search form (catalog, review queue): every choice, and "all". */
function FilterSelect({
  name,
  label,
  lang,
  value,
  options,
}: {
  name: string;
  label: string;
  lang: Lang;
  value?: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div class="field">
      <label for={name}>{label}</label>
      <select id={name} name={name}>
        <option value="">{t(lang, 'web.catalog.all')}</option>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const CHAPTERS = HS_CHAPTERS.filter((c) => c.chapter !== '77');

export const ChapterFilter = ({ lang, value }: { lang: Lang; value?: string }) => (
  <FilterSelect
    name="chapter"
    label={t(lang, 'web.catalog.chapter')}
    lang={lang}
    value={value}
    options={CHAPTERS.map((c) => ({ value: c.chapter, label: chapterLabel(c.chapter, lang) }))}
  />
);

export const ProvinceFilter = ({ lang, value }: { lang: Lang; value?: string }) => (
  <FilterSelect
    name="province"
    label={t(lang, 'web.catalog.province')}
    lang={lang}
    value={value}
    options={PROVINCES.map((p) => ({ value: p.code, label: nameOf(p, lang) }))}
  />
);

export const backToWorkspace = (lang: Lang) => ({ href: '/workspace', label: t(lang, 'web.workspace.back') });

/** A page's title under a link back to where the reader came from. */
export function Heading({ title, back }: { title: string; back: { href: string; label: string } }) {
  return (
    <>
      <p class="back">
        <a href={back.href}>{back.label}</a>
      </p>
      <h1>{title}</h1>
    </>
  );
}

export function StatusBadge({ status, lang }: { status: Status; lang: Lang }) {
  return <span class={`badge status-${status}`}>{t(lang, `web.status.${status}`)}</span>;
}

/** Where a unit or product of one's own stands: its state, a revision's, the reviewer's last word. */
export function StatePanel({
  lang,
  status,
  revision,
  reason,
  children,
}: {
  lang: Lang;
  status: Status;
  revision?: Status;
  reason?: string | null;
  children?: Child;
}) {
  return (
    <div class={`status-panel status-${status}`}>
      <p>
        {t(lang, 'web.product.state')}: <StatusBadge status={status} lang={lang} />
        {revision && (
          <>
            {' · '}
            {t(lang, 'web.product.revision')}: <StatusBadge status={revision} lang={lang} />
          </>
        )}
      </p>
      {reason && <p>{t(lang, 'web.product.reviewer_reason', { reason: isolate(reason) })}</p>}
      {children}
    </div>
  );
}

/** A button that posts a one-field form (submit, renew, revoke, disable). */
export function ActionButton({
  action,
  label,
  csrf,
  kind,
}: {
  action: string;
  label: string;
  csrf: string;
  kind?: 'secondary' | 'danger';
}) {
  return (
    <form method="post" action={action} class="inline">
      <Csrf token={csrf} />
      <button type="submit" class={kind ? `button ${kind}` : 'button'}>
        {label}
      </button>
    </form>
  );
}

/** Label–value rows. */
export function Facts({ rows }: { rows: [string, Child][] }) {
  return (
    <dl class="facts">
      {rows.map(([k, v]) => (
        <div>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** An error as a page in the reader's language, with what they lack when that helps. */
export function errorPage(c: Context<Env>, err: AppError) {
  const lang = c.get('lang') ?? 'fa';
  const title = t(lang, `problem.${err.code}` as MessageKey);
  return render(
    c,
    title,
    () => (
      <section class="error-page">
        <h1>{title}</h1>
        {err.detail.missing && (
          <p>
            {t(lang, 'web.error.missing', {
              what: missingText(lang, err.detail.missing),
            })}
          </p>
        )}
        {err.code === 'not_found' && (
          <>
            <p class="lead">{t(lang, 'web.error.not_found_lead')}</p>
            <p>
              {t(lang, 'web.error.try')} <a href="/products">{t(lang, 'web.nav.catalog')}</a> ·{' '}
              <a href="/verify">{t(lang, 'web.nav.verify')}</a>
            </p>
          </>
        )}
        <p>
          <a href="/">{t(lang, 'web.error.home')}</a>
        </p>
      </section>
    ),
    err.status,
  );
}
