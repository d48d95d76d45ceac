import type { Permission } from '../../../shared/permissions.ts';

/**
 * The main menu, grouped (issue 12): Översikt, then Register, Organisation, Styrning and Administration, each a
 * small menu of links. Labels are i18n keys; a link is shown to those with its permission.
 */
export interface NavItem {
  to: string;
  /** i18n key of the link's text */
  label: string;
  permission: Permission | null;
  /** Other pages that belong to this link (the link and its group are marked current on them too). */
  also?: readonly string[];
}

export interface NavGroup {
  key: 'register' | 'organisation' | 'governance' | 'administration';
  items: readonly NavItem[];
}

export const OVERVIEW: NavItem = { to: '/', label: 'nav.overview', permission: null };

export const NAV_GROUPS: readonly NavGroup[] = [
  {
    key: 'register',
    items: [
      { to: '/systems', label: 'systems.nav', permission: 'systems:read' },
      { to: '/suppliers', label: 'nav.suppliers', permission: 'systems:read', also: ['/agreements'] },
      { to: '/access-orders', label: 'access.orders.nav', permission: 'systems:read' },
    ],
  },
  {
    key: 'organisation',
    items: [
      { to: '/organisation', label: 'nav.units', permission: 'org:read' },
      // The repair page is reached from the people list, and belongs to it.
      { to: '/people', label: 'nav.people', permission: 'org:read', also: ['/admin/suspect-people'] },
    ],
  },
  {
    key: 'governance',
    items: [
      { to: '/policy', label: 'nav.policy', permission: 'policy:read' },
      { to: '/responsibilities', label: 'matrix.nav', permission: 'systems:read' },
      { to: '/classifications', label: 'classifications.nav', permission: 'systems:read' },
      { to: '/findings', label: 'findings.nav', permission: 'systems:read' },
      { to: '/access-reviews', label: 'reviews.nav', permission: 'systems:read' },
    ],
  },
  {
    key: 'administration',
    items: [
      { to: '/admin/users', label: 'nav.users', permission: 'users:read' },
      { to: '/audit', label: 'nav.audit', permission: 'audit:read' },
      { to: '/admin/email', label: 'nav.email', permission: 'users:manage' },
    ],
  },
];

const under = (pathname: string, path: string) => pathname === path || pathname.startsWith(`${path}/`);

/** Whether the page at pathname is this link's page or one below it ("/" only itself). */
export function isCurrent(item: NavItem, pathname: string): boolean {
  if (item.to === '/') return pathname === '/';
  return [item.to, ...(item.also ?? [])].some((path) => under(pathname, path));
}

/**
 * Pages whose main content is a table (lists, the matrix, import previews, the audit trail): they use the
 * screen's width. Other pages keep a readable measure.
 */
const DATA_PAGES = [
  '/systems',
  '/systems/import',
  '/suppliers',
  '/people',
  '/people/import',
  '/admin/suspect-people',
  '/findings',
  '/responsibilities',
  '/classifications',
  '/policy/versions',
  '/audit',
  '/admin/users',
  '/admin/email',
];

export const isDataPage = (pathname: string): boolean => DATA_PAGES.includes(pathname.replace(/\/+$/, '') || '/');
