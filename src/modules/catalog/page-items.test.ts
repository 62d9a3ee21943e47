import { describe, expect, it } from 'vitest';
import { PageItems } from './page-items.ts';

interface Item {
  id: string;
  name: string;
}

/** A store read through PageItems, counting the ids it was asked for. */
function store(names: Record<string, string>) {
  const asked: string[] = [];
  let gate: Promise<void> = Promise.resolve();
  const read = async (ids: string[]) => {
    asked.push(...ids);
    const snapshot = ids.flatMap((id) => (names[id] ? [{ id, name: names[id] }] : []));
    await gate;
    return snapshot;
  };
  return {
    asked,
    read,
    hold: () => {
      let open = () => {};
      gate = new Promise((resolve) => {
        open = resolve;
      });
      return () => open();
    },
  };
}

describe('the items of recent result pages', () => {
  it('reads each item once, and answers in the order asked without those not public', async () => {
    const s = store({ a: 'A', b: 'B', c: 'C' });
    const items = new PageItems<Item>(10, s.read);
    expect((await items.get(['c', 'x', 'a'])).map((i) => i.id)).toEqual(['c', 'a']);
    expect((await items.get(['a', 'b', 'c'])).map((i) => i.name)).toEqual(['A', 'B', 'C']);
    expect(s.asked).toEqual(['c', 'x', 'a', 'b']);
  });

  it('reads again what it was told to forget', async () => {
    const names = { a: 'A' };
    const s = store(names);
    const items = new PageItems<Item>(10, s.read);
    await items.get(['a']);
    names.a = 'A2';
    items.forget(['a']);
    expect(await items.get(['a'])).toEqual([{ id: 'a', name: 'A2' }]);
  });

  it('does not keep a read that a change overtook', async () => {
    const names = { a: 'A' };
    const s = store(names);
    const items = new PageItems<Item>(10, s.read);
    const open = s.hold();
    const racing = items.get(['a']);
    names.a = 'A2';
    items.forget(['a']);
    open();
    expect(await racing).toEqual([{ id: 'a', name: 'A' }]);
    expect(await items.get(['a'])).toEqual([{ id: 'a', name: 'A2' }]);
  });

  it('lets the least recently shown go first when full', async () => {
    const s = store({ a: 'A', b: 'B', c: 'C' });
    const items = new PageItems<Item>(2, s.read);
    await items.get(['a', 'b']);
    await items.get(['a']);
    await items.get(['c']);
    s.asked.length = 0;
    await items.get(['a', 'b', 'c']);
    expect(s.asked).toEqual(['b']);
  });
});
