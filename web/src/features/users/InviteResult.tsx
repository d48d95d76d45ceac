import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import type { CreatedInvite } from './api.ts';

interface Props {
  invite: CreatedInvite;
  name: string;
  email: string;
}

/** The new invitation link, ready to copy and send to the person. */
export function InviteResult({ invite, name, email }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const baseId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const url = new URL(invite.url, window.location.origin).toString();

  useEffect(() => {
    ref.current?.focus();
  }, [invite.id]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopyState('copied');
    } catch {
      // No clipboard access (e.g. plain http): select the text so Ctrl+C works.
      inputRef.current?.focus();
      inputRef.current?.select();
      setCopyState('failed');
    }
  }

  return (
    <Alert
      data-color="success"
      ref={ref}
      tabIndex={-1}
      role="region"
      aria-labelledby={`${baseId}-heading`}
      aria-describedby={`${baseId}-text`}
      className="page-alert"
    >
      <Heading level={3} data-size="xs" id={`${baseId}-heading`}>
        {t('users.inviteCreated')}
      </Heading>
      <Paragraph id={`${baseId}-text`}>
        {t('users.inviteSendLink', {
          name,
          email,
          time: formatDateTime(invite.expiresAt, locale),
        })}
      </Paragraph>
      <div className="copy-row">
        <Textfield ref={inputRef} id="invite-link" label={t('users.inviteLink')} value={url} readOnly onFocus={(e) => e.target.select()} />
        <Button variant="secondary" onClick={() => void copy()}>
          {t('users.copyLink')}
        </Button>
      </div>
      <Paragraph data-size="sm" aria-live="polite">
        {copyState === 'copied' && t('users.copied')}
        {copyState === 'failed' && t('users.copyFailed')}
      </Paragraph>
    </Alert>
  );
}
