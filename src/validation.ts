import type { z } from 'zod';
import type { FieldError } from './errors.ts';
import { catalogs, type MessageKey } from './i18n/index.ts';

const isKey = (s: string | undefined): s is MessageKey => !!s && s in catalogs.en;

/** The value at `path` in `input`, if there is one. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path)
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/** The most choices a message lists; past it, it says only that the value is not one of them. */
const MAX_LISTED = 12;

/**
 * Zod's issues as field errors: our schemas name catalog keys as messages; the rest map by issue code.
 * Given the `input` (a form's fields), a field left empty or out is "required", rather than what its
 * format would say of an empty text («one of the 31 provinces», «a number»).
 */
export function fieldErrors(error: z.ZodError, input?: Record<string, unknown>): FieldError[] {
  return error.issues.map((issue) => {
    const field = issue.path.join('.') || 'body';
    const value = input && issue.path.length ? valueAt(input, issue.path) : null;
    if (value === undefined || value === '') return { field, key: 'field.required' };
    const i = issue as z.core.$ZodIssue & {
      minimum?: number | bigint;
      maximum?: number | bigint;
      origin?: string;
      values?: unknown[];
    };
    const params: Record<string, number | string> = {};
    if (i.minimum !== undefined) params.min = Number(i.minimum);
    if (i.maximum !== undefined) params.max = Number(i.maximum);
    // A short list of choices is named, so a program's author sees what would do.
    const generic = !isKey(issue.message) || issue.message === 'field.choice';
    if (issue.code === 'invalid_value' && generic && i.values && i.values.length <= MAX_LISTED)
      return { field, key: 'field.one_of', params: { values: i.values.join(', ') } };
    if (isKey(issue.message)) return { field, key: issue.message, params };
    switch (issue.code) {
      case 'too_small':
        return { field, key: i.origin === 'string' ? 'field.too_short' : 'field.too_small', params };
      case 'too_big':
        return { field, key: i.origin === 'string' ? 'field.too_long' : 'field.too_big', params };
      case 'invalid_type':
        return { field, key: 'field.required' };
      case 'invalid_value':
        return { field, key: 'field.choice' };
      default:
        return { field, key: 'field.invalid' };
    }
  });
}
