// Renders the reference CSV files of shared/data into src/domain/reference-data.generated.ts, with the
// Persian titles of the HS chapters that shared/data lacks from reference/hs-chapter-titles-fa.csv (a
// chapter the shared file titles since is refused there, so the project's file only ever shrinks).
// Usage: npx tsx scripts/gen-reference.ts   (SHARED_DATA_DIR overrides ../shared/data)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface ReferenceCsvTexts {
  provinces: string;
  hsChapters: string;
  isic: string;
  /** The project's own: Persian titles of chapters hs-chapters.csv has none for. */
  hsChapterTitlesFa: string;
}

export const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const GENERATED_FILE = resolve(REPOSITORY_ROOT, 'src/domain/reference-data.generated.ts');
const CHAPTER_TITLES_FA = resolve(REPOSITORY_ROOT, 'reference/hs-chapter-titles-fa.csv');

export function sharedDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.SHARED_DATA_DIR ?? resolve(REPOSITORY_ROOT, '../shared/data');
}

export function readCsvTexts(dir: string): ReferenceCsvTexts {
  const read = (name: string) => readFileSync(resolve(dir, name), 'utf8');
  return {
    provinces: read('provinces.csv'),
    hsChapters: read('hs-chapters.csv'),
    isic: read('isic-rev4.csv'),
    hsChapterTitlesFa: readFileSync(CHAPTER_TITLES_FA, 'utf8'),
  };
}

/** RFC 4180: fields may be quoted, quoted fields may hold commas, newlines and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** Rows as objects keyed by the header, failing loudly when the expected columns are not there. */
function records<K extends string>(text: string, columns: readonly K[], file: string): Record<K, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header || columns.some((c, i) => header[i] !== c)) {
    throw new Error(`${file}: expected the columns ${columns.join(',')}, found ${header?.join(',')}`);
  }
  return rows.map((row, n) => {
    if (row.length !== columns.length) {
      throw new Error(`${file}: row ${n + 2} has ${row.length} fields, expected ${columns.length}`);
    }
    return Object.fromEntries(columns.map((c, i) => [c, row[i]])) as Record<K, string>;
  });
}

/** A string literal the way the formatter (Biome) writes it: single quotes unless that needs more escapes. */
function literal(value: string): string {
  const singles = value.split("'").length - 1;
  const doubles = value.split('"').length - 1;
  const quote = singles > doubles ? '"' : "'";
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replaceAll(quote, `\\${quote}`)
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r');
  return `${quote}${escaped}${quote}`;
}

const LINE_WIDTH = 110;

/** Columns a line takes on screen: combining marks and zero-width joiners take none. */
function displayWidth(line: string): number {
  return [...line.replace(/[\p{M}\u200B-\u200F]/gu, '')].length;
}

/** One property a line, moved under its key when too long, as the formatter does. */
function objectLiteral(fields: Record<string, string>): string {
  const lines = Object.entries(fields).map(([key, value]) => {
    const line = `    ${key}: ${value},`;
    return displayWidth(line) <= LINE_WIDTH ? line : `    ${key}:\n      ${value},`;
  });
  return `  {\n${lines.join('\n')}\n  },`;
}

function arrayConstant(name: string, type: string, items: string[]): string {
  return `export const ${name}: readonly ${type}[] = [\n${items.join('\n')}\n];\n`;
}

export function generate(csv: ReferenceCsvTexts): string {
  const provinces = records(csv.provinces, ['iso_code', 'name_en', 'name_fa'], 'provinces.csv');
  const chapters = records(csv.hsChapters, ['chapter', 'section', 'title_en', 'title_fa'], 'hs-chapters.csv');
  const isic = records(csv.isic, ['code', 'level', 'title_en'], 'isic-rev4.csv');
  for (const { chapter, title_fa } of records(
    csv.hsChapterTitlesFa,
    ['chapter', 'title_fa'],
    'hs-chapter-titles-fa.csv',
  )) {
    const shared = chapters.find((c) => c.chapter === chapter);
    if (!shared) throw new Error(`hs-chapter-titles-fa.csv: there is no chapter ${chapter}`);
    if (shared.title_fa.trim())
      throw new Error(
        `hs-chapter-titles-fa.csv: hs-chapters.csv titles chapter ${chapter} now; remove it here`,
      );
    shared.title_fa = title_fa;
  }

  const sections = new Map<string, string[]>();
  for (const { chapter, section } of chapters) {
    sections.set(section, [...(sections.get(section) ?? []), chapter]);
  }
  for (const { code, level } of isic) {
    if (level !== 'section' && level !== 'division')
      throw new Error(`isic-rev4.csv: ${code} has level ${level}`);
  }

  return [
    '// Generated by scripts/gen-reference.ts from shared/data/*.csv and reference/*.csv: do not edit, run `npx tsx scripts/gen-reference.ts`.',
    '',
    'export interface Province {\n  readonly code: string;\n  readonly nameEn: string;\n  readonly nameFa: string;\n}',
    '',
    'export interface HsSection {\n  readonly section: string;\n  readonly chapters: readonly string[];\n}',
    '',
    'export interface HsChapter {\n  readonly chapter: string;\n  readonly section: string;\n  readonly titleEn: string;\n  readonly titleFa: string | null;\n}',
    '',
    "export interface IsicEntry {\n  readonly code: string;\n  readonly level: 'section' | 'division';\n  readonly titleEn: string;\n}",
    '',
    arrayConstant(
      'PROVINCES',
      'Province',
      provinces.map((p) =>
        objectLiteral({ code: literal(p.iso_code), nameEn: literal(p.name_en), nameFa: literal(p.name_fa) }),
      ),
    ),
    arrayConstant(
      'HS_SECTIONS',
      'HsSection',
      [...sections].map(([section, list]) =>
        objectLiteral({ section: literal(section), chapters: `[${list.map(literal).join(', ')}]` }),
      ),
    ),
    arrayConstant(
      'HS_CHAPTERS',
      'HsChapter',
      chapters.map((c) =>
        objectLiteral({
          chapter: literal(c.chapter),
          section: literal(c.section),
          titleEn: literal(c.title_en),
          titleFa: c.title_fa.trim() === '' ? 'null' : literal(c.title_fa),
        }),
      ),
    ),
    arrayConstant(
      'ISIC',
      'IsicEntry',
      isic.map((e) =>
        objectLiteral({ code: literal(e.code), level: literal(e.level), titleEn: literal(e.title_en) }),
      ),
    ).trimEnd(),
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = sharedDataDir();
  writeFileSync(GENERATED_FILE, generate(readCsvTexts(dir)));
  console.log(`wrote ${GENERATED_FILE} from ${dir}`);
}
