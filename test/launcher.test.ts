import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';

const LAUNCHER = join(import.meta.dirname, '..', 'bin', 'iranmade.js');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** `iranmade serve` through the launcher, as `npm start` runs it, on an empty embedded database. */
async function serve() {
  const dir = mkdtempSync(join(tmpdir(), 'iranmade-launcher-'));
  const port = await freePort();
  const child = spawn(process.execPath, [LAUNCHER, 'serve'], {
    env: {
      ...process.env,
      DATA_DIR: dir,
      PORT: String(port),
      HOST: '127.0.0.1',
      IRANMADE_DEMO: 'off',
      IRANMADE_SNAPSHOTS: 'off',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    // A group of its own, so that a failed test can stop the launcher and everything it started.
    detached: true,
  });
  const messages: string[] = [];
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) messages.push(JSON.parse(line).msg);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await vi.waitFor(() => expect(messages).toContain('iranmade is ready'), { timeout: 60_000, interval: 100 });
  return { child, dir, port, messages, exited };
}

const answers = (port: number) =>
  fetch(`http://127.0.0.1:${port}/api/health`).then(
    (r) => r.ok,
    () => false,
  );

describe('stopping the server', () => {
  let running: { child: ChildProcess; dir: string } | undefined;
  afterEach(() => {
    if (running?.child.exitCode === null) process.kill(-(running.child.pid as number), 'SIGKILL');
    if (running) rmSync(running.dir, { recursive: true, force: true });
  });

  it('passes a SIGTERM to the launcher (as npm start runs it) on to the server, which stops whole', async () => {
    const server = await serve();
    running = server;
    expect(await answers(server.port)).toBe(true);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.messages.at(-1)).toBe('stopped');
    expect(await answers(server.port)).toBe(false);
  }, 90_000);

  it("runs the server with V8 held to Node 20's memory: the embedded database's WebAssembly on the baseline compiler alone, semi-spaces of 16 MB (ADR 0011)", async () => {
    const server = await serve();
    running = server;
    const pid = server.child.pid as number;
    const command = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ')[0];
    const argv = readFileSync(`/proc/${command}/cmdline`, 'utf8').split('\0');
    expect(argv).toContain('--liftoff-only');
    expect(argv).toContain('--max-semi-space-size=16');
    const script = argv.findIndex((a) => a.endsWith('.mjs'));
    expect(argv.indexOf('--liftoff-only')).toBeLessThan(script);
    expect(argv.indexOf('--max-semi-space-size=16')).toBeLessThan(script);
  }, 90_000);
});

describe('the compiled command line', () => {
  const run = (env: Record<string, string>, ...args: string[]) =>
    promisify(execFile)(process.execPath, [LAUNCHER, ...args], { env: { ...process.env, ...env } }).then(
      ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
      (err: { code: number; stdout: string; stderr: string }) => err,
    );

  it('runs in several processes started at once, each compiling the same code', async () => {
    const runs = await Promise.all([1, 2, 3].map(() => run({}, 'help')));
    for (const r of runs) {
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('iranmade import units|products FILE');
    }
  }, 60_000);

  it('stops with a plain message when the compiled file cannot be written', async () => {
    const readOnly = mkdtempSync(join(tmpdir(), 'iranmade-readonly-'));
    try {
      // A copy of the launcher beside a node_modules whose cache it may not write.
      cpSync(join(import.meta.dirname, '..', 'bin'), join(readOnly, 'bin'), { recursive: true });
      cpSync(join(import.meta.dirname, '..', 'src'), join(readOnly, 'src'), { recursive: true });
      cpSync(join(import.meta.dirname, '..', 'package.json'), join(readOnly, 'package.json'));
      mkdirSync(join(readOnly, 'node_modules', '.cache'), { recursive: true });
      symlinkSync(
        join(import.meta.dirname, '..', 'node_modules', 'esbuild'),
        join(readOnly, 'node_modules', 'esbuild'),
      );
      writeFileSync(join(readOnly, 'node_modules', '.cache', 'iranmade'), 'not a folder');
      const r = await promisify(execFile)(process.execPath, [
        join(readOnly, 'bin', 'iranmade.js'),
        'help',
      ]).then(
        () => ({ code: 0, stderr: '' }),
        (err: { code: number; stderr: string }) => err,
      );
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toMatch(
        /^cannot write the compiled command line into .* \(E\w+\): run npm install/,
      );
    } finally {
      rmSync(readOnly, { recursive: true, force: true });
    }
  }, 60_000);

  it("names the TypeScript's own files and lines in a stack trace", async () => {
    const r = await run({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }, 'migrate');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ECONNREFUSED');
    expect(r.stderr).toContain(`${join(import.meta.dirname, '..', 'src', 'db', 'migrator.ts')}:`);
  }, 60_000);
});

describe('the Node.js it runs on', () => {
  const PROJECT = join(import.meta.dirname, '..');
  /** The launcher run on this Node made to say it is `version`, as an older or newer Node would. */
  const runAs = (version: string, launcher: string, ...args: string[]) =>
    promisify(execFile)(process.execPath, [
      '--import',
      `data:text/javascript,Object.defineProperty(process.versions,'node',{value:'${version}'})`,
      launcher,
      ...args,
    ]).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (err: { code: number; stdout: string; stderr: string }) => err,
    );

  /** A copy of the launcher and package.json alone: it can run nothing past its check of the version. */
  function launcherAlone(withPackagedNode: boolean) {
    const dir = mkdtempSync(join(tmpdir(), 'iranmade-node-version-'));
    cpSync(join(PROJECT, 'bin'), join(dir, 'bin'), { recursive: true });
    cpSync(join(PROJECT, 'package.json'), join(dir, 'package.json'));
    if (withPackagedNode) {
      mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
      symlinkSync(process.execPath, join(dir, 'node_modules', '.bin', 'node'));
    }
    return dir;
  }
  const copies: string[] = [];
  afterEach(() => {
    for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to start on Node.js 20 with one line naming the versions it runs on and the Node.js npm install brought', async () => {
    const dir = launcherAlone(true);
    copies.push(dir);
    const r = await runAs('20.19.0', join(dir, 'bin', 'iranmade.js'), 'serve');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      `iranmade needs Node.js 22.12 or a later 22, or 24 or later, not 20.19.0 (${process.execPath}): ` +
        'run it as npm start, npm run iranmade or npx iranmade, or with ' +
        `${join(dir, 'node_modules', '.bin', 'node')}, the Node.js 24 that npm install brought`,
    ]);
  });

  it('says to run npm install where it has brought no Node.js yet', async () => {
    const dir = launcherAlone(false);
    copies.push(dir);
    const r = await runAs('20.19.0', join(dir, 'bin', 'iranmade.js'), 'serve');
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('not 20.19.0');
    expect(r.stderr).toContain(': run npm install, which brings Node.js 24 into node_modules/.bin');
  });

  it('refuses a 22 older than 22.12 and the odd-numbered 23, and runs on 22.12 and on 24', async () => {
    for (const version of ['22.11.0', '23.11.1']) {
      const r = await runAs(version, LAUNCHER, 'help');
      expect(r.code, version).toBe(1);
      expect(r.stderr, version).toContain(
        `iranmade needs Node.js 22.12 or a later 22, or 24 or later, not ${version}`,
      );
    }
    for (const version of ['22.12.0', '24.0.0']) {
      const r = await runAs(version, LAUNCHER, 'help');
      expect(r.code, version).toBe(0);
      expect(r.stdout, version).toContain('iranmade import units|products FILE');
    }
  }, 60_000);

  const pkg = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8'));
  const packagedNode = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
  it.runIf(packagedNode in pkg.optionalDependencies)(
    'is brought by npm install as Node.js 24 into node_modules/.bin, the version package.json pins for this system',
    async () => {
      const { stdout } = await promisify(execFile)(join(PROJECT, 'node_modules', '.bin', 'node'), [
        '--version',
      ]);
      expect(stdout.trim()).toBe(`v${pkg.optionalDependencies[packagedNode]}`);
      expect(stdout).toMatch(/^v24\./);
    },
  );
});
