import type { Ctx } from '../../context.ts';
import { takeSnapshot } from './snapshot-take.ts';
import { snapshotName } from './snapshots.ts';

export const SNAPSHOT_USAGE = `  iranmade snapshot                    take today's (UTC) open-data snapshot unless it is taken (for cron);
                                       prints its SHA256SUMS; exit code 75 while another process takes it`;

/** EX_TEMPFAIL: try again later. */
const BUSY = 75;

/** `iranmade snapshot`: returns the exit code. */
export async function runSnapshot(ctx: Ctx, out: (line: string) => void = console.log): Promise<number> {
  const outcome = await takeSnapshot(ctx);
  if (outcome.status === 'busy') {
    out(`the snapshot of ${outcome.day} is being taken by another process`);
    return BUSY;
  }
  if (outcome.status === 'done') {
    out(`the snapshot of ${outcome.day} was taken before; nothing to do`);
    return 0;
  }
  out(`snapshot of ${outcome.day} at log size ${outcome.logSize}, in ${outcome.seconds.toFixed(1)} s:`);
  for (const f of outcome.files) out(`${f.sha256}  ${snapshotName(f.file, f.format)}`);
  return 0;
}
