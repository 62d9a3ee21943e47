import { z } from '@hono/zod-openapi';
import type { MessageKey } from '../i18n/index.ts';

/** Zod building blocks whose messages are catalog keys, so every reader gets their own language. */

/** A missing value is "required"; a value of the wrong type gets `key`. */
export const missingOr = (key: MessageKey) => (issue: { input?: unknown }) =>
  issue.input == null ? 'field.required' : key;

export const text = (min: number, max: number) =>
  z
    .string({ error: missingOr('field.invalid') })
    .trim()
    .min(min, { error: min <= 1 ? 'field.required' : 'field.too_short' })
    .max(max, { error: 'field.too_long' });

export const optionalText = (max: number) =>
  z
    .string({ error: 'field.invalid' })
    .trim()
    .max(max, { error: 'field.too_long' })
    .transform((s) => (s === '' ? null : s))
    .nullish();

/** Text with at least one Persian or Arabic letter. */
export const persianText = (min: number, max: number) =>
  text(min, max).refine((s) => /[\u0600-\u06FF]/.test(s), { error: 'field.persian' });

/**
 * A string checked (and normalised) by one of the domain's parsers; refused with `key`, or with the
 * key it gives for what is wrong with the input.
 */
export const parsed = (parse: (s: string) => string | null, key: MessageKey | ((s: string) => MessageKey)) =>
  z.string({ error: missingOr('field.invalid') }).transform((s, ctx) => {
    const value = parse(s);
    if (value === null) {
      ctx.addIssue({ code: 'custom', message: typeof key === 'function' ? key(s) : key });
      return z.NEVER;
    }
    return value;
  });

/** A whole number in a query string (`?limit=20`): "abc" or "5.5" is told it is not one. */
export const queryInteger = (min: number, max?: number) => {
  const n = z.coerce
    .number({ error: 'field.not_integer' })
    .int({ error: 'field.not_integer' })
    .min(min, { error: 'field.too_small' });
  return max === undefined ? n : n.max(max, { error: 'field.too_big' });
};

/** A quantity or a price: from 0, or above 0 when `positive` (a capacity, a price), to 10¹⁵. */
export const amount = ({ positive = false } = {}) => {
  const n = z.number({ error: 'field.not_number' }).finite({ error: 'field.not_number' });
  return (positive ? n.gt(0, { error: 'field.positive' }) : n.min(0, { error: 'field.too_small' })).max(
    1e15,
    {
      error: 'field.too_big',
    },
  );
};

export const version = z
  .number({ error: missingOr('field.not_integer') })
  .int({ error: 'field.not_integer' })
  .min(1, { error: 'field.too_small' })
  .openapi({ description: 'The version you read; a PATCH naming an older one is refused with 409' });

/** The longest reason a decision may give, also told to the browser (`maxlength`). */
export const REASON_MAX = 2000;

export const reason = z
  .string({ error: 'field.invalid' })
  .trim()
  .max(REASON_MAX, { error: 'field.too_long' })
  .transform((s) => (s === '' ? null : s))
  .nullish();
