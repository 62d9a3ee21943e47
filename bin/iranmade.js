#!/usr/bin/env node
// Runs the command line, compiled from its TypeScript at every start (bin/compile.js). `npm start` and
// `npm run iranmade` come through here too, so that every way of running it runs Node alike.
import { spawn } from 'node:child_process';
import { refusal, supports } from './supported-node.js';

if (!supports(process.versions.node)) {
  console.error(refusal(process.versions.node, process.execPath));
  process.exit(1);
}
// Loaded once the version is known to be one it runs on.
const { compile } = await import('./compile.js');

const args = process.argv.slice(2);
// glibc's malloc keeps large freed blocks (the search index's arrays as they grow) unless its mmap
// threshold is fixed: at a million products the server then holds 120 MB less (ADR 0002).
const env = { MALLOC_MMAP_THRESHOLD_: '131072', ...process.env };
// A command (an import, a snapshot) keeps V8's young generation at 4 MB a half instead of 16: an
// import's peak is 25-30 MB lower at the same speed (ADR 0004). The server keeps 16, Node 20's
// default, with which its index build is measured (ADR 0002): Node 24's V8 would grow it to 64, and
// the server would hold 85 MB more under load at the same speed (ADR 0011).
const nodeFlags = ['--enable-source-maps', `--max-semi-space-size=${args[0] === 'serve' ? 16 : 4}`];
// The server collects its garbage at the two moments that set the index build's peak (ADR 0002).
if (args[0] === 'serve') nodeFlags.push('--expose-gc');
// The embedded database (PGlite) is WebAssembly. Node 24's V8 recompiles its busiest functions with
// an optimizing compiler that holds about 500 MB while it works, a few seconds after each start; with
// the baseline compiler alone the server and an import peak as on Node 20, and run as fast (ADR 0011).
nodeFlags.push('--liftoff-only');
const compiled = await compile().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
const child = spawn(process.execPath, [...nodeFlags, compiled, ...args], { stdio: 'inherit', env });
// Ctrl-C reaches the whole process group, the command too: the launcher waits for it to finish. A
// service manager's SIGTERM reaches the launcher alone: it is passed on.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
