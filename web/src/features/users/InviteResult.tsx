import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import type { CreatedInvite } from '../../api/users.ts';
import { LinkResult } from './LinkResult.tsx';

interface Props {
  invite: CreatedInvite;
  name: string;
  email: string;
}

/** The new invitation link, ready to copy and send to the person. */
export function InviteResult({ invite, name, email }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <LinkResult
      link={invite}
      heading={t('users.inviteCreated')}
      text={t('users.inviteSendLink', { name, email, time: formatDateTime(invite.expiresAt, locale) })}
      linkLabel={t('users.inviteLink')}
      inputId="invite-link"
    />
  );
}
