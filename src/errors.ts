import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ROLES, type Role } from './domain/workflow.ts';
import { type Lang, type MessageKey, t } from './i18n/index.ts';

/** The closed list of errors the registry answers with: a stable code and an HTTP status. */
export const ERRORS = {
  validation: 400,
  malformed_request: 400,
  unauthenticated: 401,
  bad_credentials: 401,
  account_disabled: 403,
  forbidden: 403,
  csrf: 403,
  cross_site: 403,
  not_found: 404,
  method_not_allowed: 405,
  duplicate: 409,
  stale_version: 409,
  invalid_transition: 409,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERRORS;

export const isErrorCode = (s: string): s is ErrorCode => Object.hasOwn(ERRORS, s);

/** A message for one field: a catalog key and its parameters, so each reader gets their language. */
export interface FieldError {
  field: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

export interface ErrorDetail {
  fields?: FieldError[];
  /** What the caller lacks, for 401 and 403. */
  missing?: { key: MessageKey; params?: Record<string, string> };
  extra?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export class AppError extends Error {
  readonly status: ContentfulStatusCode;
  constructor(
    readonly code: ErrorCode,
    readonly detail: ErrorDetail = {},
  ) {
    super(code);
    this.status = ERRORS[code];
  }
}

export const fail = (code: ErrorCode, detail?: ErrorDetail): never => {
  throw new AppError(code, detail);
};

export const invalid = (fields: FieldError[]): never => fail('validation', { fields });

const isRole = (s: string): s is Role => (ROLES as readonly string[]).includes(s);

/**
 * What the caller lacks, as a phrase in `lang`. Services name roles by their codes ("reviewer | admin");
 * the reader gets them in their own language, as a list of alternatives.
 */
export function missingText(lang: Lang, missing: NonNullable<ErrorDetail['missing']>): string {
  const role = missing.params?.role;
  if (missing.key !== 'missing.role' || role === undefined) return t(lang, missing.key, missing.params);
  const names = role.split('|').map((r) => r.trim());
  const shown = names.map((r) => (isRole(r) ? t(lang, `role.${r}`) : r));
  const list = new Intl.ListFormat(lang, { type: 'disjunction' }).format(shown);
  return t(lang, missing.key, { ...missing.params, role: list });
}

/** RFC 9457 problem details, in the request's language. */
export function problem(err: AppError, lang: Lang, instance?: string) {
  const { fields, missing, extra } = err.detail;
  return {
    type: `/problems/${err.code.replaceAll('_', '-')}`,
    title: t(lang, `problem.${err.code}`),
    status: err.status,
    code: err.code,
    ...(instance ? { instance } : {}),
    ...(missing ? { missing: missingText(lang, missing) } : {}),
    ...(fields ? { errors: fields.map((f) => ({ field: f.field, message: t(lang, f.key, f.params) })) } : {}),
    ...extra,
  };
}
