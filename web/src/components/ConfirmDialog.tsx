import { Alert, Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  busy?: boolean;
  /** Why the last attempt failed, shown inside the dialog. */
  error?: string | null;
}

/**
 * A modal question before something that is hard to undo. The native <dialog> keeps focus inside,
 * closes on Escape, and returns focus to the button that opened it.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onClose, busy, error }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Dialog open={open} onClose={onClose} closeButton={t('common.close')} aria-labelledby={headingId}>
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId}>
          {title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        {typeof children === 'string' ? <Paragraph>{children}</Paragraph> : children}
        {error && (
          <Alert data-color="danger" role="alert" className="dialog-alert">
            {error}
          </Alert>
        )}
        <div className="actions dialog-actions">
          <Button data-color="danger" loading={busy} onClick={() => !busy && onConfirm()}>
            {confirmLabel}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}
