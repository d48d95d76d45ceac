import { describe, expect, it } from 'vitest';
import { NAV_GROUPS, OVERVIEW, isCurrent, isDataPage } from './navigation.ts';

const item = (to: string) => NAV_GROUPS.flatMap((g) => g.items).find((i) => i.to === to)!;

describe('the main menu', () => {
  it('marks a link on its page and the pages below it; Översikt only on the start page', () => {
    expect(isCurrent(item('/systems'), '/systems')).toBe(true);
    expect(isCurrent(item('/systems'), '/systems/abc')).toBe(true);
    expect(isCurrent(item('/systems'), '/systemsx')).toBe(false);
    expect(isCurrent(OVERVIEW, '/')).toBe(true);
    expect(isCurrent(OVERVIEW, '/systems')).toBe(false);
  });

  it('marks a link on the pages it claims: agreements under suppliers, the repair page under people', () => {
    expect(isCurrent(item('/suppliers'), '/agreements/abc')).toBe(true);
    expect(isCurrent(item('/people'), '/admin/suspect-people')).toBe(true);
    // A finding's page belongs to the findings list.
    expect(isCurrent(item('/findings'), '/findings/abc')).toBe(true);
    expect(isCurrent(item('/admin/users'), '/admin/suspect-people')).toBe(false);
  });

  it('puts every page in one group only', () => {
    const paths = NAV_GROUPS.flatMap((g) => g.items.map((i) => i.to));
    expect(new Set(paths).size).toBe(paths.length);
  });
});

describe('data pages', () => {
  it('are the lists, the matrix, the previews and the audit trail; detail and text pages are not', () => {
    for (const path of ['/systems', '/systems/', '/responsibilities', '/findings', '/audit', '/people/import', '/systems/import', '/admin/email']) {
      expect(isDataPage(path), path).toBe(true);
    }
    for (const path of ['/', '/systems/abc', '/systems/new', '/policy', '/account', '/organisation', '/findings/abc', '/notifications']) {
      expect(isDataPage(path), path).toBe(false);
    }
  });
});
