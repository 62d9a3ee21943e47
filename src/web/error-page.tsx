import type { Context } from 'hono';
import { type AppError, missingText } from '../errors.ts';
import type { Env } from '../http/context.ts';
import { type MessageKey, t } from '../i18n/index.ts';
import { render } from './layout.tsx';

/** An error as a page in the reader's language, with what they lack when that helps. */
export function errorPage(c: Context<Env>, err: AppError) {
  const lang = c.get('lang') ?? 'fa';
  const title = t(lang, `problem.${err.code}` as MessageKey);
  return render(
    c,
    title,
    () => (
      <section class="error-page">
        <h1>{title}</h1>
        {err.detail.missing && (
          <p>
            {t(lang, 'web.error.missing', {
              what: missingText(lang, err.detail.missing),
            })}
          </p>
        )}
        {err.code === 'not_found' && (
          <>
            <p class="lead">{t(lang, 'web.error.not_found_lead')}</p>
            <p>
              {t(lang, 'web.error.try')} <a href="/products">{t(lang, 'web.nav.catalog')}</a> ·{' '}
              <a href="/verify">{t(lang, 'web.nav.verify')}</a>
            </p>
          </>
        )}
        <p>
          <a href="/">{t(lang, 'web.error.home')}</a>
        </p>
      </section>
    ),
    err.status,
  );
}
