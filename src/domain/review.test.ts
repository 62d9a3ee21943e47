import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from './history.ts';
import { changedFields, decisionGroups, decisionsFrom, resubmissionOf, sameAsRead } from './review.ts';
import { DECISIONS, type EventType } from './workflow.ts';

describe('the decisions a reviewer is offered', () => {
  it('are those the state machine allows from the state of the submission', () => {
    expect(decisionsFrom('submitted')).toEqual(['approve', 'reject', 'request_changes']);
    expect(decisionsFrom('approved')).toEqual(['suspend', 'revoke']);
    expect(decisionsFrom('suspended')).toEqual(['reinstate', 'revoke']);
    expect(decisionsFrom('draft')).toEqual([]);
    expect(decisionsFrom('revoked')).toEqual([]);
  });

  it("take a proposed change's decisions from its state and the registration's from its own", () => {
    expect(decisionsFrom('approved', 'submitted')).toEqual([
      'approve',
      'reject',
      'request_changes',
      'suspend',
      'revoke',
    ]);
    // A change sent back waits for its producer: only the registration may be decided on.
    expect(decisionsFrom('approved', 'changes_requested')).toEqual(['suspend', 'revoke']);
  });

  it('come in one group, or with a proposed change under review, its decisions first and then the registration’s', () => {
    expect(decisionGroups(['reject', 'approve'], false)).toEqual([{ decisions: ['approve', 'reject'] }]);
    expect(decisionGroups(decisionsFrom('approved', 'submitted'), true)).toEqual([
      { about: 'revision', decisions: ['approve', 'reject', 'request_changes'] },
      { about: 'registration', decisions: ['suspend', 'revoke'] },
    ]);
    expect(decisionGroups(['suspend'], true)).toEqual([
      { about: 'revision', decisions: [] },
      { about: 'registration', decisions: ['suspend'] },
    ]);
  });

  it('never hold a decision that was not allowed, nor lose one that was', () => {
    fc.assert(
      fc.property(fc.subarray([...DECISIONS]), fc.boolean(), (allowed, revision) => {
        const offered = decisionGroups(allowed, revision).flatMap((g) => g.decisions);
        expect(new Set(offered)).toEqual(new Set(allowed));
        expect(offered).toHaveLength(allowed.length);
      }),
    );
  });
});

describe('two values a reviewer reads as the same', () => {
  it('differ by the order of a list or of an object’s keys only, or are missing and null', () => {
    expect(sameAsRead(['IQ', 'AF'], ['AF', 'IQ'])).toBe(true);
    expect(sameAsRead({ grade: 'A3', std: 'INSO' }, { std: 'INSO', grade: 'A3' })).toBe(true);
    expect(sameAsRead([{ b: 1, a: [2, 1] }], [{ a: [1, 2], b: 1 }])).toBe(true);
    expect(sameAsRead(undefined, null)).toBe(true);
    expect(sameAsRead('میلگرد', 'میلگرد')).toBe(true);
  });

  it('are told apart by any value, an item more or less, or a type', () => {
    expect(sameAsRead(['IQ'], ['IQ', 'AF'])).toBe(false);
    expect(sameAsRead(['IQ', 'IQ'], ['IQ'])).toBe(false);
    expect(sameAsRead({ grade: 'A3' }, { grade: 'A2' })).toBe(false);
    expect(sameAsRead(1, '1')).toBe(false);
    expect(sameAsRead(null, '')).toBe(false);
    expect(sameAsRead(3_000_000, 3_000_001)).toBe(false);
  });

  it('are the same whatever order their lists are shuffled in', () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(fc.array(json, { maxLength: 6 }), fc.nat(), (items, seed) => {
        const shuffled = items
          .map((item, i) => ({ item, k: (i * 7919 + seed) % 101 }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.item);
        expect(sameAsRead(items, shuffled)).toBe(true);
      }),
    );
  });

  it('are the same exactly when their JSON is, for values without lists', () => {
    const scalar = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(scalar, scalar, (a, b) => {
        expect(sameAsRead(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
      }),
    );
  });
});

describe('what a submission sent again answers', () => {
  const FIELDS = ['nameEn', 'annualCapacity', 'exportMarkets'] as const;
  const event = (
    type: EventType,
    after: Snapshot,
    reason: string | null = null,
    at = '2026-01-01T00:00:00.000Z',
  ) => ({
    type,
    at,
    reason,
    after,
  });
  const created = event('created', {
    status: 'draft',
    nameEn: 'Tile',
    annualCapacity: 10,
    exportMarkets: ['IQ', 'AF'],
  });

  it('is nothing for a first submission or one after an approval', () => {
    expect(
      resubmissionOf([created, event('submitted', { status: 'submitted' })], FIELDS, {}),
    ).toBeUndefined();
    const approved = [created, event('submitted', {}), event('approved', { status: 'approved' })];
    expect(resubmissionOf([...approved, event('submitted', {})], FIELDS, {})).toBeUndefined();
  });

  it('is the last decision that sent it back, with its reason and time, and the fields changed since', () => {
    const events = [
      created,
      event('submitted', { status: 'submitted' }),
      event('changes_requested', { status: 'changes_requested' }, 'Fix the name', '2026-02-01T00:00:00.000Z'),
      event('edited', { annualCapacity: 11 }),
      event('submitted', { status: 'submitted' }),
    ];
    expect(
      resubmissionOf(events, FIELDS, { nameEn: 'Tile', annualCapacity: 11, exportMarkets: ['AF', 'IQ'] }),
    ).toEqual({
      event: 'changes_requested',
      at: '2026-02-01T00:00:00.000Z',
      reason: 'Fix the name',
      changedSince: ['annualCapacity'],
    });
  });

  it('compares a proposed change with the change sent back, not with the registration', () => {
    const events = [
      created,
      event('approved', { status: 'approved' }),
      event('edited', { revision: { status: 'draft', fields: { nameEn: 'Tile 2', annualCapacity: 10 } } }),
      event(
        'changes_requested',
        { revision: { status: 'changes_requested', fields: { nameEn: 'Tile 2', annualCapacity: 10 } } },
        'No',
      ),
    ];
    const revisionOf = (s: Snapshot) => (s.revision as { fields: Snapshot } | null)?.fields;
    expect(
      resubmissionOf(events, FIELDS, { nameEn: 'Tile 3', annualCapacity: 10 }, revisionOf)?.changedSince,
    ).toEqual(['nameEn']);
  });

  it('lists the changed fields in the order the fields are given', () => {
    expect(changedFields(FIELDS, undefined, { exportMarkets: [], nameEn: 'x' })).toEqual([
      'nameEn',
      'exportMarkets',
    ]);
    expect(changedFields(FIELDS, { nameEn: 'x' }, { nameEn: 'x' })).toEqual([]);
  });
});
