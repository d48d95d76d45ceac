import { Alert, Button, Checkbox, Dialog, Heading, Link, Paragraph, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { formatDate } from '../../components/format.ts';
import { messageOf, useFormErrors, type FieldMessages } from '../../components/forms.ts';
import { useLocale } from '../../components/language.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useReturnFocus } from '../../components/returnFocus.ts';
import { peopleKeys } from '../people/api.ts';
import { PersonPicker } from '../people/PersonPicker.tsx';
import {
  assignRole, endHolding, handOver, orgKeys, today, useRoles, useUnitHoldings, type OrgUnitDetail, type RoleDefinition, type RoleHolding,
} from './api.ts';
import { usePersonStatusLabel } from './labels.ts';

/** Roles that can be held for this unit: unit roles, and on a kommun also the organisation-wide ones. */
export function rolesForUnit(roles: RoleDefinition[], unit: Pick<OrgUnitDetail, 'kind'>): RoleDefinition[] {
  return roles.filter((role) => role.subjectKinds.includes('unit') || (unit.kind === 'kommun' && role.subjectKinds.includes('organisation')));
}

interface Props {
  unit: OrgUnitDetail;
  canManage: boolean;
}

/** Who holds which role for the unit now (or also earlier), with assign, end and hand over. */
export function UnitRoles({ unit, canManage }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const statusLabel = usePersonStatusLabel();
  const queryClient = useQueryClient();
  const [showEnded, setShowEnded] = useState(false);
  const holdings = useUnitHoldings(unit.id, !showEnded);
  const roles = useRoles();
  const items = holdings.data?.pages.flatMap((page) => page.items) ?? [];
  const tableRef = useRef<HTMLTableElement>(null);
  const captionId = useId();
  const [ending, setEnding] = useState<RoleHolding | null>(null);
  const [handingOver, setHandingOver] = useState<RoleHolding | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focus = useReturnFocus();

  const applicable = rolesForUnit(roles.data?.items ?? [], unit);
  const currentKeys = new Set(items.filter((h) => h.current).map((h) => h.roleKey));
  const missing = holdings.isSuccess && !holdings.hasNextPage ? applicable.filter((r) => r.minHolders > 0 && !currentKeys.has(r.key)) : [];

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: orgKeys.allHoldings });
    void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
  };

  const end = useMutation({
    mutationFn: (holding: RoleHolding) => endHolding(holding.id),
    onSuccess: (_, holding) => {
      setEnding(null);
      focus.restore(headingRef.current);
      setStatus(t('unitRoles.ended', { role: holding.roleName, name: holding.person.name }));
      refresh();
    },
  });

  return (
    <section aria-labelledby="unit-roles-heading" className="section">
      <Heading level={2} data-size="sm" id="unit-roles-heading" ref={headingRef} tabIndex={-1} className="focus-target">
        {t('unitRoles.heading')}
      </Heading>
      <Paragraph>{t('unitRoles.intro')}</Paragraph>
      <Checkbox label={t('unitRoles.showEnded')} checked={showEnded} onChange={(e) => setShowEnded(e.target.checked)} />
      <div role="status" className="list-status">
        {status && <Alert data-color="success">{status}</Alert>}
      </div>
      {missing.length > 0 && (
        <Alert data-color="warning">
          <Heading level={3} data-size="2xs">
            {t('unitRoles.missingHeading')}
          </Heading>
          <ul>
            {missing.map((role) => (
              <li key={role.key}>{t('unitRoles.missing', { role: role.name })}</li>
            ))}
          </ul>
        </Alert>
      )}
      {holdings.isPending && <Spinner aria-label={t('unitRoles.loading')} />}
      {holdings.isError && (
        <Alert data-color="danger" role="alert">
          {isApiError(holdings.error) ? holdings.error.message : t('errors.unexpected')}
        </Alert>
      )}
      {holdings.isSuccess && items.length === 0 && <Paragraph>{t(showEnded ? 'unitRoles.emptyAll' : 'unitRoles.empty')}</Paragraph>}
      {items.length > 0 && (
        <TableScroll captionId={captionId}>
          <Table ref={tableRef} zebra className="data-table">
            <caption id={captionId} className="sr-only">
              {t('unitRoles.caption', { name: unit.name })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('unitRoles.colRole')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('unitRoles.colPerson')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('unitRoles.colFrom')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('unitRoles.colTo')}</Table.HeaderCell>
                {canManage && <Table.HeaderCell scope="col">{t('unitRoles.colActions')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((holding) => (
                <Table.Row key={holding.id} tabIndex={-1}>
                  <Table.Cell>
                    {holding.roleName}
                    {!holding.current && <div className="cell-note">{t('unitRoles.notCurrent')}</div>}
                  </Table.Cell>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={`/people/${holding.person.id}`}>{holding.person.name}</RouterLink>
                    </Link>
                    {holding.person.status !== 'active' && <div className="cell-note">{statusLabel(holding.person.status)}</div>}
                  </Table.Cell>
                  <Table.Cell>
                    <time dateTime={holding.validFrom}>{formatDate(holding.validFrom, locale)}</time>
                  </Table.Cell>
                  <Table.Cell>
                    {holding.validTo ? <time dateTime={holding.validTo}>{formatDate(holding.validTo, locale)}</time> : t('unitRoles.untilFurther')}
                  </Table.Cell>
                  {canManage && (
                    <Table.Cell>
                      {holding.current && (
                        <div className="actions">
                          <Button
                            variant="secondary"
                            data-size="sm"
                            aria-label={t('unitRoles.handOverFor', { role: holding.roleName, name: holding.person.name })}
                            onClick={() => {
                              setStatus(null);
                              focus.remember();
                              setHandingOver(holding);
                            }}
                          >
                            {t('unitRoles.handOver')}
                          </Button>
                          <Button
                            variant="tertiary"
                            data-size="sm"
                            aria-label={t('unitRoles.endFor', { role: holding.roleName, name: holding.person.name })}
                            onClick={() => {
                              setStatus(null);
                              end.reset();
                              focus.remember();
                              setEnding(holding);
                            }}
                          >
                            {t('unitRoles.end')}
                          </Button>
                        </div>
                      )}
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <ShowMore
        hasMore={holdings.hasNextPage}
        loading={holdings.isFetchingNextPage}
        onMore={() => void holdings.fetchNextPage()}
        count={items.length}
        tableRef={tableRef}
      />
      {canManage && (
        <AssignRoleForm
          unit={unit}
          roles={applicable}
          rolesError={roles.isError ? (isApiError(roles.error) ? roles.error.message : t('errors.unexpected')) : null}
          onAssigned={(holding) => {
            setStatus(t('unitRoles.assigned', { role: holding.roleName, name: holding.person.name }));
            refresh();
          }}
        />
      )}
      <ConfirmDialog
        open={ending !== null}
        title={ending ? t('unitRoles.endTitle', { role: ending.roleName, name: ending.person.name }) : ''}
        confirmLabel={t('unitRoles.endConfirm')}
        onConfirm={() => ending && end.mutate(ending)}
        onClose={() => {
          setEnding(null);
          focus.restore(headingRef.current);
        }}
        busy={end.isPending}
        error={end.isError ? messageOf(end.error, t('errors.unexpected')) : null}
      >
        {ending ? t('unitRoles.endText', { role: ending.roleName, name: ending.person.name, unit: unit.name }) : ''}
      </ConfirmDialog>
      {handingOver && (
        <HandoverDialog
          holding={handingOver}
          onClose={() => {
            setHandingOver(null);
            focus.restore(headingRef.current);
          }}
          onDone={(result) => {
            setHandingOver(null);
            focus.restore(headingRef.current);
            setStatus(t('unitRoles.handedOver', { role: result.started.roleName, from: result.ended.person.name, to: result.started.person.name }));
            refresh();
          }}
        />
      )}
    </section>
  );
}

const ASSIGN_FIELDS = ['roleKey', 'personId', 'validFrom'] as const;
type AssignField = (typeof ASSIGN_FIELDS)[number];

function AssignRoleForm({
  unit,
  roles,
  rolesError,
  onAssigned,
}: {
  unit: OrgUnitDetail;
  roles: RoleDefinition[];
  rolesError: string | null;
  onAssigned: (holding: RoleHolding) => void;
}) {
  const { t } = useTranslation();
  const [roleKey, setRoleKey] = useState('');
  const [personId, setPersonId] = useState('');
  const [validFrom, setValidFrom] = useState(today());
  const [pickerKey, setPickerKey] = useState(0);
  const errors = useFormErrors(ASSIGN_FIELDS, 'assign-role');
  const role = roles.find((r) => r.key === roleKey);

  const assign = useMutation({
    mutationFn: () => assignRole({ roleKey, subjectKind: 'unit', subjectId: unit.id, personId, validFrom: validFrom || undefined }),
    onSuccess: (holding) => {
      setRoleKey('');
      setPersonId('');
      setValidFrom(today());
      setPickerKey((k) => k + 1);
      onAssigned(holding);
    },
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (assign.isPending) return;
    const found: FieldMessages<AssignField> = {};
    if (!roleKey) found.roleKey = t('unitRoles.validation.roleRequired');
    if (!personId) found.personId = t('unitRoles.validation.personRequired');
    if (Object.keys(found).length > 0) {
      errors.showClientErrors(found);
      return;
    }
    errors.clear();
    assign.mutate();
  }

  return (
    <section aria-labelledby="assign-role-heading" className="section subsection">
      <Heading level={3} data-size="xs" id="assign-role-heading">
        {t('unitRoles.assignHeading')}
      </Heading>
      {rolesError && (
        <Alert data-color="danger" role="alert">
          {rolesError}
        </Alert>
      )}
      <FormProblems errors={errors} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <SelectField
          id={errors.id('roleKey')}
          label={t('unitRoles.fields.role')}
          description={role?.description || t('unitRoles.fields.roleHint')}
          value={roleKey}
          onChange={setRoleKey}
          placeholder={t('unitRoles.fields.rolePlaceholder')}
          options={roles.map((r) => ({ value: r.key, label: r.name }))}
          error={errors.fields.roleKey}
          required
        />
        <PersonPicker
          key={pickerKey}
          id={errors.id('personId')}
          legend={t('unitRoles.fields.person')}
          value={personId}
          onChange={setPersonId}
          error={errors.fields.personId}
        />
        <Textfield
          id={errors.id('validFrom')}
          label={t('unitRoles.fields.validFrom')}
          type="date"
          value={validFrom}
          onChange={(e) => setValidFrom(e.target.value)}
          error={errors.fields.validFrom}
        />
        <div className="actions">
          <Button type="submit" loading={assign.isPending}>
            {t('unitRoles.assignSubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

const HANDOVER_FIELDS = ['personId', 'date'] as const;

function HandoverDialog({
  holding,
  onClose,
  onDone,
}: {
  holding: RoleHolding;
  onClose: () => void;
  onDone: (result: { ended: RoleHolding; started: RoleHolding }) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [personId, setPersonId] = useState('');
  const [date, setDate] = useState(today());
  const errors = useFormErrors(HANDOVER_FIELDS, 'handover');

  const handover = useMutation({
    mutationFn: () => handOver(holding.id, personId, date || undefined),
    onSuccess: onDone,
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (handover.isPending) return;
    if (!personId) {
      errors.showClientErrors({ personId: t('unitRoles.validation.personRequired') });
      return;
    }
    errors.clear();
    handover.mutate();
  }

  return (
    <Dialog open onClose={onClose} closeButton={t('common.close')} aria-labelledby={headingId}>
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId}>
          {t('unitRoles.handOverTitle', { role: holding.roleName, name: holding.person.name })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <Paragraph>{t('unitRoles.handOverText', { role: holding.roleName, name: holding.person.name })}</Paragraph>
        <FormProblems errors={errors} />
        <form className="form" noValidate onSubmit={onSubmit}>
          <PersonPicker
            id={errors.id('personId')}
            legend={t('unitRoles.fields.successor')}
            value={personId}
            onChange={setPersonId}
            error={errors.fields.personId}
            excludeId={holding.person.id}
          />
          <Textfield
            id={errors.id('date')}
            label={t('unitRoles.fields.handOverDate')}
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            error={errors.fields.date}
          />
          <div className="actions">
            <Button type="submit" loading={handover.isPending}>
              {t('unitRoles.handOverSubmit')}
            </Button>
            <Button type="button" variant="secondary" onClick={onClose}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}
