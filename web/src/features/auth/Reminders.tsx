import { Alert, Button, Fieldset, Heading, Paragraph, Radio, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createCalendarFeed,
  notificationKeys,
  putReminders,
  REMINDER_FREQUENCIES,
  revokeCalendarFeed,
  useReminders,
  type ReminderFrequency,
  type Reminders,
} from '../../api/notifications.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { messageOf } from '../../components/forms.ts';
import { useLocale } from '../../components/language.ts';

/** The account page's follow-up: how often reminder e-mails come, and the calendar feed of the person's due dates. */
export function ReminderSettings() {
  const { t } = useTranslation();
  const reminders = useReminders();
  if (reminders.isPending) return <Spinner aria-label={t('reminders.loading')} />;
  if (reminders.isError) return <Alert data-color="danger">{messageOf(reminders.error, t('errors.unexpected'))}</Alert>;
  return (
    <>
      <FrequencyForm reminders={reminders.data} />
      <CalendarFeed reminders={reminders.data} />
    </>
  );
}

type Choice = ReminderFrequency | 'default';

function FrequencyForm({ reminders }: { reminders: Reminders }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [choice, setChoice] = useState<Choice>(reminders.frequency ?? 'default');
  const [saved, setSaved] = useState<number | null>(null);
  const save = useMutation({
    mutationFn: () => putReminders(choice === 'default' ? null : choice),
    onSuccess: (fresh) => {
      setSaved(Date.now());
      queryClient.setQueryData(notificationKeys.reminders, fresh);
    },
  });
  const label = (f: ReminderFrequency) => t(`reminders.frequency.${f}`);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!save.isPending) save.mutate();
  }

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('reminders.heading')}
      </Heading>
      <Paragraph>{t('reminders.intro')}</Paragraph>
      {!reminders.emailEnabled && <Alert data-color="info">{t('reminders.emailOff')}</Alert>}
      {saved && (
        <FocusAlert color="success" focusKey={saved}>
          {t('reminders.saved')}
        </FocusAlert>
      )}
      {save.isError && (
        <Alert data-color="danger" role="alert">
          {messageOf(save.error, t('errors.unexpected'))}
        </Alert>
      )}
      <form className="form" noValidate onSubmit={onSubmit}>
        <Fieldset>
          <Fieldset.Legend>{t('reminders.legend')}</Fieldset.Legend>
          <Radio
            name={`${headingId}-frequency`}
            value="default"
            label={t('reminders.default', { frequency: label(reminders.kommunDefault).toLocaleLowerCase() })}
            checked={choice === 'default'}
            onChange={() => setChoice('default')}
          />
          {REMINDER_FREQUENCIES.map((f) => (
            <Radio
              key={f}
              name={`${headingId}-frequency`}
              value={f}
              label={label(f)}
              checked={choice === f}
              onChange={() => setChoice(f)}
            />
          ))}
        </Fieldset>
        <div className="actions">
          <Button type="submit" loading={save.isPending}>
            {t('reminders.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** The secret calendar URL: made (shown once, with a copy button), replaced (the old stops working) or revoked. */
function CalendarFeed({ reminders }: { reminders: Reminders }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [created, setCreated] = useState<{ url: string; at: number } | null>(null);
  const [asking, setAsking] = useState<'replace' | 'revoke' | null>(null);
  const [revoked, setRevoked] = useState<number | null>(null);
  const active = reminders.calendar.active;
  const reload = () => queryClient.invalidateQueries({ queryKey: notificationKeys.reminders });
  const create = useMutation({
    mutationFn: createCalendarFeed,
    onSuccess: async ({ url }) => {
      setAsking(null);
      setRevoked(null);
      setCreated({ url, at: Date.now() });
      await reload();
    },
  });
  const revoke = useMutation({
    mutationFn: revokeCalendarFeed,
    onSuccess: async () => {
      setAsking(null);
      setCreated(null);
      setRevoked(Date.now());
      await reload();
    },
  });
  const failed = create.error ?? revoke.error;

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('calendar.heading')}
      </Heading>
      <Paragraph>{t('calendar.intro')}</Paragraph>
      {created && <CalendarUrl url={created.url} at={created.at} />}
      {revoked && (
        <FocusAlert color="success" focusKey={revoked}>
          {t('calendar.revoked')}
        </FocusAlert>
      )}
      {failed && !asking && (
        <Alert data-color="danger" role="alert">
          {messageOf(failed, t('errors.unexpected'))}
        </Alert>
      )}
      <Paragraph data-size="sm">
        {active && reminders.calendar.createdAt
          ? t('calendar.active', { date: formatDateTime(reminders.calendar.createdAt, locale) })
          : t('calendar.none')}
      </Paragraph>
      <div className="actions">
        {active ? (
          <>
            <Button variant="secondary" onClick={() => setAsking('replace')}>
              {t('calendar.replace')}
            </Button>
            <Button variant="tertiary" data-color="danger" onClick={() => setAsking('revoke')}>
              {t('calendar.revoke')}
            </Button>
          </>
        ) : (
          <Button loading={create.isPending} onClick={() => create.mutate()}>
            {t('calendar.create')}
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={asking !== null}
        title={asking === 'revoke' ? t('calendar.revokeTitle') : t('calendar.replaceTitle')}
        confirmLabel={asking === 'revoke' ? t('calendar.revoke') : t('calendar.replace')}
        onConfirm={() => (asking === 'revoke' ? revoke.mutate() : create.mutate())}
        onClose={() => setAsking(null)}
        busy={create.isPending || revoke.isPending}
        error={failed ? messageOf(failed, t('errors.unexpected')) : null}
      >
        {asking === 'revoke' ? t('calendar.revokeText') : t('calendar.replaceText')}
      </ConfirmDialog>
    </section>
  );
}

/** The new URL, shown once: it takes focus, and a button copies it (or selects it where the clipboard is closed). */
function CalendarUrl({ url, at }: { url: string; at: number }) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    ref.current?.focus();
  }, [at]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopyState('copied');
    } catch {
      inputRef.current?.focus();
      inputRef.current?.select();
      setCopyState('failed');
    }
  }

  return (
    <Alert data-color="success" ref={ref} tabIndex={-1} role="region" aria-labelledby={`${id}-heading`} className="page-alert">
      <Heading level={3} data-size="xs" id={`${id}-heading`}>
        {t('calendar.createdHeading')}
      </Heading>
      <Paragraph>{t('calendar.createdText')}</Paragraph>
      <div className="copy-row">
        <Textfield
          ref={inputRef}
          id="calendar-url"
          label={t('calendar.urlLabel')}
          value={url}
          readOnly
          onFocus={(e) => e.target.select()}
        />
        <Button variant="secondary" onClick={() => void copy()}>
          {t('calendar.copy')}
        </Button>
      </div>
      <Paragraph data-size="sm" aria-live="polite">
        {copyState === 'copied' && t('calendar.copied')}
        {copyState === 'failed' && t('calendar.copyFailed')}
      </Paragraph>
    </Alert>
  );
}
