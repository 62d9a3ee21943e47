import type { Deps } from '../../context.ts';
import { type TakeOutcome, takeSnapshot } from './snapshot-take.ts';

/** After start-up's own work (the search index's load), a pause for the first visitors. */
const FIRST_TRY_MS = 30_000;
/** After a failure, or while another process takes the day: it may die, and then this one takes over. */
const RETRY_MS = 15 * 60_000;
/** Past midnight, so that a clock a little behind the others still names the new day. */
const AFTER_MIDNIGHT_MS = 60_000;

const untilTomorrow = (now: Date) =>
  Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - now.getTime() + AFTER_MIDNIGHT_MS;

function report(deps: Deps, outcome: TakeOutcome) {
  if (outcome.status !== 'taken') return deps.log.debug(outcome, 'open-data snapshot not needed');
  const bytes = outcome.files.reduce((sum, f) => sum + f.bytes, 0);
  const { day, logSize, seconds } = outcome;
  deps.log.info({ day, logSize, seconds, bytes }, 'open-data snapshot taken');
}

interface Schedule {
  /** What start-up does first; the first try waits for it, then for `firstTryMs`. */
  after?: Promise<unknown>;
  firstTryMs?: number;
}

/**
 * Takes the day's open-data snapshot soon after start (if no process has), then after each UTC
 * midnight; returns the stop, which abandons a snapshot under way (it leaves nothing behind).
 */
export function startSnapshots(
  deps: Deps,
  { after = Promise.resolve(), firstTryMs = FIRST_TRY_MS }: Schedule = {},
): () => Promise<void> {
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let work: Promise<void> = Promise.resolve();
  const later = (ms: number) => {
    if (!abort.signal.aborted) timer = setTimeout(run, ms);
  };
  const run = () => {
    work = takeSnapshot(deps, abort.signal).then(
      (outcome) => {
        report(deps, outcome);
        later(outcome.status === 'busy' ? RETRY_MS : untilTomorrow(deps.now()));
      },
      (err) => {
        if (abort.signal.aborted) return;
        deps.log.error({ err }, 'open-data snapshot failed');
        later(RETRY_MS);
      },
    );
  };
  void after.then(() => later(firstTryMs));
  return async () => {
    abort.abort();
    clearTimeout(timer);
    await work;
  };
}
