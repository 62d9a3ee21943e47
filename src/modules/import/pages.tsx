import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { fail } from '../../errors.ts';
import type { Env } from '../../http/context.ts';
import { type Lang, type MessageKey, t } from '../../i18n/index.ts';
import { backToWorkspace, Heading } from '../../web/components.tsx';
import { digits, formatNumber, nameOf } from '../../web/format.ts';
import {
  Csrf,
  FileField,
  FormAlert,
  type FormErrors,
  type FormValues,
  formErrorsOf,
  Select,
  textValues,
  validate,
} from '../../web/forms.tsx';
import { render } from '../../web/layout.tsx';
import { checkCsrf } from '../../web/security.ts';
import { requireUser } from '../accounts/service.ts';
import * as producers from '../producers/service.ts';
import { IMPORT_KINDS, type ImportKind } from './schema.ts';
import { importUpload, UPLOAD_ACCEPT, UPLOAD_MAX_BYTES, type UploadOutcome } from './upload.ts';
import { TemplateLinks } from './views.tsx';

type C = Context<Env>;

/** The units a products file may name: the account's own, with the national ID the file's column takes. */
function UnitsToName({ lang, units }: { lang: Lang; units: UnitListing }) {
  if (!units.items.length) return null;
  return (
    <section>
      <h2>{t(lang, 'opendata.upload.units')}</h2>
      <p>{t(lang, 'opendata.upload.units_hint', { column: t(lang, 'opendata.column.unitNationalId') })}</p>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'opendata.upload.unit')}</th>
            <th scope="col">{t(lang, 'web.unit.nationalId')}</th>
          </tr>
        </thead>
        <tbody>
          {units.items.map((u) => (
            <tr>
              <td>{nameOf(u, lang)}</td>
              <td dir="ltr">{digits(u.nationalId, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {units.total > units.items.length && (
        <p>{t(lang, 'opendata.upload.units_more', { n: units.total - units.items.length })}</p>
      )}
    </section>
  );
}

type UnitListing = Awaited<ReturnType<typeof producers.list>>;
const UNITS_SHOWN = 50;

async function importPage(
  c: C,
  deps: Deps,
  values: FormValues,
  errors: FormErrors,
  status: 200 | 400 | 413 = 200,
) {
  const lang = c.get('lang');
  const units = await producers.list(deps, c.get('user'), { mine: true, limit: UNITS_SHOWN, offset: 0 });
  return render(
    c,
    t(lang, 'opendata.upload.title'),
    (v) => (
      <>
        <Heading title={t(lang, 'opendata.upload.title')} back={backToWorkspace(lang)} />
        <p class="lead">{t(lang, 'opendata.upload.lead')}</p>
        <p>{t(lang, 'opendata.upload.idempotent')}</p>
        <h2>{t(lang, 'opendata.page.templates')}</h2>
        <TemplateLinks lang={lang} />
        <UnitsToName lang={lang} units={units} />
        <form method="post" action="/workspace/import" enctype="multipart/form-data" class="form" novalidate>
          <FormAlert errors={errors} />
          <Csrf token={v.csrf} />
          <Select
            name="kind"
            label={t(lang, 'opendata.upload.kind')}
            values={values}
            errors={errors}
            required
            blank={t(lang, 'opendata.upload.kind_choose')}
            options={IMPORT_KINDS.map((k) => ({ value: k, label: t(lang, `opendata.kind.${k}`) }))}
          />
          <FileField
            name="file"
            label={t(lang, 'opendata.upload.file')}
            hint={t(lang, 'opendata.upload.file_hint')}
            errors={errors}
            required
            accept={UPLOAD_ACCEPT}
          />
          <div class="field">
            <label class="choice">
              <input type="checkbox" name="submit" value="yes" checked={values.submit === 'yes'} />{' '}
              {t(lang, 'opendata.upload.submit_after')}
            </label>
          </div>
          <button type="submit" class="button">
            {t(lang, 'opendata.upload.button')}
          </button>
        </form>
      </>
    ),
    status,
  );
}

const csvDataUrl = (csv: string) =>
  `data:text/csv;charset=utf-8;base64,${Buffer.from(csv).toString('base64')}`;

function RefusedRows({ kind, outcome, lang }: { kind: ImportKind; outcome: UploadOutcome; lang: Lang }) {
  return (
    <section aria-labelledby="refused">
      <h2 id="refused">{t(lang, 'opendata.result.refused_rows')}</h2>
      <p>{t(lang, 'opendata.result.refused_text')}</p>
      <p>
        <a class="button" href={csvDataUrl(outcome.errorsCsv)} download={`iranmade-${kind}-refused.csv`}>
          {t(lang, 'opendata.result.download')}
        </a>
      </p>
      <div class="scroll">
        <table class="table">
          <thead>
            <tr>
              {(['row', 'column', 'value', 'message'] as const).map((h) => (
                <th scope="col">{t(lang, `opendata.result.${h}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {outcome.firstRefused.flatMap((r) =>
              r.errors.map((e) => (
                <tr>
                  <td class="num">{formatNumber(e.row, lang)}</td>
                  <td>{e.column ? t(lang, `opendata.column.${e.column}` as MessageKey) : '—'}</td>
                  <td dir="ltr">{e.value}</td>
                  <td>{t(lang, e.key, e.params)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function resultPage(c: C, kind: ImportKind, outcome: UploadOutcome, submitted: boolean) {
  const lang = c.get('lang');
  const n = (x: number) => formatNumber(x, lang);
  const counts = [
    ['rows', outcome.rows],
    ['created', outcome.created],
    ['unchanged', outcome.unchanged],
    ['refused', outcome.invalid],
  ] as const;
  return render(c, t(lang, 'opendata.result.title'), () => (
    <>
      <Heading title={t(lang, 'opendata.result.title')} back={backToWorkspace(lang)} />
      <p class="muted">{t(lang, `opendata.kind.${kind}`)}</p>
      <ul class="figures" role="status">
        {counts.map(([key, count]) => (
          <li class={`result-${key}`}>
            <strong>{n(count)}</strong>
            <span>{t(lang, `opendata.result.${key}`)}</span>
          </li>
        ))}
      </ul>
      <p>
        {t(lang, 'opendata.result.speed', {
          rows: n(outcome.rows),
          seconds: formatNumber(outcome.seconds, lang, 2),
          rate: n(outcome.seconds > 0 ? outcome.rows / outcome.seconds : outcome.rows),
        })}
      </p>
      {outcome.created > 0 && (
        <p>{t(lang, submitted ? 'opendata.result.submitted' : 'opendata.result.drafts')}</p>
      )}
      {outcome.invalid > 0 && <RefusedRows kind={kind} outcome={outcome} lang={lang} />}
      <p>
        <a href="/workspace/import">{t(lang, 'opendata.result.again')}</a>
      </p>
    </>
  ));
}

const ImportForm = z.object({ kind: z.enum(IMPORT_KINDS, { error: 'field.required' }) });

/** Bulk import as an upload, for producers (into their own units) and admins. */
export function importPages(deps: Deps) {
  const app = new Hono<Env>();

  app.get('/workspace/import', (c) => {
    requireUser(c.get('user'), 'producer', 'admin');
    return importPage(c, deps, { kind: c.req.query('kind') ?? '' }, {});
  });

  app.post(
    '/workspace/import',
    // A larger body is refused before it is read, with the same message beside the field.
    bodyLimit({
      maxSize: UPLOAD_MAX_BYTES + 64 * 1024,
      onError: (c) => importPage(c, deps, {}, { file: t(c.get('lang'), 'opendata.upload.too_large') }, 413),
    }),
    async (c) => {
      const body = await c.req.parseBody();
      checkCsrf(c, body);
      const values = textValues(body);
      try {
        const { kind } = validate(ImportForm, values);
        const file = body.file;
        if (!(file instanceof File))
          return fail('validation', { fields: [{ field: 'file', key: 'field.required' }] });
        const bytes = new Uint8Array(await file.arrayBuffer());
        const submit = values.submit === 'yes';
        const outcome = await importUpload(deps, c.get('user'), kind, { name: file.name, bytes }, submit);
        return resultPage(c, kind, outcome, submit);
      } catch (err) {
        return importPage(c, deps, values, formErrorsOf(err, c.get('lang')), 400);
      }
    },
  );

  return app;
}
