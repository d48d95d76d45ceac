import { describe, expect, it } from 'vitest';
import { decisionsFor, groupRows, needingComment, percentOf, toggleAll } from './decisions.ts';

describe('access review decisions on the page', () => {
  it('rounds the share down, so a campaign is 100 % only when every item is decided', () => {
    expect(percentOf(0, 40)).toBe(0);
    expect(percentOf(12, 40)).toBe(30);
    expect(percentOf(249, 250)).toBe(99);
    expect(percentOf(250, 250)).toBe(100);
    expect(percentOf(0, 0)).toBe(100);
  });

  it('asks for a comment to change any grant and to keep a privileged one', () => {
    const items = [{ accessRole: { name: 'Admin', privileged: true } }, { accessRole: { name: 'Läsare', privileged: false } }];
    expect(needingComment('keep', items)).toBe(1);
    expect(needingComment('change', items)).toBe(2);
    expect(needingComment('remove', items)).toBe(0);
  });

  it('sends each item’s version, and the comment only when there is one', () => {
    const items = [
      { grantId: 'g1', version: 3 },
      { grantId: 'g2', version: 1 },
    ];
    expect(decisionsFor(items, 'remove', '  ')).toEqual([
      { grantId: 'g1', decision: 'remove', version: 3 },
      { grantId: 'g2', decision: 'remove', version: 1 },
    ]);
    expect(decisionsFor(items.slice(0, 1), 'keep', ' Behövs i jouren ')).toEqual([
      { grantId: 'g1', decision: 'keep', version: 3, comment: 'Behövs i jouren' },
    ]);
  });

  it('puts a heading row where the group changes', () => {
    const rows = groupRows(['a1', 'a2', 'b1'], (s) => ({ key: s[0]!, name: s[0]!.toUpperCase() }));
    expect(rows.map((r) => (r.kind === 'group' ? `#${r.name}:${r.items.length}` : r.item))).toEqual(['#A:2', 'a1', 'a2', '#B:1', 'b1']);
  });

  it('toggles a group: all on when any is off, all off when all are on', () => {
    const on = toggleAll(new Set(['a']), ['a', 'b']);
    expect([...on].sort()).toEqual(['a', 'b']);
    expect([...toggleAll(on, ['a', 'b'])]).toEqual([]);
    expect([...toggleAll(new Set(['c']), ['a'])].sort()).toEqual(['a', 'c']);
  });
});
