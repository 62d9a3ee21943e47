// Forms: fields with their errors, the hidden keys a form carries, and reading what a form sent.
import { randomUUID } from 'node:crypto';
import type { Child, JSX } from 'hono/jsx';
import type { z } from 'zod';
import { HS_CHAPTERS, PROVINCES } from '../domain/reference.ts';
import { AppError, missingText } from '../errors.ts';
import { type Lang, type MessageKey, t } from '../i18n/index.ts';
import { fieldErrors } from '../validation.ts';
import { chapterLabel, nameOf } from './format.ts';
import { CSRF_FIELD } from './security.ts';

/** Messages beside fields, by field name; `_form` is the message for the whole form. */
export type FormErrors = Record<string, string>;

export type FormValues = Record<string, string>;

/** A route parameter that matches only a UUID, so a malformed id is a plain 404 that never reaches a query. */
export const uuidParam = <N extends string>(name: N) =>
  `:${name}{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}` as const;

export const ID = uuidParam('id');

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

/**
 * A one-line search form (the catalog, verify, finding a maker): a labelled box that grows, with what
 * belongs beside the box (`besideBox`), the fields the form carries along (`children`), and its button.
 */
export function SearchBar(p: {
  action: string;
  label: string;
  submit: string;
  input: JSX.IntrinsicElements['input'] & { id: string };
  besideBox?: Child;
  children?: Child;
}) {
  return (
    <form method="get" action={p.action} class="search">
      <div class="field grow">
        <label for={p.input.id}>{p.label}</label>
        <input {...p.input} />
        {p.besideBox}
      </div>
      {p.children}
      <button type="submit" class="button">
        {p.submit}
      </button>
    </form>
  );
}
