import { describe, expect, it } from 'vitest';
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
});
