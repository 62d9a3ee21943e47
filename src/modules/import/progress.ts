import type { ImportProgress } from './service.ts';

const duration = (seconds: number) => {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
};

/**
 * One line of the command line's progress bar. The estimate comes from the share of the file read,
 * which for a .xlsx is its compressed bytes, close enough to its rows.
 */
export function progressLine(p: ImportProgress, elapsedMs: number, width = 30): string {
  const share = p.totalBytes ? Math.min(1, p.bytes / p.totalBytes) : 1;
  const filled = Math.round(share * width);
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(p.rows / seconds) : 0;
  const left = share > 0 && share < 1 ? ` · ~${duration((seconds * (1 - share)) / share)} left` : '';
  return (
    `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%` +
    ` · ${p.rows.toLocaleString('en')} rows · ${rate.toLocaleString('en')} rows/s${left}`
  );
}
