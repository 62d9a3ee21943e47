/**
 * Every benchmark, one after another, each printing its figures beside its baseline from the same run.
 *   npm run bench                 quick sizes, to see that all of them run (a few minutes)
 *   npm run bench -- --full       the sizes the figures are quoted at (an hour or more)
 *   npm run bench -- search log   only these
 * The PostgreSQL runs use BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), each in a
 * throwaway schema; the PGlite runs use a temporary data directory.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Run {
  bench: string;
  label: string;
  args: { quick: string[]; full: string[] };
  /** Where it runs: a bench that measures both databases itself is told the server's URL too. */
  on: 'postgres' | 'pglite' | 'both';
}

const RUNS: Run[] = [
  {
    bench: 'search',
    label: 'search on PostgreSQL',
    on: 'postgres',
    args: { quick: ['--products', '20000', '--seconds', '5'], full: ['--products', '1000000'] },
  },
  {
    bench: 'search',
    label: 'search on PGlite',
    on: 'pglite',
    args: { quick: ['--products', '20000', '--seconds', '5'], full: ['--products', '100000'] },
  },
  {
    bench: 'log',
    label: 'transparency log on PostgreSQL',
    on: 'postgres',
    args: { quick: ['--rounds', '3', '--leaves', '100000'], full: [] },
  },
  {
    bench: 'log',
    label: 'transparency log on PGlite',
    on: 'pglite',
    args: { quick: ['--rounds', '3', '--leaves', '100000'], full: [] },
  },
  {
    bench: 'import',
    label: 'bulk import, both databases',
    on: 'both',
    args: { quick: ['--rows', '20000'], full: ['--rows', '1000000'] },
  },
  {
    bench: 'export',
    label: 'open-data export, both databases',
    on: 'both',
    args: { quick: ['--rows', '100000'], full: ['--rows', '1000000'] },
  },
];

const { values, positionals } = parseArgs({ options: { full: { type: 'boolean' } }, allowPositionals: true });
const chosen = RUNS.filter((r) => !positionals.length || positionals.includes(r.bench));
let failed = 0;
for (const run of chosen) {
  console.log(`\n━━ ${run.label} ━━`);
  const { BENCH_DATABASE_URL: _, ...env } = process.env;
  if (run.on !== 'pglite') env.BENCH_DATABASE_URL = SERVER;
  const args = values.full ? run.args.full : run.args.quick;
  const res = spawnSync('npx', ['tsx', `bench/${run.bench}.ts`, ...args], { stdio: 'inherit', env });
  if (res.status !== 0) {
    failed += 1;
    console.error(`${run.label}: exited with ${res.status ?? res.signal}`);
  }
}
process.exitCode = failed ? 1 : 0;
