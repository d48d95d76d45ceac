import { describe, expect, it } from 'vitest';
import { buildTree, type OrgUnit } from './org.ts';

const unit = (id: string, parentId: string | null) => ({ id, parentId, name: id }) as OrgUnit;

describe('the org tree', () => {
  it('nests units under their parents, in the order given', () => {
    const tree = buildTree([unit('k', null), unit('a', 'k'), unit('b', 'k'), unit('a1', 'a')]);
    expect(tree.map((n) => n.unit.id)).toEqual(['k']);
    expect(tree[0]?.children.map((n) => n.unit.id)).toEqual(['a', 'b']);
    expect(tree[0]?.children[0]?.children.map((n) => n.unit.id)).toEqual(['a1']);
  });

  it('makes a unit whose parent is not visible a root', () => {
    expect(buildTree([unit('a', 'hidden'), unit('b', null)]).map((n) => n.unit.id)).toEqual(['a', 'b']);
  });
});
