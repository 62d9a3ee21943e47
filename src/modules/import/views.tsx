import { LANGS, type Lang, t } from '../../i18n/index.ts';
import { IMPORT_KINDS } from './schema.ts';

/** Templates of both kinds, each with Persian and with English column names. */
export function TemplateLinks({ lang }: { lang: Lang }) {
  return (
    <ul class="templates">
      {IMPORT_KINDS.map((kind) => (
        <li>
          <strong>{t(lang, `opendata.kind.${kind}`)}</strong>
          {LANGS.map((columns) => (
            <>
              {' · '}
              <a href={`/api/v1/opendata/templates/${kind}.csv?lang=${columns}`} download>
                {t(lang, `opendata.template.csv_${columns}`)}
              </a>
            </>
          ))}
        </li>
      ))}
    </ul>
  );
}

/** The templates as the open-data page offers them, with what they are for and the way to the upload. */
export function ImportTemplates({ lang }: { lang: Lang }) {
  return (
    <section aria-labelledby="templates">
      <h2 id="templates">{t(lang, 'opendata.page.templates')}</h2>
      <p>{t(lang, 'opendata.page.templates_text')}</p>
      <TemplateLinks lang={lang} />
      <p>
        <a href="/workspace/import">{t(lang, 'opendata.upload.title')}</a>
      </p>
    </section>
  );
}
