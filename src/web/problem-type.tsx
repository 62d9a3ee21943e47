import type { Context } from 'hono';
import { AppError, ERRORS, isErrorCode } from '../errors.ts';
import type { Env } from '../http/context.ts';
import { t } from '../i18n/index.ts';
import { render } from './layout.tsx';

/**
 * The page a problem's `type` (RFC 9457, `/problems/rate-limited`) opens: what the problem is, in the
 * reader's language, with its HTTP status and code, so that the address an API answer names explains it.
 */
export function problemTypePage(c: Context<Env>, type: string) {
  const code = type.replaceAll('-', '_');
  if (!isErrorCode(code)) throw new AppError('not_found');
  const lang = c.get('lang');
  const title = t(lang, `problem.${code}`);
  return render(c, title, () => (
    <article class="problem-type">
      <h1>{title}</h1>
      <p>{t(lang, 'web.problem.status', { status: ERRORS[code], code })}</p>
      <p>
        <a href="/api/docs">{t(lang, 'web.footer.api')}</a>
      </p>
    </article>
  ));
}
