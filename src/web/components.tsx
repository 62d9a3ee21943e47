// The building blocks every page shares: headings, badges, state panels, buttons, facts.
import type { Child } from 'hono/jsx';
import type { Status } from '../domain/workflow.ts';
import { type Lang, t } from '../i18n/index.ts';
import { isolate } from './format.ts';
import { Csrf } from './forms.tsx';

export const backToWorkspace = (lang: Lang) => ({ href: '/workspace', label: t(lang, 'web.workspace.back') });

/** A page's title under a link back to where the reader came from. */
export function Heading({ title, back }: { title: string; back: { href: string; label: string } }) {
  return (
    <>
      <p class="back">
        <a href={back.href}>{back.label}</a>
      </p>
      <h1>{title}</h1>
    </>
  );
}

export function StatusBadge({ status, lang }: { status: Status; lang: Lang }) {
  return <span class={`badge status-${status}`}>{t(lang, `web.status.${status}`)}</span>;
}

/** Where a unit or product of one's own stands: its state, a revision's, the reviewer's last word. */
export function StatePanel({
  lang,
  status,
  revision,
  reason,
  children,
}: {
  lang: Lang;
  status: Status;
  revision?: Status;
  reason?: string | null;
  children?: Child;
}) {
  return (
    <div class={`status-panel status-${status}`}>
      <p>
        {t(lang, 'web.product.state')}: <StatusBadge status={status} lang={lang} />
        {revision && (
          <>
            {' · '}
            {t(lang, 'web.product.revision')}: <StatusBadge status={revision} lang={lang} />
          </>
        )}
      </p>
      {reason && <p>{t(lang, 'web.product.reviewer_reason', { reason: isolate(reason) })}</p>}
      {children}
    </div>
  );
}

/** A button that posts a one-field form (submit, renew, revoke, disable). */
export function ActionButton({
  action,
  label,
  csrf,
  kind,
}: {
  action: string;
  label: string;
  csrf: string;
  kind?: 'secondary' | 'danger';
}) {
  return (
    <form method="post" action={action} class="inline">
      <Csrf token={csrf} />
      <button type="submit" class={kind ? `button ${kind}` : 'button'}>
        {label}
      </button>
    </form>
  );
}

/** Label–value rows. */
export function Facts({ rows }: { rows: [string, Child][] }) {
  return (
    <dl class="facts">
      {rows.map(([k, v]) => (
        <div>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
