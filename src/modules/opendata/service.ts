import type { Ctx } from '../../context.ts';
import type { Snapshot } from '../../domain/history.ts';
import { replay } from '../../domain/history.ts';
import type { EventType } from '../../domain/workflow.ts';
import { invalid } from '../../errors.ts';
import * as ledger from '../ledger/service.ts';
import * as repo from './repo.ts';

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

type Row = Awaited<ReturnType<typeof repo.changesPage>>[number];

async function stateAt(ctx: Ctx, kind: Kind, id: string, seq: number): Promise<Snapshot> {
  const events = await ledger.history(ctx.db, kind, id);
  return replay(events.filter((e) => e.seq <= seq));
}

async function toItem(ctx: Ctx, r: Row): Promise<ChangeItem> {
  const kind = r.subject_kind;
  const isPublic = r.first_public_seq !== null && r.seq >= Number(r.first_public_seq);
  const base = {
    logIndex: Number(r.idx),
    type: r.type as EventType,
    subject: { kind, id: r.subject_id },
    seq: r.seq,
    at: r.at.toISOString(),
    public: isPublic,
  };
  if (!isPublic) return { ...base, registrationNumber: null, reason: null, fields: null };
  const publishing = r.seq === Number(r.first_public_seq);
  const changed = publishing ? await stateAt(ctx, kind, r.subject_id, r.seq) : (r.after as Snapshot);
  return {
    ...base,
    registrationNumber: r.registration_number,
    reason: r.reason,
    fields: publicFields(kind, changed),
  };
}

/** One page of the change feed after a log index (-1 for the start). */
/**
 * A cursor lies within the log: one past its end (a mirror of a registry since restored from a backup,
 * a mistyped number) would wait quietly for entries that are not coming, so it is refused.
 */
export async function requireCursorInLog(ctx: Ctx, after: number) {
  const size = await repo.logSize(ctx.db);
  if (after >= size) invalid([{ field: 'after', key: 'field.cursor_beyond_log', params: { size } }]);
}

export async function changes(ctx: Ctx, after: number, limit: number) {
  const rows = await repo.changesPage(ctx.db, after, limit + 1);
  const items: ChangeItem[] = [];
  for (const r of rows.slice(0, limit)) items.push(await toItem(ctx, r));
  return { items, nextCursor: String(items.at(-1)?.logIndex ?? after), more: rows.length > limit };
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
