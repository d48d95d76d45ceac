import { Alert, Details, Fieldset, Heading, Link, Paragraph, Radio, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { hasPermission } from '../../api/me.ts';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { useFormErrors } from '../../components/forms.ts';
import { useLocale } from '../../components/language.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SaveForm } from '../../components/SaveForm.tsx';
import { useVersionedSave } from '../../components/versionedSave.ts';
import { useSignedInUser } from '../../components/RequireAuth.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { PersonAccessSection } from '../access/PersonAccessSection.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { orgKeys } from '../../api/org.ts';
import { usePersonStatusLabel } from '../shared/personLabels.ts';
import { getPerson, PERSON_STATUSES, peopleKeys, updatePerson, usePerson, type PersonDetail, type PersonStatus } from '../../api/people.ts';
import { PERSON_FIELDS, PersonFields, validatePerson, type PersonValues } from './PersonFields.tsx';

/** /people/:id — one person: details, status, and the roles they hold. */
export function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const person = usePerson(id);

  if (isApiError(person.error) && person.error.status === 404) return <NotFoundPage />;
  if (person.isError) return <LoadError error={person.error} />;
  if (!person.data) return <Spinner aria-label={t('people.loadingPerson')} />;
  return <PersonView key={person.data.id} person={person.data} />;
}

function PersonView({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useSignedInUser();
  const canManage = hasPermission(me, 'org:manage');
  const statusLabel = usePersonStatusLabel();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const current = person.roles.filter((r) => r.current);

  return (
    <>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/people">{t('people.backToList')}</RouterLink>
        </Link>
      </Paragraph>
      <PageHeading title={person.name} />
      {created && <FocusAlert color="success">{t('people.created', { name: person.name })}</FocusAlert>}
      {person.status === 'left' && (
        <Alert data-color="info">
          {person.leftAt ? t('people.hasLeftOn', { name: person.name, date: formatDate(person.leftAt, locale) }) : t('people.hasLeft', { name: person.name })}
        </Alert>
      )}
      <section aria-labelledby="person-details-heading" className="section">
        <Heading level={2} data-size="sm" id="person-details-heading">
          {t('people.detailsHeading')}
        </Heading>
        <dl className="facts">
          <dt>{t('people.fields.status')}</dt>
          <dd>
            <Tag data-color={person.status === 'active' ? 'success' : person.status === 'disabled' ? 'warning' : 'neutral'}>
              {statusLabel(person.status)}
            </Tag>
          </dd>
          <dt>{t('people.fields.title')}</dt>
          <dd>{person.title ?? t('common.none')}</dd>
          <dt>{t('people.fields.homeUnit')}</dt>
          <dd>
            {person.homeUnit ? (
              <Link asChild>
                <RouterLink to={`/organisation/${person.homeUnit.id}`}>{person.homeUnit.name}</RouterLink>
              </Link>
            ) : (
              t('people.noUnit')
            )}
          </dd>
          <dt>{t('people.fields.manager')}</dt>
          <dd>
            {person.manager ? (
              <Link asChild>
                <RouterLink to={`/people/${person.manager.id}`}>{person.manager.name}</RouterLink>
              </Link>
            ) : (
              t('common.none')
            )}
          </dd>
          <dt>{t('people.fields.email')}</dt>
          <dd>{person.email ?? t('common.none')}</dd>
          <dt>{t('people.fields.externalId')}</dt>
          <dd>{person.externalId ?? t('common.none')}</dd>
          <dt>{t('people.fields.updated')}</dt>
          <dd>
            <time dateTime={person.updatedAt}>{formatDateTime(person.updatedAt, locale)}</time>
          </dd>
        </dl>
        {canManage && (
          <div className="disclosures">
            <Details>
              <Details.Summary>{t('people.editHeading')}</Details.Summary>
              <Details.Content>
                <EditPersonForm person={person} />
              </Details.Content>
            </Details>
            <Details>
              <Details.Summary>{t('people.statusHeading')}</Details.Summary>
              <Details.Content>
                <StatusForm person={person} />
              </Details.Content>
            </Details>
          </div>
        )}
      </section>
      <section aria-labelledby="person-roles-heading" className="section">
        <Heading level={2} data-size="sm" id="person-roles-heading">
          {t('people.rolesHeading')}
        </Heading>
        {current.length === 0 ? (
          <Paragraph>{t('people.noRoles', { name: person.name })}</Paragraph>
        ) : (
          <PersonRoles person={person} />
        )}
        {person.status !== 'active' && current.length > 0 && (
          <Alert data-color="warning">{t('people.rolesButNotActive', { name: person.name, status: statusLabel(person.status) })}</Alert>
        )}
      </section>
      <PersonAccessSection person={person} />
    </>
  );
}

function PersonRoles({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const captionId = useId();
  return (
    <TableScroll captionId={captionId}>
      <Table zebra className="data-table">
        <caption id={captionId} className="sr-only">
          {t('people.rolesCaption', { name: person.name })}
        </caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('unitRoles.colRole')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('people.colFor')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('unitRoles.colFrom')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('unitRoles.colTo')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {person.roles
            .filter((r) => r.current)
            .map((role) => (
              <Table.Row key={role.id}>
                <Table.Cell>{role.roleName}</Table.Cell>
                <Table.Cell>
                  {role.subjectKind === 'unit' ? (
                    <Link asChild>
                      <RouterLink to={`/organisation/${role.subjectId}`}>{role.subjectName}</RouterLink>
                    </Link>
                  ) : (
                    role.subjectName
                  )}
                </Table.Cell>
                <Table.Cell>
                  <time dateTime={role.validFrom}>{formatDate(role.validFrom, locale)}</time>
                </Table.Cell>
                <Table.Cell>
                  {role.validTo ? <time dateTime={role.validTo}>{formatDate(role.validTo, locale)}</time> : t('unitRoles.untilFurther')}
                </Table.Cell>
              </Table.Row>
            ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

const valuesOf = (p: PersonDetail): PersonValues => ({
  name: p.name,
  email: p.email ?? '',
  title: p.title ?? '',
  homeUnitId: p.homeUnit?.id ?? '',
  managerId: p.manager?.id ?? '',
  externalId: p.externalId ?? '',
});

/** Reads the person again after a save (or a conflict): the cache, the form, and the lists that show them. */
function usePersonReload(person: PersonDetail, onFresh: (fresh: PersonDetail) => void) {
  const queryClient = useQueryClient();
  return async function reload() {
    const fresh = await getPerson(person.id);
    queryClient.setQueryData(peopleKeys.person(person.id), fresh);
    onFresh(fresh);
    void queryClient.invalidateQueries({ queryKey: peopleKeys.all, predicate: (q) => q.queryKey[1] !== 'person' });
    void queryClient.invalidateQueries({ queryKey: orgKeys.allHoldings });
  };
}

function EditPersonForm({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<PersonValues>(() => valuesOf(person));
  const errors = useFormErrors(PERSON_FIELDS, `edit-person-${person.id}`);
  const reload = usePersonReload(person, (fresh) => setValues(valuesOf(fresh)));

  const save = useVersionedSave({
    errors,
    save: () =>
      updatePerson(person.id, {
        version: person.version,
        name: values.name.trim(),
        email: values.email.trim() || null,
        title: values.title.trim() || null,
        homeUnitId: values.homeUnitId,
        managerId: values.managerId || null,
        externalId: values.externalId.trim() || null,
      }),
    reload,
    validate: () => validatePerson(values, t),
  });

  return (
    <SaveForm save={save} errors={errors} savedText={t('people.saved')} conflictText={t('people.conflict')} submitText={t('people.saveSubmit')}>
      <PersonFields key={person.version} values={values} onChange={setValues} errors={errors} manager={person.manager} selfId={person.id} />
    </SaveForm>
  );
}

function StatusForm({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const statusLabel = usePersonStatusLabel();
  const [status, setStatus] = useState<PersonStatus>(person.status);
  const errors = useFormErrors(['status'] as const, `person-status-${person.id}`);
  const reload = usePersonReload(person, (fresh) => setStatus(fresh.status));
  const save = useVersionedSave({ errors, save: () => updatePerson(person.id, { version: person.version, status }), reload });

  const hints: Record<PersonStatus, string> = {
    active: t('people.statusHint.active'),
    disabled: t('people.statusHint.disabled'),
    left: t('people.statusHint.left'),
  };

  return (
    <SaveForm
      save={save}
      errors={errors}
      savedText={t('people.statusSaved', { status: statusLabel(status) })}
      conflictText={t('people.conflict')}
      submitText={t('people.statusSubmit')}
    >
      <Fieldset>
        <Fieldset.Legend>{t('people.fields.status')}</Fieldset.Legend>
        {PERSON_STATUSES.map((s) => (
          <Radio
            key={s}
            name={`status-${person.id}`}
            value={s}
            label={statusLabel(s)}
            description={hints[s]}
            checked={status === s}
            onChange={() => setStatus(s)}
            id={s === 'active' ? errors.id('status') : undefined}
          />
        ))}
      </Fieldset>
    </SaveForm>
  );
}
