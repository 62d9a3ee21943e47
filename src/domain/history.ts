/**
 * History as data: an event records the fields it changed, before and after; the current state of a
 * subject is every event's `after` applied in order. Services write projections with the same fold,
 * so replaying the events rebuilds them exactly.
 */
export type Snapshot = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields that differ, with their values before and after. */
export function changes(before: Snapshot, after: Snapshot): { before: Snapshot; after: Snapshot } {
  const b: Snapshot = {};
  const a: Snapshot = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (same(before[key], after[key])) continue;
    b[key] = before[key] ?? null;
    a[key] = after[key] ?? null;
  }
  return { before: b, after: a };
}

export function replay(events: Iterable<{ after: Snapshot }>): Snapshot {
  let state: Snapshot = {};
  for (const e of events) state = { ...state, ...e.after };
  return state;
}
