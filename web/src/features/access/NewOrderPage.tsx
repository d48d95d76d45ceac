import { Alert, Button, Link, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { useAccessRoles } from '../../api/access.ts';
import { createOrder, orderKeys } from '../../api/access-orders.ts';
import { getPerson, peopleKeys } from '../../api/people.ts';
import { getSystem, systemKeys } from '../../api/systems.ts';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { messageOf, useFormErrors } from '../../components/forms.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { PersonPicker } from '../shared/PersonPicker.tsx';
import { SystemPicker } from '../shared/SystemPicker.tsx';
import { todayIso } from '../shared/systemLabels.ts';

const FIELDS = ['personId', 'systemId', 'accessRoleId', 'reason', 'validFrom', 'validTo'] as const;

/**
 * /access-orders/new — a chef orders access for someone in their unit: the person, the system, one of the system's
 * active access roles (a privileged one says it needs the systemägare's approval), why, from which day and, for a
 * temporary need, the last day. `?systemId=` and `?personId=` fill in the system and the person.
 */
export function NewOrderPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const presetSystem = params.get('systemId') ?? '';
  const presetPerson = params.get('personId') ?? '';
  const person = useQuery({
    queryKey: peopleKeys.person(presetPerson),
    queryFn: () => getPerson(presetPerson),
    enabled: Boolean(presetPerson),
  });
  const fixedSystem = useQuery({
    queryKey: systemKeys.system(presetSystem),
    queryFn: () => getSystem(presetSystem),
    enabled: Boolean(presetSystem),
  });
  const [keepSystem, setKeepSystem] = useState(Boolean(presetSystem));
  const [values, setValues] = useState({
    personId: presetPerson,
    systemId: presetSystem,
    accessRoleId: '',
    reason: '',
    validFrom: todayIso(),
    validTo: '',
  });
  const errors = useFormErrors(FIELDS, 'new-order');
  const roles = useAccessRoles(values.systemId, { enabled: Boolean(values.systemId) });
  const active = (values.systemId ? (roles.data?.items ?? []) : []).filter((r) => r.status === 'active');
  const chosen = active.find((r) => r.id === values.accessRoleId);
  const set = (patch: Partial<typeof values>) => setValues((v) => ({ ...v, ...patch }));

  const order = useMutation({
    mutationFn: () =>
      createOrder({
        kind: 'grant',
        personId: values.personId,
        systemId: values.systemId,
        accessRoleId: values.accessRoleId,
        reason: values.reason.trim(),
        validFrom: values.validFrom,
        validTo: values.validTo || null,
      }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: orderKeys.all });
      void navigate(`/access-orders/${created.id}`, { state: { created: true } });
    },
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
  });

  function validate() {
    const found: Partial<Record<(typeof FIELDS)[number], string>> = {};
    if (!values.personId) found.personId = t('access.newOrder.personRequired');
    if (!values.systemId) found.systemId = t('access.newOrder.systemRequired');
    else if (!values.accessRoleId) found.accessRoleId = t('access.newOrder.roleRequired');
    if (!values.reason.trim()) found.reason = t('access.newOrder.reasonRequired');
    if (!values.validFrom) found.validFrom = t('access.newOrder.fromRequired');
    else if (values.validFrom < todayIso()) found.validFrom = t('access.newOrder.fromPast');
    if (values.validTo && values.validFrom && values.validTo < values.validFrom) found.validTo = t('access.newOrder.toBeforeFrom');
    return found;
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (order.isPending) return;
    const found = validate();
    if (Object.keys(found).length > 0) return errors.showClientErrors(found);
    errors.clear();
    order.mutate();
  }

  return (
    <>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/access-orders">{t('access.newOrder.back')}</RouterLink>
        </Link>
      </Paragraph>
      <PageHeading title={t('access.newOrder.title')} />
      <Paragraph>{t('access.newOrder.intro')}</Paragraph>
      <FormProblems errors={errors} />
      <form className="form" noValidate onSubmit={onSubmit}>
        {presetPerson && person.isPending ? (
          <Spinner aria-label={t('common.loading')} />
        ) : (
          <PersonPicker
            id={errors.id('personId')}
            legend={t('access.newOrder.person')}
            description={t('access.newOrder.personHint')}
            value={values.personId}
            onChange={(personId) => set({ personId })}
            current={person.data ? { id: person.data.id, name: person.data.name } : null}
            error={errors.fields.personId}
          />
        )}
        {keepSystem && fixedSystem.data ? (
          <div className="picker">
            <Paragraph id={errors.id('systemId')} tabIndex={-1}>
              {t('access.newOrder.systemFixed', { name: fixedSystem.data.name })}
            </Paragraph>
            <div className="actions">
              <Button type="button" variant="tertiary" data-size="sm" onClick={() => setKeepSystem(false)}>
                {t('access.newOrder.otherSystem')}
              </Button>
            </div>
          </div>
        ) : (
          <SystemPicker
            id={errors.id('systemId')}
            legend={t('access.newOrder.system')}
            value={values.systemId}
            onChange={(systemId) => set({ systemId, accessRoleId: '' })}
            error={errors.fields.systemId}
          />
        )}
        <SelectField
          id={errors.id('accessRoleId')}
          label={t('access.newOrder.role')}
          description={
            !values.systemId
              ? t('access.newOrder.roleFirstSystem')
              : roles.isPending
                ? t('common.loading')
                : roles.isError
                  ? messageOf(roles.error, t('errors.unexpected'))
                  : active.length === 0
                    ? t('access.newOrder.noRoles')
                    : t('access.newOrder.roleHint')
          }
          placeholder={t('access.newOrder.rolePlaceholder')}
          value={values.accessRoleId}
          onChange={(accessRoleId) => set({ accessRoleId })}
          options={active.map((r) => ({ value: r.id, label: r.privileged ? t('access.roleOptionPrivileged', { name: r.name }) : r.name }))}
          error={errors.fields.accessRoleId}
        />
        {chosen?.description && <Paragraph data-size="sm">{t('access.newOrder.roleGives', { description: chosen.description })}</Paragraph>}
        {chosen?.privileged && (
          <Alert data-color="info" data-size="sm">
            {t('access.newOrder.needsApproval', { name: chosen.name })}
          </Alert>
        )}
        <Textfield
          id={errors.id('reason')}
          label={t('access.newOrder.reason')}
          description={t('access.newOrder.reasonHint')}
          multiline
          rows={3}
          value={values.reason}
          onChange={(e) => set({ reason: e.target.value })}
          error={errors.fields.reason}
        />
        <Textfield
          id={errors.id('validFrom')}
          label={t('access.newOrder.from')}
          type="date"
          min={todayIso()}
          className="narrow-field"
          value={values.validFrom}
          onChange={(e) => set({ validFrom: e.target.value })}
          error={errors.fields.validFrom}
        />
        <Textfield
          id={errors.id('validTo')}
          label={t('access.newOrder.to')}
          description={t('access.newOrder.toHint')}
          type="date"
          min={values.validFrom || todayIso()}
          className="narrow-field"
          value={values.validTo}
          onChange={(e) => set({ validTo: e.target.value })}
          error={errors.fields.validTo}
        />
        <div className="actions">
          <Button type="submit" loading={order.isPending}>
            {t('access.newOrder.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
