/**
 * What a reviewer is shown of a submission, as rules: the decisions its state allows and how they
 * group when a proposed change is under review, and what a submission sent again answers (the last
 * decision that sent it back, and the fields changed since).
 */
import { replay, type Snapshot } from './history.ts';
import { canonicalJson } from './tlog/jcs.ts';
import {
  DECISIONS,
  type Decision,
  type EventType,
  moveOf,
  REVISION_ACTIONS,
  type Status,
} from './workflow.ts';

/**
 * The decisions the state machine allows from here; while a proposed change (in state `revision`) is
 * under review, the decisions about it are taken from its state, the others from the registration's.
 */
export const decisionsFrom = (status: Status, revision?: Status): Decision[] =>
  DECISIONS.filter((d) =>
    moveOf(d).from.includes(revision && REVISION_ACTIONS.includes(d) ? revision : status),
  );

/** What a decision is about when a proposed change is under review: the change, or the registration. */
export type DecisionAbout = 'revision' | 'registration';
export const aboutOf = (d: Decision): DecisionAbout =>
  REVISION_ACTIONS.includes(d) ? 'revision' : 'registration';

/**
 * The allowed decisions as a reviewer is offered them: with a proposed change under review, those about
 * it and then those about the registration, told apart; else one group. A group may be empty.
 */
export function decisionGroups(
  allowed: readonly Decision[],
  revision: boolean,
): { about?: DecisionAbout; decisions: Decision[] }[] {
  const offered = DECISIONS.filter((d) => allowed.includes(d));
  if (!revision) return [{ decisions: offered }];
  return (['revision', 'registration'] as const).map((about) => ({
    about,
    decisions: offered.filter((d) => aboutOf(d) === about),
  }));
}

/** A value with every list in a canonical order of its items: the order of export markets is not a change. */
function unordered(v: unknown): unknown {
  if (Array.isArray(v))
    return v
      .map((x) => {
        const item = unordered(x);
        return { item, key: canonicalJson(item) ?? 'null' };
      })
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((x) => x.item);
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unordered(x)]));
  return v;
}

/**
 * Whether a reviewer reads two values as the same: the same canonical JSON (RFC 8785, so the order of
 * an object's keys is no change) once their lists are put in order; a missing value reads as null.
 */
export const sameAsRead = (a: unknown, b: unknown) =>
  (canonicalJson(unordered(a ?? null)) ?? 'null') === (canonicalJson(unordered(b ?? null)) ?? 'null');

/** The fields whose values a reviewer reads as changed from `before` to `after`, in the order given. */
export const changedFields = <F extends string>(
  fields: readonly F[],
  before: Snapshot | undefined,
  after: Snapshot,
): F[] => fields.filter((f) => !sameAsRead(before?.[f], after[f]));

/** The decisions that end a round of review; after one of the last two, a new submission is an answer. */
const DECIDED: readonly EventType[] = ['approved', 'changes_requested', 'rejected'];

/** The decisions that send a submission back to its producer. */
export type SentBack = 'changes_requested' | 'rejected';

export interface Resubmission<F extends string = string> {
  /** The decision that sent it back. */
  event: SentBack;
  at: string;
  reason: string | null;
  /** The fields that differ from what was sent back. */
  changedSince: F[];
}

/**
 * What a resubmission answers: the reviewer's last decision sending it back, and the fields that differ
 * from what was sent back then. Nothing for a first submission or one after an approval. `then` picks
 * the fields out of the state replayed up to that decision (a product's revision keeps its own).
 */
export function resubmissionOf<F extends string>(
  events: readonly { type: EventType; at: string; reason: string | null; after: Snapshot }[],
  fields: readonly F[],
  now: Snapshot,
  then: (state: Snapshot) => Snapshot | undefined = (state) => state,
): Resubmission<F> | undefined {
  const last = events.reduce((found, e, i) => (DECIDED.includes(e.type) ? i : found), -1);
  const decision = events[last];
  if (!decision || decision.type === 'approved') return undefined;
  const before = then(replay(events.slice(0, last + 1)));
  return {
    event: decision.type as SentBack,
    at: decision.at,
    reason: decision.reason,
    changedSince: changedFields(fields, before, now),
  };
}
