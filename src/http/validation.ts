import type { z } from 'zod';
import type { FieldError } from '../errors.ts';
import { catalogs, type MessageKey } from '../web/i18n/index.ts';

const isKey = (s: string | undefined): s is MessageKey => !!s && s in catalogs.en;

/** Zod's issues as field errors: our schemas name catalog keys as messages; the rest map by issue code. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const field = issue.path.join('.') || 'body';
    const i = issue as z.core.$ZodIssue & { minimum?: number | bigint; maximum?: number | bigint; origin?: string };
    const params: Record<string, number> = {};
    if (i.minimum !== undefined) params.min = Number(i.minimum);
    if (i.maximum !== undefined) params.max = Number(i.maximum);
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
