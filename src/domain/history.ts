/**
 * History as data: an event records the fields it changed, before and after; the current state of a
 * subject is every event's `after` applied in order. Services write projections with the same fold,
 * so replaying the events rebuilds them exactly.
 */
export type Snapshot = Record<string, unknown>;

/** Whether two values are written the same in JSON. */
const same = (a: unknown, b: unknown) =>
  a === b || (!(isScalar(a) && isScalar(b)) && JSON.stringify(a) === JSON.stringify(b));

/** Values whose JSON differs whenever they do, so compared as they are (not NaN: written null). */
const isScalar = (v: unknown) =>
  v == null || typeof v === 'string' || typeof v === 'boolean' || Number.isFinite(v);

/**
 * The fields that differ, with their values before and after, in the order of their names: the order
 * of canonical JSON, which the log hashes events in (src/domain/tlog/jcs.ts). Built from entries, as
 * objects with fast properties: key by key, V8 makes an object of this many fields a slow dictionary.
 */
export function changes(before: Snapshot, after: Snapshot): { before: Snapshot; after: Snapshot } {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .sort()
    .filter((key) => !same(before[key], after[key]));
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key] ?? null])),
    after: Object.fromEntries(keys.map((key) => [key, after[key] ?? null])),
  };
}

export function replay(events: Iterable<{ after: Snapshot }>): Snapshot {
  let state: Snapshot = {};
  for (const e of events) state = { ...state, ...e.after };
  return state;
}
