import { Alert, Link, SkipLink } from '@digdir/designsystemet-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Link as RouterLink } from 'react-router';
import { hasPermission } from '../api/me.ts';
import { type Me } from '../api/types.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { UserMenu } from './UserMenu.tsx';

/** Page chrome for signed-in users: skip link, header with navigation, main landmark. */
export function AppFrame({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useTranslation();
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const links = [
    { to: '/', label: t('nav.start'), show: true },
    { to: '/organisation', label: t('nav.organisation'), show: hasPermission(me, 'org:read') },
    { to: '/people', label: t('nav.people'), show: hasPermission(me, 'org:read') },
    { to: '/systems', label: t('systems.nav'), show: hasPermission(me, 'systems:read') },
    { to: '/findings', label: t('findings.nav'), show: hasPermission(me, 'systems:read') },
    { to: '/responsibilities', label: t('matrix.nav'), show: hasPermission(me, 'systems:read') },
    { to: '/suppliers', label: t('suppliers.nav'), show: hasPermission(me, 'systems:read') },
    { to: '/policy', label: t('nav.policy'), show: hasPermission(me, 'policy:read') },
    { to: '/audit', label: t('nav.audit'), show: hasPermission(me, 'audit:read') },
    { to: '/admin/users', label: t('nav.users'), show: hasPermission(me, 'users:read') },
  ];

  return (
    <>
      <SkipLink href="#main">{t('frame.skipLink')}</SkipLink>
      <header className="app-header">
        <div className="app-header__inner">
          <RouterLink to="/" className="app-name ds-focus">
            {t('app.name')}
          </RouterLink>
          <nav aria-label={t('frame.navLabel')} className="app-nav">
            <ul>
              {links
                .filter((link) => link.show)
                .map((link) => (
                  <li key={link.to}>
                    {/* NavLink sets aria-current="page" on the active link */}
                    <Link asChild>
                      <NavLink to={link.to} end={link.to === '/'}>
                        {link.label}
                      </NavLink>
                    </Link>
                  </li>
                ))}
            </ul>
          </nav>
          <div className="app-header__tools">
            <LanguageSwitch signedIn />
            <UserMenu me={me} onError={setSignOutError} />
          </div>
        </div>
      </header>
      {signOutError && (
        <div className="app-banner">
          <Alert data-color="danger" role="alert">
            {signOutError}
          </Alert>
        </div>
      )}
      <main id="main" tabIndex={-1} className="app-main">
        {children}
      </main>
    </>
  );
}
