import { Alert, Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { approveClassification, classificationKeys, rejectClassification, type Classification } from '../../api/classifications.ts';
import { findingKeysToRefresh } from './refresh.ts';
import { messageOf } from '../../components/forms.ts';

/**
 * The approver's decision on a submitted classification: approve, or send it back with the reason (required).
 * A 409 (someone decided first, or it changed) reads the classification again and says so.
 */
export function DecisionForm({ c }: { c: Classification }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const reasonId = useId();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: classificationKeys.all });
    for (const key of findingKeysToRefresh) await queryClient.invalidateQueries({ queryKey: key });
  };
  const decide = useMutation({
    mutationFn: (kind: 'approve' | 'reject') => (kind === 'approve' ? approveClassification(c.id, c.rowVersion) : rejectClassification(c.id, c.rowVersion, reason.trim())),
    onSuccess: refresh,
    onError: async (error) => {
      if (isApiError(error) && error.status === 409) await refresh();
    },
  });

  function reject() {
    if (!reason.trim()) {
      setReasonError(t('classifications.decision.reasonRequired'));
      document.getElementById(reasonId)?.focus();
      return;
    }
    setReasonError(null);
    decide.mutate('reject');
  }

  return (
    <div className="decision">
      <Paragraph data-size="sm">{t('classifications.decision.intro')}</Paragraph>
      {decide.isError && (
        <Alert data-color="danger" role="alert">
          {isApiError(decide.error) && decide.error.status === 409 ? t('classifications.decision.conflict') : messageOf(decide.error, t('errors.unexpected'))}
        </Alert>
      )}
      {!rejecting ? (
        <div className="classification-actions">
          {c.can.approve && (
            <Button onClick={() => decide.mutate('approve')} disabled={decide.isPending}>
              {t('classifications.decision.approve')}
            </Button>
          )}
          {c.can.reject && (
            <Button variant="secondary" onClick={() => setRejecting(true)} disabled={decide.isPending}>
              {t('classifications.decision.reject')}
            </Button>
          )}
        </div>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            reject();
          }}
        >
          <Textfield
            id={reasonId}
            label={t('classifications.decision.reason')}
            multiline
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={reasonError ?? undefined}
          />
          <div className="classification-actions">
            <Button type="submit" disabled={decide.isPending}>
              {t('classifications.decision.sendBack')}
            </Button>
            <Button variant="tertiary" type="button" onClick={() => setRejecting(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
