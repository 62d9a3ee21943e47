import { describe, expect, it } from 'vitest';
import { foldDigits } from '../domain/digits.ts';
import { parseRegistrationNumber } from '../domain/identifiers.ts';
import { catalogs, t } from './index.ts';

describe('the message catalogs', () => {
  it('have every key in both languages, none empty', () => {
    expect(Object.keys(catalogs.fa).sort()).toEqual(Object.keys(catalogs.en).sort());
    for (const lang of ['fa', 'en'] as const) {
      for (const [key, text] of Object.entries(catalogs[lang]))
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it('fill placeholders, with Persian digits in Persian', () => {
    expect(t('fa', 'field.too_short', { min: 10 })).toBe('دست‌کم ۱۰ نویسه');
    expect(t('en', 'field.too_short', { min: 10 })).toBe('At least 10 characters');
  });

  it('show a registration number that passes its own check, as the example of one', () => {
    for (const lang of ['fa', 'en'] as const) {
      for (const key of ['verify.malformed', 'web.verify.detail.malformed'] as const) {
        const example = /[\d۰-۹]{4}-[\d۰-۹]{6}-[\d۰-۹]/.exec(t(lang, key))?.[0] ?? '';
        expect(parseRegistrationNumber(foldDigits(example)).ok, `${lang} ${key} ${example}`).toBe(true);
      }
    }
  });
});
