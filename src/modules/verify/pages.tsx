import { Hono } from 'hono';
import type { Deps } from '../../context.ts';
import { formatRegistrationNumber } from '../../domain/identifiers.ts';
import type { Env } from '../../http/context.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { Facts } from '../../web/components.tsx';
import { dateOf, digits, nameOf } from '../../web/format.ts';
import { SearchBar } from '../../web/forms.tsx';
import { render } from '../../web/layout.tsx';
import { verify } from './service.ts';

const VERDICT_CLASS: Record<string, string> = {
  approved: 'ok',
  suspended: 'warn',
  expired: 'warn',
  revoked: 'bad',
  not_found: 'bad',
  mistyped: 'warn',
  malformed: 'warn',
};

/** Verify a registration number, typed or read from a QR code: the verdict in large words, and what it rests on. */
export function verifyPages(deps: Deps) {
  const app = new Hono<Env>();

  app.get('/verify', (c) => {
    const number = c.req.query('number')?.trim();
    if (number) return c.redirect(`/verify/${encodeURIComponent(number)}`, 303);
    const lang = c.get('lang');
    return render(c, t(lang, 'web.verify.title'), () => (
      <>
        <h1>{t(lang, 'web.verify.title')}</h1>
        <VerifyForm lang={lang} />
      </>
    ));
  });

  app.get('/verify/:number', async (c) => {
    const number = c.req.param('number').slice(0, 40);
    const r = await verify(deps, number);
    const lang = c.get('lang');
    return render(c, t(lang, 'web.verify.title'), () => (
      <>
        <h1>{t(lang, 'web.verify.title')}</h1>
        <section class={`verdict verdict-${VERDICT_CLASS[r.result]}`} aria-live="polite">
          <p class="verdict-word">{t(lang, `web.verify.word.${r.result}`)}</p>
          <p>{t(lang, `web.verify.detail.${r.result}`)}</p>
          {'registrationNumber' in r && r.registrationNumber && (
            <p class="regno" dir="ltr">
              {digits(r.registrationNumber, lang)}
            </p>
          )}
          {'product' in r && r.product && (
            <Facts
              rows={[
                [
                  t(lang, 'web.verify.product'),
                  <a href={`/products/${r.registrationNumber}`}>{nameOf(r.product, lang)}</a>,
                ],
                [
                  t(lang, 'web.product.producer'),
                  r.producer ? <a href={`/producers/${r.producer.id}`}>{nameOf(r.producer, lang)}</a> : '—',
                ],
                [t(lang, 'web.product.registeredAt'), dateOf(r.registeredAt, lang)],
                // Only a valid registration is "valid until"; an ended one had a term that ran to that day.
                [
                  t(lang, r.result === 'approved' ? 'web.verify.validUntil' : 'web.verify.term_end'),
                  dateOf(r.validUntil, lang),
                ],
                ...(r.reason ? [[t(lang, 'web.verify.reason'), r.reason] as [string, string]] : []),
              ]}
            />
          )}
        </section>
        <VerifyForm lang={lang} value={number} />
      </>
    ));
  });

  return app;
}

function VerifyForm({ lang, value }: { lang: Lang; value?: string }) {
  return (
    <SearchBar
      action="/verify"
      label={t(lang, 'web.verify.number')}
      submit={t(lang, 'web.verify.check')}
      input={{
        id: 'number',
        name: 'number',
        dir: 'ltr',
        value: value ?? '',
        maxlength: 64,
        placeholder: formatRegistrationNumber(1405, 42),
        required: true,
      }}
    />
  );
}
