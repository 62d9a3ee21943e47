#!/usr/bin/env node
// Runs the TypeScript command line through tsx, so the package needs no build step.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
// glibc's malloc keeps large freed blocks (the search index's arrays as they grow) unless its mmap
// threshold is fixed: at a million products the server then holds 120 MB less (ADR 0002).
const env = { MALLOC_MMAP_THRESHOLD_: '131072', ...process.env };
const { status } = spawnSync(process.execPath, [tsx, join(here, '..', 'src', 'cli.ts'), ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(status ?? 1);
