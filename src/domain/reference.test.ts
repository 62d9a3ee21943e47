import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  GENERATED_FILE,
  generate,
  parseCsv,
  readCsvTexts,
  sharedDataDir,
} from '../../scripts/gen-reference.ts';
import {
  HS_CHAPTERS,
  HS_SECTIONS,
  hsChapter,
  hsChapterTitle,
  isicDivision,
  isProvinceCode,
  MANUFACTURING_DIVISIONS,
  PROVINCES,
  province,
} from './reference.ts';

const twoDigits = (n: number) => String(n).padStart(2, '0');

describe('provinces', () => {
  it('are the 31 provinces coded IR-00 to IR-30', () => {
    expect(PROVINCES.map((p) => p.code)).toEqual(Array.from({ length: 31 }, (_, i) => `IR-${twoDigits(i)}`));
  });

  it('code Tehran as IR-23, its code since the 2020 renumbering', () => {
    expect(province('IR-23')).toEqual({ code: 'IR-23', nameEn: 'Tehran', nameFa: 'تهران' });
  });

  it('do not accept codes outside IR-00 to IR-30', () => {
    expect(isProvinceCode('IR-30')).toBe(true);
    expect(isProvinceCode('IR-31')).toBe(false);
    expect(isProvinceCode('ir-23')).toBe(false);
    expect(province('IR-99')).toBeUndefined();
  });
});

describe('HS chapters', () => {
  it('are the 97 chapters 01 to 97 in order', () => {
    expect(HS_CHAPTERS.map((c) => c.chapter)).toEqual(Array.from({ length: 97 }, (_, i) => twoDigits(i + 1)));
  });

  it('keep chapter 77 as reserved by the Harmonized System, without a Persian title', () => {
    expect(hsChapter('77')?.titleEn).toMatch(/^\(Reserved/);
    expect(hsChapter('77')?.titleFa).toBeNull();
  });

  it("have a Persian title for every chapter but the reserved 77, five of them from the project's own file", () => {
    expect(HS_CHAPTERS.filter((c) => c.titleFa === null).map((c) => c.chapter)).toEqual(['77']);
    expect(hsChapterTitle('75', 'fa')).toBe('نیکل و مصنوعات از نیکل');
    expect(hsChapterTitle('75', 'en')).toBe('Nickel and articles thereof');
  });

  it('show the Persian title in Persian when there is one', () => {
    expect(hsChapterTitle('72', 'fa')).toBe('چدن، آهن و فولاد');
    expect(hsChapterTitle('72', 'en')).toBe('Iron and steel');
  });

  it('have no title for a chapter that does not exist', () => {
    expect(hsChapterTitle('98', 'en')).toBeUndefined();
    expect(hsChapter('7')).toBeUndefined();
  });

  it('are grouped into the 21 sections I to XXI, every chapter in exactly one', () => {
    expect(HS_SECTIONS).toHaveLength(21);
    expect(HS_SECTIONS[0]).toEqual({ section: 'I', chapters: ['01', '02', '03', '04', '05'] });
    expect(HS_SECTIONS.at(-1)).toEqual({ section: 'XXI', chapters: ['97'] });
    expect(HS_SECTIONS.flatMap((s) => s.chapters)).toEqual(HS_CHAPTERS.map((c) => c.chapter));
  });
});

describe('ISIC', () => {
  it('lists the manufacturing divisions 10 to 33', () => {
    expect(MANUFACTURING_DIVISIONS.map((d) => d.code)).toEqual(
      Array.from({ length: 24 }, (_, i) => String(i + 10)),
    );
  });

  it('finds a division by its code, but not a section', () => {
    expect(isicDivision('24')?.titleEn).toBe('Manufacture of basic metals');
    expect(isicDivision('C')).toBeUndefined();
  });
});

describe('the reference data generator', () => {
  it('reads quoted CSV fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,b,c\r\n"x, y","say ""hi""","two\nlines"\n1,,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['1', '', '3'],
    ]);
  });

  it('refuses a CSV file whose columns are not the expected ones', () => {
    expect(() =>
      generate({ provinces: 'code,name\nIR-00,Markazi\n', hsChapters: '', isic: '', hsChapterTitlesFa: '' }),
    ).toThrow(/provinces\.csv/);
  });

  it.runIf(existsSync(sharedDataDir()))(
    "refuses a Persian title of the project's own for a chapter the shared data titles, or none has",
    () => {
      const texts = readCsvTexts(sharedDataDir());
      for (const [row, problem] of [
        ['72,آهن', /titles chapter 72 now/],
        ['98,کالا', /no chapter 98/],
      ] as const) {
        expect(() => generate({ ...texts, hsChapterTitlesFa: `chapter,title_fa\n${row}\n` })).toThrow(
          problem,
        );
      }
    },
  );

  it.runIf(existsSync(sharedDataDir()))('has written the generated file from the current CSV files', () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(generate(readCsvTexts(sharedDataDir())));
  });
});
