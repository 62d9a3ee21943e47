import { describe, expect, it } from 'vitest';
import { progressLine } from './progress.ts';

const at = (bytes: number, rows: number) => ({
  rows,
  created: rows,
  unchanged: 0,
  invalid: 0,
  bytes,
  totalBytes: 1000,
});

describe('the progress bar of iranmade import', () => {
  it('shows the share of the file read, rows per second and the time left at that pace', () => {
    expect(progressLine(at(250, 5000), 10_000, 20)).toBe(
      '[#####...............]  25% · 5,000 rows · 500 rows/s · ~30s left',
    );
    expect(progressLine(at(100, 2000), 400_000, 10)).toBe(
      '[#.........]  10% · 2,000 rows · 5 rows/s · ~1h 00m left',
    );
  });

  it('shows no estimate once the whole file is read', () => {
    expect(progressLine(at(1000, 20_000), 40_000, 4)).toBe('[####] 100% · 20,000 rows · 500 rows/s');
  });
});
