import { describe, expect, it } from 'vitest';
import { type MarketGroup, membersOn, type Sector, sectorCoverage } from './scopes.ts';

const steel: Sector = {
  id: 'iron-steel',
  codes: { HS2017: ['7207', '7208', '7214'], HS2012: ['7207', '7208'] },
};

describe('a sector', () => {
  it('counts the codes its codes begin, wholly', () => {
    expect(sectorCoverage(steel, 'HS2017', '72071210')).toBe('whole');
    expect(sectorCoverage(steel, 'HS2017', '7214')).toBe('whole');
    expect(sectorCoverage(steel, 'HS2017', '7210')).toBe('none');
  });

  it('says a coarser code holds only a part of it, and that it has no list for another edition', () => {
    expect(sectorCoverage(steel, 'HS2017', '72')).toBe('part');
    expect(sectorCoverage(steel, 'HS2017', 'TOTAL')).toBe('part');
    expect(sectorCoverage(steel, 'HS2012', '7214')).toBe('none');
    expect(sectorCoverage(steel, 'HS2022', '7207')).toBe('unknown');
  });
});

describe('a market group', () => {
  const sanctioning: MarketGroup = {
    id: 'sanctioning',
    members: [
      { partner: 'USA', from: null, until: null },
      { partner: 'GBR', from: '2019-05-08', until: null },
      { partner: 'IND', from: null, until: '2019-05-02' },
    ],
  };

  it('has the members of a date: from included, until excluded', () => {
    expect([...membersOn(sanctioning, '2019-05-01')].sort()).toEqual(['IND', 'USA']);
    expect([...membersOn(sanctioning, '2019-05-02')].sort()).toEqual(['USA']);
    expect([...membersOn(sanctioning, '2019-05-08')].sort()).toEqual(['GBR', 'USA']);
  });
});
