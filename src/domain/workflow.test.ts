import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Actor, checkMove, DECISIONS, MOVES, STATUSES } from './workflow.ts';

const ACTORS: Actor[] = ['producer', 'reviewer', 'admin', 'system'];
const ACTIONS = [...new Set(MOVES.map((m) => m.action))];

describe('the registration state machine', () => {
  it('allows exactly the moves in its table, to the roles it names (role × state × action)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACTIONS),
        fc.constantFrom(...STATUSES),
        fc.constantFrom(...ACTORS),
        fc.boolean(),
        fc.option(fc.string(), { nil: null }),
        (action, from, actor, isMember, reason) => {
          const res = checkMove({ action, from, actor, isMember, reason });
          const move = MOVES.find((m) => m.action === action);
          if (!move) throw new Error('every action has a move');
          const ministry = actor === 'reviewer' || actor === 'admin';
          const byRole =
            move.by === 'member'
              ? (actor === 'producer' || actor === 'admin') && isMember
              : move.by === 'ministry'
                ? ministry
                : actor === 'system';
          if (move.by === 'ministry' && ministry && isMember) {
            expect(res).toEqual({ ok: false, problem: 'conflict_of_interest' });
          } else if (!byRole) {
            expect(res).toEqual({ ok: false, problem: 'forbidden' });
          } else if (!move.from.includes(from)) {
            expect(res).toEqual({ ok: false, problem: 'invalid_transition' });
          } else if (move.reason === 'required' && !reason?.trim()) {
            expect(res).toEqual({ ok: false, problem: 'reason_required' });
          } else {
            expect(res.ok).toBe(true);
          }
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('never lets a producer decide, nor a reviewer submit', () => {
    for (const decision of DECISIONS) {
      for (const from of STATUSES) {
        expect(checkMove({ action: decision, from, actor: 'producer', isMember: true, reason: 'x' }).ok).toBe(
          false,
        );
      }
    }
    expect(checkMove({ action: 'submit', from: 'draft', actor: 'reviewer', isMember: false }).ok).toBe(false);
  });

  it('asks a reason to reject, ask for changes, suspend and revoke, and no other decision', () => {
    const needReason = MOVES.filter((m) => m.reason === 'required')
      .map((m) => m.action)
      .sort();
    expect(needReason).toEqual(['reject', 'request_changes', 'revoke', 'suspend']);
  });

  it('follows the registration lifecycle of the issue', () => {
    const walk = (steps: [Parameters<typeof checkMove>[0]['action'], Actor][]) => {
      let state: (typeof STATUSES)[number] = 'draft';
      for (const [action, actor] of steps) {
        const res = checkMove({
          action,
          from: state,
          actor,
          isMember: actor === 'producer',
          reason: 'because',
        });
        if (!res.ok) return `${action} refused in ${state}`;
        state = res.to;
      }
      return state;
    };
    // biome-ignore format: a walk a line, and where it ends
    const walks: [Parameters<typeof walk>[0], string][] = [
      [[['submit', 'producer'], ['request_changes', 'reviewer'], ['submit', 'producer'], ['approve', 'reviewer']], 'approved'],
      [[['submit', 'producer'], ['approve', 'reviewer'], ['suspend', 'reviewer'], ['reinstate', 'reviewer']], 'approved'],
      [[['submit', 'producer'], ['approve', 'reviewer'], ['suspend', 'reviewer'], ['revoke', 'reviewer']], 'revoked'],
      [[['submit', 'producer'], ['approve', 'reviewer'], ['expire', 'system'], ['renew', 'producer']], 'approved'],
      [[['submit', 'producer'], ['reject', 'reviewer'], ['submit', 'producer']], 'submit refused in rejected'],
      [[['approve', 'reviewer']], 'approve refused in draft'],
    ];
    for (const [steps, end] of walks) expect(walk(steps)).toBe(end);
  });
});
