import { Dropdown } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, isApiError } from '../api/client.ts';
import type { Me } from '../api/types.ts';

export type SignOutFlash = 'signedOut' | 'signedOutEverywhere';

interface Props {
  me: Me;
  onError: (message: string | null) => void;
}

/** The signed-in user's name, opening a menu with their account page and the sign-out choices. */
export function UserMenu({ me, onError }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  // Controlled, so the menu closes when a choice moves to another page (the header stays mounted).
  const [open, setOpen] = useState(false);

  async function signOut(everywhere: boolean) {
    if (busy) return;
    setBusy(true);
    onError(null);
    try {
      await api.post<void>(everywhere ? '/api/auth/logout-everywhere' : '/api/auth/logout', {}, { sessionChange: true });
      const flash: SignOutFlash = everywhere ? 'signedOutEverywhere' : 'signedOut';
      // The sign-in page clears the cached data once this frame is gone.
      await navigate('/login', { replace: true, state: { flash } });
    } catch (error) {
      onError(isApiError(error) ? error.message : t('errors.unexpected'));
      setBusy(false);
    }
  }

  return (
    <Dropdown.TriggerContext>
      <Dropdown.Trigger
        variant="tertiary"
        data-size="sm"
        aria-label={t('userMenu.label', { name: me.name })}
        className="user-menu-trigger"
        loading={busy}
      >
        {me.name}
      </Dropdown.Trigger>
      <Dropdown placement="bottom-end" open={open} onOpen={() => setOpen(true)} onClose={() => setOpen(false)}>
        <Dropdown.List>
          <Dropdown.Item>
            <Dropdown.Button
              onClick={() => {
                setOpen(false);
                void navigate('/account');
              }}
            >
              {t('userMenu.account')}
            </Dropdown.Button>
          </Dropdown.Item>
          <Dropdown.Item>
            <Dropdown.Button onClick={() => void signOut(false)}>{t('userMenu.signOut')}</Dropdown.Button>
          </Dropdown.Item>
          <Dropdown.Item>
            <Dropdown.Button onClick={() => void signOut(true)}>{t('userMenu.signOutEverywhere')}</Dropdown.Button>
          </Dropdown.Item>
        </Dropdown.List>
      </Dropdown>
    </Dropdown.TriggerContext>
  );
}
