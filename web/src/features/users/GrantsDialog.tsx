import { Alert, Button, Checkbox, Dialog, Heading, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { APP_ROLES } from '../../../../shared/roles.ts';
import { api, isApiError } from '../../api/client.ts';
import { meQueryKey } from '../../api/me.ts';
import type { AppRole, ResponseOf, Schema } from '../../api/types.ts';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { messageOf, useFormErrors } from '../../components/forms.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useOrgTree } from '../../api/org.ts';
import { UnitSelect } from '../shared/UnitSelect.tsx';
import { usersQueryKey, type UserSummary } from '../../api/users.ts';
import { useRoleLabel } from './labels.ts';

export type Grant = Schema<'UserGrant'>;

const grantsPath = (userId: string) => `/api/users/${encodeURIComponent(userId)}/grants`;
const grantsKey = (userId: string) => ['grants', userId] as const;

const FIELDS = ['role', 'orgUnitId', 'includeSubunits'] as const;

/** A user's permissions in Ansvar: which app role, for the whole installation or a unit (and below). */
export function GrantsDialog({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const captionId = useId();
  const roleLabel = useRoleLabel();
  const queryClient = useQueryClient();
  const tree = useOrgTree();
  const grants = useQuery({ queryKey: grantsKey(user.id), queryFn: () => api.get<ResponseOf<'/api/users/{id}/grants'>>(grantsPath(user.id)) });
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  const unitName = (grant: Grant): string => {
    if (grant.orgUnitId === null) return t('grants.wholeInstallation');
    return tree.data?.items.find((u) => u.id === grant.orgUnitId)?.path ?? grant.orgUnitName ?? t('grants.unknownUnit');
  };

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: grantsKey(user.id) });
    void queryClient.invalidateQueries({ queryKey: usersQueryKey });
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
  };

  const remove = useMutation({
    mutationFn: (grant: Grant) => api.delete<void>(`${grantsPath(user.id)}/${encodeURIComponent(grant.id)}`),
    onMutate: () => setStatus(null),
    onSuccess: (_, grant) => {
      setStatus({ text: t('grants.removed', { role: roleLabel(grant.role), scope: unitName(grant) }), error: false });
      refresh();
    },
    onError: (error) => setStatus({ text: messageOf(error, t('errors.unexpected')), error: true }),
  });

  const items = grants.data?.items ?? [];

  return (
    <Dialog open onClose={onClose} closeButton={t('common.close')} aria-labelledby={headingId} className="wide-dialog">
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId}>
          {t('grants.title', { name: user.name })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <Paragraph data-size="sm">{t('grants.intro')}</Paragraph>
        <div role="status" className="list-status">
          {status && <Alert data-color={status.error ? 'danger' : 'success'}>{status.text}</Alert>}
        </div>
        {grants.isPending && <Spinner aria-label={t('grants.loading')} />}
        {grants.isError && (
          <Alert data-color="danger" role="alert">
            {isApiError(grants.error) ? grants.error.message : t('errors.unexpected')}
          </Alert>
        )}
        {grants.isSuccess && items.length === 0 && <Paragraph>{t('grants.empty', { name: user.name })}</Paragraph>}
        {items.length > 0 && (
          <TableScroll captionId={captionId}>
          <Table zebra className="data-table">
            <caption id={captionId} className="sr-only">
              {t('grants.caption', { name: user.name })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('grants.colRole')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('grants.colScope')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('grants.colSubunits')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('grants.colActions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((grant) => (
                <Table.Row key={grant.id}>
                  <Table.Cell>{roleLabel(grant.role)}</Table.Cell>
                  <Table.Cell>{unitName(grant)}</Table.Cell>
                  <Table.Cell>
                    {grant.orgUnitId === null ? t('grants.notApplicable') : grant.includeSubunits ? t('common.yes') : t('common.no')}
                  </Table.Cell>
                  <Table.Cell>
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      loading={remove.isPending && remove.variables?.id === grant.id}
                      aria-label={t('grants.removeFor', { role: roleLabel(grant.role), scope: unitName(grant) })}
                      onClick={() => !remove.isPending && remove.mutate(grant)}
                    >
                      {t('grants.remove')}
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          </TableScroll>
        )}
        <AddGrantForm
          userId={user.id}
          onAdded={(text) => {
            setStatus({ text, error: false });
            refresh();
          }}
        />
        <div className="actions dialog-actions">
          <Button variant="secondary" onClick={onClose}>
            {t('common.close')}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}

function AddGrantForm({ userId, onAdded }: { userId: string; onAdded: (text: string) => void }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const tree = useOrgTree();
  const [role, setRole] = useState<AppRole>('user');
  const [orgUnitId, setOrgUnitId] = useState('');
  const [includeSubunits, setIncludeSubunits] = useState(true);
  const errors = useFormErrors(FIELDS, `add-grant-${userId}`);

  const add = useMutation({
    mutationFn: () =>
      api.post<Grant>(grantsPath(userId), { role, orgUnitId: orgUnitId || null, includeSubunits: orgUnitId ? includeSubunits : false }),
    onSuccess: () => {
      const scope = orgUnitId ? (tree.data?.items.find((u) => u.id === orgUnitId)?.path ?? '') : t('grants.wholeInstallation');
      onAdded(t('grants.added', { role: roleLabel(role), scope }));
      setOrgUnitId('');
      setIncludeSubunits(true);
    },
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (add.isPending) return;
    errors.clear();
    add.mutate();
  }

  return (
    <section aria-labelledby={`add-grant-heading-${userId}`} className="section">
      <Heading level={3} data-size="2xs" id={`add-grant-heading-${userId}`}>
        {t('grants.addHeading')}
      </Heading>
      <FormProblems errors={errors} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <SelectField
          id={errors.id('role')}
          label={t('fields.role')}
          description={t('users.roleHint')}
          value={role}
          onChange={(v) => setRole(v as AppRole)}
          options={APP_ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
          error={errors.fields.role}
        />
        <UnitSelect
          id={errors.id('orgUnitId')}
          label={t('grants.unit')}
          description={t('grants.unitHint')}
          value={orgUnitId}
          onChange={setOrgUnitId}
          placeholder={t('grants.wholeInstallation')}
          error={errors.fields.orgUnitId}
        />
        {orgUnitId && (
          <Checkbox
            id={errors.id('includeSubunits')}
            label={t('grants.includeSubunits')}
            checked={includeSubunits}
            onChange={(e) => setIncludeSubunits(e.target.checked)}
            error={errors.fields.includeSubunits}
          />
        )}
        <div className="actions">
          <Button type="submit" loading={add.isPending}>
            {t('grants.addSubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
