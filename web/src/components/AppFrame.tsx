import { Alert, SkipLink } from '@digdir/designsystemet-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation } from 'react-router';
import { type Me } from '../api/types.ts';
import { AppNav } from './AppNav.tsx';
import { isDataPage } from './navigation.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { UserMenu } from './UserMenu.tsx';

/** Page chrome for signed-in users: skip link, header with the grouped navigation (AppNav), main landmark. */
export function AppFrame({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useTranslation();
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const { pathname } = useLocation();

  return (
    <>
      <SkipLink href="#main">{t('frame.skipLink')}</SkipLink>
      <header className="app-header">
        <div className="app-header__inner">
          <RouterLink to="/" className="app-name ds-focus">
            {t('app.name')}
          </RouterLink>
          <AppNav me={me} />
          <div className="app-header__tools">
            <LanguageSwitch signedIn />
            <NotificationBell />
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
      {/* A page whose main content is a table uses the screen's width; others keep a readable measure. */}
      <main id="main" tabIndex={-1} className={isDataPage(pathname) ? 'app-main app-main--data' : 'app-main'}>
        {children}
      </main>
    </>
  );
}
