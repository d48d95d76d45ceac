import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedInvite, CreatedResetLink } from '../../api/users.ts';

/** An invitation or a password reset link, as the server answers when it makes one. */
export type CreatedLink = CreatedInvite | CreatedResetLink;

interface Props {
  link: CreatedLink;
  heading: string;
  text: string;
  /** Label of the field holding the link. */
  linkLabel: string;
  /** id of that field (unique on the page). */
  inputId: string;
}

/** A new one-time link (invitation, password reset), ready to copy and give to the person. Takes focus when it appears. */
export function LinkResult({ link, heading, text, linkLabel, inputId }: Props) {
  const { t } = useTranslation();
  const baseId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const url = new URL(link.url, window.location.origin).toString();

  useEffect(() => {
    ref.current?.focus();
  }, [link.id]);

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
        {heading}
      </Heading>
      <Paragraph id={`${baseId}-text`}>{text}</Paragraph>
      <div className="copy-row">
        <Textfield ref={inputRef} id={inputId} label={linkLabel} value={url} readOnly onFocus={(e) => e.target.select()} />
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
