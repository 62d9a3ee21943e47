/**
 * The registration state machine, as data: every allowed move, who may make it and whether it needs a
 * reason. Products and production units share it; services ask it and nothing else decides.
 */

export const STATUSES = [
  'draft',
  'submitted',
  'changes_requested',
  'rejected',
  'approved',
  'suspended',
  'revoked',
  'expired',
] as const;
export type Status = (typeof STATUSES)[number];

export const ROLES = ['producer', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export type Actor = Role | 'system';

export const DECISIONS = ['approve', 'reject', 'request_changes', 'suspend', 'reinstate', 'revoke'] as const;
export type Decision = (typeof DECISIONS)[number];
export type Action = 'edit' | 'submit' | Decision | 'renew' | 'expire';

/** Who makes a move: the unit's own staff, the ministry (reviewers and admins), or the system. */
type Party = 'member' | 'ministry' | 'system';

export interface Move {
  action: Action;
  from: readonly Status[];
  to: Status | 'unchanged';
  by: Party;
  reason: 'required' | 'optional';
  /** The event this move appends. */
  event: EventType;
}

export const EVENT_TYPES = [
  'created',
  'edited',
  'submitted',
  'approved',
  'rejected',
  'changes_requested',
  'suspended',
  'reinstated',
  'revoked',
  'renewed',
  'expired',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

// biome-ignore format: a move a line, as the state machine's table reads
export const MOVES: readonly Move[] = [
  { action: 'edit', from: ['draft', 'changes_requested'], to: 'unchanged', by: 'member', reason: 'optional', event: 'edited' },
  { action: 'submit', from: ['draft', 'changes_requested'], to: 'submitted', by: 'member', reason: 'optional', event: 'submitted' },
  { action: 'approve', from: ['submitted'], to: 'approved', by: 'ministry', reason: 'optional', event: 'approved' },
  { action: 'reject', from: ['submitted'], to: 'rejected', by: 'ministry', reason: 'required', event: 'rejected' },
  { action: 'request_changes', from: ['submitted'], to: 'changes_requested', by: 'ministry', reason: 'required', event: 'changes_requested' },
  { action: 'suspend', from: ['approved'], to: 'suspended', by: 'ministry', reason: 'required', event: 'suspended' },
  { action: 'reinstate', from: ['suspended'], to: 'approved', by: 'ministry', reason: 'optional', event: 'reinstated' },
  { action: 'revoke', from: ['approved', 'suspended'], to: 'revoked', by: 'ministry', reason: 'required', event: 'revoked' },
  { action: 'renew', from: ['approved', 'expired'], to: 'approved', by: 'member', reason: 'optional', event: 'renewed' },
  { action: 'expire', from: ['approved'], to: 'expired', by: 'system', reason: 'optional', event: 'expired' },
];

/**
 * An approved product stays public while a revision of it is reviewed. A revision moves through the
 * review part of the same table; a rejected one may be followed by a new revision.
 */
export const REVISION_ACTIONS: readonly Action[] = ['edit', 'submit', 'approve', 'reject', 'request_changes'];
export const REVISABLE: readonly Status[] = ['approved'];

/** Whether a unit in this state takes its products' submissions: under review or approved (ADR 0008). */
export const takesSubmissions = (unit: Status | undefined) => unit === 'submitted' || unit === 'approved';

/** States in which the public may see a registration. */
export const PUBLIC_STATUSES: readonly Status[] = ['approved', 'suspended', 'revoked', 'expired'];

export type MoveCheck =
  | { ok: true; move: Move; to: Status }
  | { ok: false; problem: 'invalid_transition' | 'forbidden' | 'reason_required' | 'conflict_of_interest' };

export interface MoveRequest {
  action: Action;
  from: Status;
  actor: Actor;
  /** The actor belongs to the unit concerned. */
  isMember: boolean;
  reason?: string | null;
}

function mayAct(by: Party, actor: Actor, isMember: boolean): boolean | 'conflict_of_interest' {
  switch (by) {
    case 'member':
      return (actor === 'producer' || actor === 'admin') && isMember;
    case 'ministry':
      if (actor !== 'reviewer' && actor !== 'admin') return false;
      return isMember ? 'conflict_of_interest' : true;
    case 'system':
      return actor === 'system';
  }
}

/** Whether a move is allowed, and if not, why. */
export function checkMove(req: MoveRequest): MoveCheck {
  const move = MOVES.find((m) => m.action === req.action);
  if (!move) return { ok: false, problem: 'invalid_transition' };
  const allowed = mayAct(move.by, req.actor, req.isMember);
  if (allowed === 'conflict_of_interest') return { ok: false, problem: 'conflict_of_interest' };
  if (!allowed) return { ok: false, problem: 'forbidden' };
  if (!move.from.includes(req.from)) return { ok: false, problem: 'invalid_transition' };
  if (move.reason === 'required' && !req.reason?.trim()) return { ok: false, problem: 'reason_required' };
  return { ok: true, move, to: move.to === 'unchanged' ? req.from : move.to };
}

export function moveOf(action: Action): Move {
  const move = MOVES.find((m) => m.action === action);
  if (!move) throw new Error(`no move ${action}`);
  return move;
}
