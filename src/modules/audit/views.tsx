import { OUTCOMES } from '../../domain/audit.ts';
import { REASON_MAX } from '../../http/fields.ts';
import { type Lang, t } from '../../i18n/index.ts';
import { digits } from '../../web/format.ts';
import { Choices, Csrf, FormAlert, type FormErrors, type FormValues, TextArea } from '../../web/forms.tsx';

/** The audit's form on a sampled registration's review page: what was found, and a note for a discrepancy. */
export function AuditForm({
  lang,
  csrf,
  productId,
  year,
  errors = {},
  values = {},
}: {
  lang: Lang;
  csrf: string;
  productId: string;
  year: number;
  errors?: FormErrors;
  values?: FormValues;
}) {
  return (
    <form method="post" action={`/review/audit/${year}/${productId}`} class="form audit" novalidate>
      <h2>{t(lang, 'audit.form_title', { year: digits(String(year), lang) })}</h2>
      <p class="hint">{t(lang, 'audit.form_lead')}</p>
      <FormAlert errors={errors} />
      <Csrf token={csrf} />
      <Choices
        name="outcome"
        legend={t(lang, 'audit.outcome')}
        groups={[{ options: OUTCOMES.map((o) => ({ value: o, label: t(lang, `audit.outcome.${o}`) })) }]}
        values={values}
        errors={errors}
      />
      <TextArea
        name="note"
        label={t(lang, 'audit.note')}
        hint={t(lang, 'audit.note_hint')}
        values={values}
        errors={errors}
        rows={3}
        maxlength={REASON_MAX}
      />
      <button type="submit" class="button">
        {t(lang, 'audit.record')}
      </button>
    </form>
  );
}
