import { describe, expect, it } from 'vitest';
import { bulkFilter, bulkHandling } from './bulk.ts';

describe('a bulk action on a filtered list of findings', () => {
  it('acknowledges only findings nobody has started on, and is not offered on handled ones', () => {
    expect(bulkHandling('acknowledge', undefined)).toBe('none');
    expect(bulkHandling('acknowledge', 'todo')).toBe('none');
    expect(bulkHandling('acknowledge', 'none')).toBe('none');
    for (const h of ['acknowledged', 'risk_proposed', 'handled', 'risk_accepted', 'not_applicable'] as const) {
      expect(bulkHandling('acknowledge', h), h).toBeNull();
    }
  });

  it('marks not applicable only what is still to do', () => {
    expect(bulkHandling('not_applicable', undefined)).toBe('todo');
    for (const h of ['todo', 'none', 'acknowledged', 'risk_proposed'] as const) expect(bulkHandling('not_applicable', h)).toBe(h);
    for (const h of ['handled', 'risk_accepted', 'not_applicable'] as const) expect(bulkHandling('not_applicable', h), h).toBeNull();
  });

  it('assigns and sets due dates on whatever the list shows', () => {
    for (const kind of ['assign', 'due_date'] as const) {
      expect(bulkHandling(kind, undefined)).toBeUndefined();
      expect(bulkHandling(kind, 'handled')).toBe('handled');
    }
  });

  it('sends the list’s filters without the status and without empty ones', () => {
    expect(bulkFilter({ unitId: 'u1', severity: 'high', status: 'open', overdue: undefined, ownerId: undefined }, 'none')).toEqual({
      unitId: 'u1',
      severity: 'high',
      handling: 'none',
    });
    expect(bulkFilter({ overdue: true, ownerId: 'p1' }, undefined)).toEqual({ overdue: true, ownerId: 'p1' });
  });
});
