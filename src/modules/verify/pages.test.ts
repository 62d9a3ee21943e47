import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../../test/browser.ts';
import { DATABASE_KINDS } from '../../../test/helpers.ts';
import { type Demo, openDemo, openSite, type Site } from '../../../test/registry.ts';
import { formatRegistrationNumber } from '../../domain/identifiers.ts';
import type { Status } from '../../domain/workflow.ts';
import { type MessageKey, t } from '../../i18n/index.ts';

describe.each(DATABASE_KINDS)('the verify page over a registry just begun (%s)', (kind) => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite(kind);
  });
  afterAll(() => site.close());

  it('answer a mistyped registration number in large words', async () => {
    const valid = formatRegistrationNumber(1405, 1);
    const mistyped = `${valid.slice(0, -1)}${(Number(valid.at(-1)) + 1) % 10}`;
    const res = await new Browser(site.app).get(`/verify/${mistyped}?lang=en`);
    expect(res.html).toContain('class="verdict-word">Mistyped<');
    const unknown = await new Browser(site.app).get(`/verify/${valid}?lang=en`);
    expect(unknown.html).toContain('class="verdict-word">Not found<');
  });
});

describe.each(DATABASE_KINDS)('the verify page over a demo registry (%s)', (kind) => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await openDemo(kind);
  });
  afterAll(() => demo.close());

  it('say the verdict of a verification once, in large words, and under it what it means, in both languages', async () => {
    const numberOf = async (status: Status) =>
      (
        await demo.database.db
          .selectFrom('products')
          .select('registration_number')
          .where('status', '=', status)
          .executeTakeFirstOrThrow()
      ).registration_number ?? '';
    const valid = await numberOf('approved');
    const numbers = {
      approved: valid,
      suspended: await numberOf('suspended'),
      revoked: await numberOf('revoked'),
      expired: await numberOf('expired'),
      not_found: formatRegistrationNumber(1405, 999_999),
      mistyped: `${valid.slice(0, -1)}${(Number(valid.at(-1)) + 1) % 10}`,
      malformed: 'not-a-number',
    };
    for (const lang of ['fa', 'en'] as const)
      for (const [result, number] of Object.entries(numbers)) {
        const { html } = await demo.visitor().get(`/verify/${number}?lang=${lang}`);
        const [, word, meaning] = /<p class="verdict-word">([^<]+)<\/p><p>([^<]+)<\/p>/.exec(html) ?? [];
        expect(word, `${lang} ${result}`).toBe(t(lang, `web.verify.word.${result}` as MessageKey));
        expect(meaning, `${lang} ${result}`).not.toContain(word);
      }
  });
});
