import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type Lang, type MessageKey, t } from './web/i18n/index.ts';

/** The closed list of errors the registry answers with: a stable code and an HTTP status. */
export const ERRORS = {
  validation: 400,
  malformed_request: 400,
  unauthenticated: 401,
  bad_credentials: 401,
  account_disabled: 403,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  duplicate: 409,
  stale_version: 409,
  invalid_transition: 409,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERRORS;

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

/** RFC 9457 problem details, in the request's language. */
export function problem(err: AppError, lang: Lang, instance?: string) {
  const { fields, missing, extra } = err.detail;
  return {
    type: `/problems/${err.code.replaceAll('_', '-')}`,
    title: t(lang, `problem.${err.code}`),
    status: err.status,
    code: err.code,
    ...(instance ? { instance } : {}),
    ...(missing ? { missing: t(lang, missing.key, missing.params) } : {}),
    ...(fields ? { errors: fields.map((f) => ({ field: f.field, message: t(lang, f.key, f.params) })) } : {}),
    ...extra,
  };
}
