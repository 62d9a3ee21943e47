import { type Lang, t } from '../../i18n/index.ts';
import { Facts } from '../../web/components.tsx';
import { dateOf, digits, isicDivisionName, provinceName } from '../../web/format.ts';
import type { Producer } from './service.ts';

/** A class of activity under its division's title, in the reader's language. */
const isicLabel = (code: string, lang: Lang) =>
  `${digits(code, lang)} · ${isicDivisionName(code.slice(0, 2), lang) ?? ''}`;

/** The public fields of a unit, and for its staff and reviewers the private ones too. */
export function ProducerFacts({ p, lang, full }: { p: Producer; lang: Lang; full: boolean }) {
  return (
    <Facts
      rows={[
        [t(lang, 'web.unit.nationalId'), <span dir="ltr">{digits(p.nationalId, lang)}</span>],
        [t(lang, 'web.unit.nameFa'), <span lang="fa">{p.nameFa}</span>],
        [
          t(lang, 'web.unit.nameEn'),
          <span lang="en" dir="ltr">
            {p.nameEn}
          </span>,
        ],
        [t(lang, 'web.unit.province'), provinceName(p.province, lang)],
        [t(lang, 'web.unit.city'), p.city],
        [t(lang, 'web.unit.isic'), isicLabel(p.isic, lang)],
        ...(full
          ? ([[t(lang, 'web.unit.licenceNo'), <span dir="ltr">{p.licenceNo}</span>]] as [string, string][])
          : []),
        [t(lang, 'web.unit.address'), p.address ?? '—'],
        [t(lang, 'web.unit.phone'), p.phone ? <span dir="ltr">{digits(p.phone, lang)}</span> : '—'],
        [
          t(lang, 'web.unit.website'),
          p.website ? (
            <a href={p.website} rel="nofollow noopener">
              {p.website}
            </a>
          ) : (
            '—'
          ),
        ],
        [t(lang, 'web.unit.approvedAt'), dateOf(p.approvedAt, lang)],
      ]}
    />
  );
}
