import type { Ctx } from '../../context.ts';
import type { Snapshot } from '../../domain/history.ts';
import { replay } from '../../domain/history.ts';
import type { EventType } from '../../domain/workflow.ts';
import { invalid } from '../../errors.ts';
import * as ledger from '../ledger/service.ts';
import * as products from '../products/service.ts';

type Kind = 'producer' | 'product';

/** Fields of a subject's state the public never sees (see docs/adr/0003-change-feed.md). */
const PRIVATE_FIELDS: Record<Kind, readonly string[]> = {
  product: ['revision'],
  producer: ['ownerId'],
};

const publicFields = (kind: Kind, s: Snapshot): Snapshot =>
  Object.fromEntries(Object.entries(s).filter(([k]) => !PRIVATE_FIELDS[kind].includes(k)));

export interface ChangeItem {
  logIndex: number;
  type: EventType;
  subject: { kind: Kind; id: string };
  seq: number;
  at: string;
  /** False for events of a subject not yet public: only what its log leaf already publishes. */
  public: boolean;
  registrationNumber: string | null;
  reason: string | null;
  /** The public fields this event changed; the whole public state on the event that published it. */
  fields: Snapshot | null;
}

async function stateAt(ctx: Ctx, kind: Kind, id: string, seq: number): Promise<Snapshot> {
  const events = await ledger.history(ctx.db, kind, id);
  return replay(events.filter((e) => e.seq <= seq));
}

/** Whether the event is public: its subject was public after it (see LoggedEvent.firstPublicSeq). */
const isPublic = (e: ledger.LoggedEvent) => e.firstPublicSeq !== null && e.seq >= e.firstPublicSeq;

/** The registration numbers of the products whose public events these are, by id. */
export const registrationNumbersOf = (ctx: Ctx, events: readonly ledger.LoggedEvent[]) =>
  products.registrationNumbersOf(
    ctx.db,
    events.filter((e) => e.subjectKind === 'product' && isPublic(e)).map((e) => e.subjectId),
  );

async function toItem(ctx: Ctx, e: ledger.LoggedEvent, numbers: Map<string, string>): Promise<ChangeItem> {
  const kind = e.subjectKind;
  const base = {
    logIndex: e.logIndex,
    type: e.type,
    subject: { kind, id: e.subjectId },
    seq: e.seq,
    at: e.at,
    public: isPublic(e),
  };
  if (!base.public) return { ...base, registrationNumber: null, reason: null, fields: null };
  const publishing = e.seq === e.firstPublicSeq;
  const changed = publishing ? await stateAt(ctx, kind, e.subjectId, e.seq) : e.after;
  return {
    ...base,
    registrationNumber: numbers.get(e.subjectId) ?? null,
    reason: e.reason,
    fields: publicFields(kind, changed),
  };
}

/** One page of the change feed after a log index (-1 for the start). */
/**
 * A cursor lies within the log: one past its end (a mirror of a registry since restored from a backup,
 * a mistyped number) would wait quietly for entries that are not coming, so it is refused.
 */
export async function requireCursorInLog(ctx: Ctx, after: number) {
  const size = await ledger.logSize(ctx.db);
  if (after >= size) invalid([{ field: 'after', key: 'field.cursor_beyond_log', params: { size } }]);
}

export async function changes(ctx: Ctx, after: number, limit: number) {
  const events = await ledger.loggedAfter(ctx.db, after, limit + 1);
  const page = events.slice(0, limit);
  const numbers = await registrationNumbersOf(ctx, page);
  const items: ChangeItem[] = [];
  for (const e of page) items.push(await toItem(ctx, e, numbers));
  return { items, nextCursor: String(items.at(-1)?.logIndex ?? after), more: events.length > limit };
}

/** Every change after a log index to the end of the log, a page at a time. */
export async function* allChanges(ctx: Ctx, after: number, pageSize = 500): AsyncGenerator<ChangeItem> {
  for (let cursor = after; ; ) {
    const page = await changes(ctx, cursor, pageSize);
    yield* page.items;
    if (!page.more) return;
    cursor = Number(page.nextCursor);
  }
}
