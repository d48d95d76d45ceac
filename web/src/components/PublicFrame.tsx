import { SkipLink, Spinner } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** Page chrome for people who are not signed in: sign-in, setup and invitation pages. */
export function PublicFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <SkipLink href="#main">{t('frame.skipLink')}</SkipLink>
      <header className="app-header">
        <div className="app-header__inner">
          <span className="app-name">{t('app.name')}</span>
          <div className="app-header__tools">
            <LanguageSwitch signedIn={false} />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main app-main--narrow">
        {children}
      </main>
    </>
  );
}

export function PublicLayout() {
  return (
    <PublicFrame>
      <Outlet />
    </PublicFrame>
  );
}

/** Shown while we find out who is signed in. */
export function LoadingFrame() {
  const { t } = useTranslation();
  return (
    <main id="main" tabIndex={-1} className="app-main app-main--loading">
      <Spinner aria-label={t('common.loading')} data-size="lg" />
    </main>
  );
}
