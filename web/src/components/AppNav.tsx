import { useEffect, useId, useRef, useState, type KeyboardEvent, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation } from 'react-router';
import { hasPermission } from '../api/me.ts';
import type { Me } from '../api/types.ts';
import { NAV_GROUPS, OVERVIEW, isCurrent, type NavGroup, type NavItem } from './navigation.ts';

/**
 * The main menu as a disclosure navigation (WAI-ARIA APG "Disclosure Navigation Menu"): Översikt is a link, each
 * group a button (aria-expanded, aria-controls) that shows a list of links. Not role="menu": these are links.
 * A group closes on Escape (focus back to its button), when focus or a click leaves it, and on navigation.
 * The current page's link has aria-current="page"; its group's button says so too and is marked in bold
 * with a bar beneath, not by colour alone. A group with one link the user may see is shown as that link.
 */
export function AppNav({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  // The open group remembers the page it was opened on, so moving to another page closes it.
  const [opened, setOpened] = useState<{ key: NavGroup['key']; on: string } | null>(null);
  const open = opened?.on === pathname ? opened.key : null;
  const navRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!navRef.current?.contains(event.target as Node)) setOpened(null);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const visible = (item: NavItem) => item.permission === null || hasPermission(me, item.permission);

  return (
    <nav aria-label={t('frame.navLabel')} className="app-nav" ref={navRef}>
      <ul className="app-nav__bar">
        <li>
          <TopLink item={OVERVIEW} pathname={pathname} />
        </li>
        {NAV_GROUPS.map((group) => {
          const items = group.items.filter(visible);
          const [only] = items;
          if (!only) return null;
          return (
            <li key={group.key} className="app-nav__group">
              {items.length === 1 ? (
                <TopLink item={only} pathname={pathname} />
              ) : (
                <Group
                  group={group}
                  items={items}
                  pathname={pathname}
                  open={open === group.key}
                  onOpenChange={(next) => setOpened(next ? { key: group.key, on: pathname } : null)}
                />
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function TopLink({ item, pathname }: { item: NavItem; pathname: string }) {
  const { t } = useTranslation();
  const current = isCurrent(item, pathname);
  return (
    <RouterLink to={item.to} className="app-nav__item ds-focus" aria-current={current ? 'page' : undefined}>
      {t(item.label)}
    </RouterLink>
  );
}

interface GroupProps {
  group: NavGroup;
  items: NavItem[];
  pathname: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

function Group({ group, items, pathname, open, onOpenChange }: GroupProps) {
  const { t } = useTranslation();
  const listId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const current = items.some((item) => isCurrent(item, pathname));

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    onOpenChange(false);
    buttonRef.current?.focus();
  };

  // Focus moving out of the group (Tab past its last link, or anywhere else) closes it.
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) onOpenChange(false);
  };

  return (
    // Escape and focus leaving are handled for the button and its links together.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div className="app-nav__disclosure" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={buttonRef}
        type="button"
        className="app-nav__item app-nav__button ds-focus"
        aria-expanded={open}
        aria-controls={listId}
        // The group of the current page: announced as current, shown in bold with a bar beneath.
        aria-current={current ? 'true' : undefined}
        onClick={() => onOpenChange(!open)}
      >
        {t(`nav.group.${group.key}`)}
      </button>
      <ul id={listId} className="app-nav__menu" hidden={!open}>
        {items.map((item) => (
          <li key={item.to}>
            <RouterLink
              to={item.to}
              className="app-nav__menu-link ds-focus"
              aria-current={isCurrent(item, pathname) ? 'page' : undefined}
              onClick={() => onOpenChange(false)}
            >
              {t(item.label)}
            </RouterLink>
          </li>
        ))}
      </ul>
    </div>
  );
}
