import { Alert, Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from './labels.ts';
import { Link as RouterLink } from 'react-router';
import { hasPermission } from '../../api/me.ts';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { messageOf, useFormErrors } from '../../components/forms.ts';
import { useSignedInUser } from '../../components/RequireAuth.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import type { Lifecycle } from '../../api/systems.ts';
import { useSystemLabels } from '../shared/systemLabels.ts';
import { SystemPicker } from '../shared/SystemPicker.tsx';
import { agreementKeys, getAgreement, linkSystem, unlinkSystem, type Agreement, type LinkedSystem } from '../../api/agreements.ts';

/** The systems an agreement covers: listed, linked (edit rights on the system) and unlinked. */
export function LinkedSystemsSection({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const queryClient = useQueryClient();
  const systemLabels = useSystemLabels();
  const captionId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState<Notice | null>(null);
  const canLink = hasPermission(me, 'systems:write');

  const refreshLists = () => {
    void queryClient.invalidateQueries({ queryKey: agreementKeys.agreements, predicate: (q) => q.queryKey[1] !== 'one' });
  };

  const unlink = useMutation({
    mutationFn: (system: LinkedSystem) => unlinkSystem(agreement.id, system.id),
    onSuccess: async (_none, system) => {
      refreshLists();
      try {
        queryClient.setQueryData(agreementKeys.agreement(agreement.id), await getAgreement(agreement.id));
      } catch {
        // Without the link the agreement may be out of the caller's sight; the page then says so.
        void queryClient.invalidateQueries({ queryKey: agreementKeys.agreement(agreement.id) });
      }
      setStatus({ text: (t) => t('agreements.systems.unlinked', { name: system.name }) });
      window.requestAnimationFrame(() => headingRef.current?.focus());
    },
  });

  return (
    <section aria-labelledby="agreement-systems-heading" className="section">
      <Heading level={2} data-size="sm" id="agreement-systems-heading" ref={headingRef} tabIndex={-1} className="focus-target">
        {t('agreements.systems.heading')}
      </Heading>
      <div role="status" className="list-status">
        {status && <Alert data-color="success">{status.text(t)}</Alert>}
      </div>
      {unlink.isError && (
        <Alert data-color="danger" role="alert">
          {messageOf(unlink.error, t('errors.unexpected'))}
        </Alert>
      )}
      {agreement.systems.length === 0 ? (
        <Paragraph>{agreement.hiddenSystemCount > 0 ? t('agreements.systems.noneVisible') : t('agreements.systems.none')}</Paragraph>
      ) : (
        <TableScroll captionId={captionId}>
          <Table zebra className="data-table">
            <caption id={captionId} className="sr-only">
              {t('agreements.systems.caption', { title: agreement.title })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('agreements.systems.colName')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('agreements.systems.colRegisterNo')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('agreements.systems.colLifecycle')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('agreements.systems.colActions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {agreement.systems.map((s) => (
                <Table.Row key={s.id}>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={`/systems/${s.id}?tab=agreements`}>{s.name}</RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{s.registerNo}</Table.Cell>
                  <Table.Cell>{systemLabels.lifecycle(s.lifecycle as Lifecycle)}</Table.Cell>
                  <Table.Cell>
                    {s.canUnlink ? (
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        aria-label={t('agreements.systems.unlink', { name: s.name })}
                        loading={unlink.isPending && unlink.variables?.id === s.id}
                        onClick={() => !unlink.isPending && unlink.mutate(s)}
                      >
                        {t('agreements.unlinkShort')}
                      </Button>
                    ) : (
                      <span className="muted">{t('agreements.systems.noRights')}</span>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {agreement.hiddenSystemCount > 0 && <Paragraph>{t('agreements.systems.hidden', { count: agreement.hiddenSystemCount })}</Paragraph>}
      {canLink && (
        <LinkSystemForm
          agreement={agreement}
          onLinked={(fresh, name) => {
            queryClient.setQueryData(agreementKeys.agreement(agreement.id), fresh);
            refreshLists();
            setStatus({ text: (t) => t('agreements.systems.linked', { name }) });
          }}
        />
      )}
    </section>
  );
}

const FIELDS = ['systemId'] as const;

function LinkSystemForm({ agreement, onLinked }: { agreement: Agreement; onLinked: (fresh: Agreement, name: string) => void }) {
  const { t } = useTranslation();
  const [systemId, setSystemId] = useState('');
  const [pickerKey, setPickerKey] = useState(0);
  const errors = useFormErrors(FIELDS, `link-system-${agreement.id}`);

  const link = useMutation({
    mutationFn: () => linkSystem(agreement.id, systemId),
    onSuccess: (fresh) => {
      const name = fresh.systems.find((s) => s.id === systemId)?.name ?? '';
      setSystemId('');
      setPickerKey((k) => k + 1);
      onLinked(fresh, name);
    },
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (link.isPending) return;
    if (!systemId) {
      errors.showClientErrors({ systemId: t('agreements.systems.chooseSystem') });
      return;
    }
    errors.clear();
    link.mutate();
  }

  return (
    <section aria-labelledby="link-system-heading" className="section subsection">
      <Heading level={3} data-size="xs" id="link-system-heading">
        {t('agreements.systems.linkHeading')}
      </Heading>
      <Paragraph>{t('agreements.systems.linkIntro')}</Paragraph>
      <FormProblems errors={errors} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <SystemPicker
          key={pickerKey}
          id={errors.id('systemId')}
          legend={t('agreements.systems.system')}
          value={systemId}
          onChange={setSystemId}
          error={errors.fields.systemId}
          excludeIds={agreement.systems.map((s) => s.id)}
        />
        <div className="actions">
          <Button type="submit" loading={link.isPending}>
            {t('agreements.systems.linkSubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
