// Start-up as the README quotes it: nice npx tsx bench/startup.ts [--runs 7] [VARIANT...]
/**
 * From the command (`node bin/iranmade.js serve`, what `npm start` runs) to the first answered request
 * (`GET /api/health` answering 200, asked every 20 ms), on the embedded database (PGlite, fsync on):
 *  - the first start, on an empty data folder: the demo catalog is loaded before the server answers;
 *  - restarts on the folder the first start left, `--runs` of them (median quoted): the figure named
 *    "restart" in the README; beside it the seconds the server itself logs (`readyInSeconds`, from its
 *    first line of code), the rest being Node's start, the launcher's compile and the module loading;
 *    and the CPU seconds the launcher and the server had used by the first answer (from /proc), which a
 *    shared machine's load changes less than the wall-clock time.
 * A VARIANT is LABEL=NODE or LABEL=NODE@PROJECT: the Node.js binary to run, and the project folder
 * whose launcher it runs (default: this one). Without one, the Node that runs this script. The
 * variants take turns restart by restart, so that a shared machine's load falls on each alike; the
 * first variant is the baseline of the ratios. IRANMADE_SNAPSHOTS=off: the day's open-data snapshot
 * is work after the start, not part of it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { commandPid } from './launch.ts';

const { values, positionals } = parseArgs({
  options: { runs: { type: 'string' } },
  allowPositionals: true,
});
const RUNS = Number(values.runs ?? 7);
const HERE = join(import.meta.dirname, '..');

interface Variant {
  label: string;
  node: string;
  project: string;
  dataDir: string;
  first?: Start;
  restarts: Start[];
}
interface Start {
  /** From the spawn to the first answer. */
  answered: number;
  /** What the server logs as its own time to ready. */
  server: number;
  /** CPU seconds of the launcher (with the esbuild it ran) and the server, at the first answer. */
  cpu: number;
  /** The demo load, on a first start. */
  demo?: number;
}

const variants: Variant[] = (positionals.length ? positionals : [`this=${process.execPath}`]).map((arg) => {
  const m = /^([^=]+)=([^@]+)(?:@(.+))?$/.exec(arg);
  if (!m) throw new Error(`a variant is LABEL=NODE or LABEL=NODE@PROJECT, not ${arg}`);
  const [, label = '', node = '', project = HERE] = m;
  return { label, node, project, dataDir: mkdtempSync(join(tmpdir(), 'iranmade-startup-')), restarts: [] };
});

/** CPU seconds of a process: its own, and with `waited` those of the children it has waited for. */
function cpuOf(pid: number | undefined, waited: boolean): number {
  if (!pid) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    // utime, stime, cutime, cstime: fields 14 to 17 of proc(5), in ticks of 1/100 s.
    const [utime = 0, stime = 0, cutime = 0, cstime = 0] = fields.slice(11, 15);
    return (utime + stime + (waited ? cutime + cstime : 0)) / 100;
  } catch {
    return Number.NaN;
  }
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function start(v: Variant): Promise<Start> {
  const port = await freePort();
  const began = performance.now();
  const child = spawn(v.node, [join(v.project, 'bin', 'iranmade.js'), 'serve'], {
    cwd: v.project,
    env: {
      ...process.env,
      DATA_DIR: v.dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      IRANMADE_DEMO: 'auto',
      IRANMADE_SNAPSHOTS: 'off',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let server = Number.NaN;
  let demo: number | undefined;
  let rest = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      const event = JSON.parse(line);
      if (event.msg === 'iranmade is ready') server = event.readyInSeconds;
      if (event.msg === 'demo catalog loaded') demo = event.seconds;
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let answered = Number.NaN;
  let cpu = Number.NaN;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${v.label}: the server exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) {
      answered = (performance.now() - began) / 1000;
      cpu = cpuOf(child.pid, true) + cpuOf(commandPid(child), false);
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill('SIGTERM');
  await exited;
  return { answered, server, cpu, demo };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const f = (x: number) => x.toFixed(2);

try {
  for (const v of variants) {
    const version = await new Promise<string>((resolve) => {
      const p = spawn(v.node, ['--version'], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      p.stdout.setEncoding('utf8').on('data', (c: string) => {
        out += c;
      });
      p.once('exit', () => resolve(out.trim()));
    });
    console.log(`${v.label}: Node.js ${version} (${v.node}), launcher of ${v.project}`);
  }
  console.log(`load average at the start: ${loadavg().map(f).join(' ')}\n`);
  // The first starts one after another: each loads the demo catalog (a minute or so).
  for (const v of variants) {
    v.first = await start(v);
    console.log(
      `${v.label} first start: ${f(v.first.answered)} s to the first answer (demo load ${v.first.demo} s)`,
    );
  }
  for (let run = 1; run <= RUNS; run++) {
    const line: string[] = [];
    for (const v of variants) {
      const s = await start(v);
      v.restarts.push(s);
      line.push(`${v.label} ${f(s.answered)} (server ${f(s.server)}, CPU ${f(s.cpu)})`);
    }
    console.log(`restart ${run}: ${line.join(', ')}`);
  }
  console.log(`load average at the end: ${loadavg().map(f).join(' ')}\n`);
  const base = variants[0] as Variant;
  const baseAnswered = median(base.restarts.map((s) => s.answered));
  const baseCpu = median(base.restarts.map((s) => s.cpu));
  console.log(
    '| variant | first start (demo load) | restart, median (range) | of which the server itself | ratio | CPU s to the first answer, median | ratio |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const v of variants) {
    const answered = median(v.restarts.map((s) => s.answered));
    const cpu = median(v.restarts.map((s) => s.cpu));
    console.log(
      `| ${v.label} | ${f(v.first?.answered ?? Number.NaN)} (${v.first?.demo}) | ${f(answered)} ` +
        `(${f(Math.min(...v.restarts.map((s) => s.answered)))}–${f(Math.max(...v.restarts.map((s) => s.answered)))}) | ` +
        `${f(median(v.restarts.map((s) => s.server)))} | ${(answered / baseAnswered).toFixed(2)} | ` +
        `${f(cpu)} | ${(cpu / baseCpu).toFixed(2)} |`,
    );
  }
} finally {
  for (const v of variants) rmSync(v.dataDir, { recursive: true, force: true });
}
