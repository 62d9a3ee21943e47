/**
 * Runs `iranmade` as people run it: through bin/iranmade.js, which compiles the command line and runs it
 * in a child process with its Node flags. The benchmarks measure that child: the launcher only waits.
 */
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const LAUNCHER = join(import.meta.dirname, '..', 'bin', 'iranmade.js');

export function launch(args: string[], options: SpawnOptions): ChildProcess {
  return spawn(process.execPath, [LAUNCHER, ...args], options);
}

/** The command's own process, once the launcher has started it. */
export function commandPid(launcher: ChildProcess): number | undefined {
  try {
    const children = readFileSync(`/proc/${launcher.pid}/task/${launcher.pid}/children`, 'utf8');
    return Number(children.trim().split(' ')[0]) || undefined;
  } catch {
    return undefined;
  }
}

/** kB of a process's resident memory, now and at its peak; null once it has ended. */
export function memoryOf(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    // A process that has exited but not been reaped has a status without memory lines.
    return kb('VmRSS') ? { rss: kb('VmRSS'), peak: kb('VmHWM') } : null;
  } catch {
    return null;
  }
}
