import { Alert, Breadcrumbs, Button, Checkbox, Details, Heading, Link, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { hasPermission } from '../../api/me.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { messageOf } from '../../components/forms.ts';
import { useLocale } from '../../components/language.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useSignedInUser } from '../../components/RequireAuth.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { usePeople } from '../../api/people.ts';
import { PeopleTable } from '../people/PeopleTable.tsx';
import { deactivateUnit, getUnit, orgKeys, useOrgUnit, useSubUnits, type OrgUnitDetail } from '../../api/org.ts';
import { CreateUnitForm } from './CreateUnitForm.tsx';
import { EditUnitForm } from './EditUnitForm.tsx';
import { useFunctionLabel, useKindLabel, useUnitDescription } from './labels.ts';
import { MoveUnitForm } from './MoveUnitForm.tsx';
import { UnitRoles } from './UnitRoles.tsx';

/** /organisation/:id — one unit: where it sits, its details, sub-units, people and role holders. */
export function UnitPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const unit = useOrgUnit(id);

  if (isApiError(unit.error) && unit.error.status === 404) return <NotFoundPage />;
  if (unit.isError) {
    return (
      <>
        <PageHeading title={t('errors.title')} />
        <Alert data-color="danger" role="alert">
          {isApiError(unit.error) ? unit.error.message : t('errors.unexpected')}
        </Alert>
      </>
    );
  }
  if (!unit.data) return <Spinner aria-label={t('org.loadingUnit')} />;
  // A new key per unit: forms start from that unit's values when the user follows a link to another one.
  return <UnitView key={unit.data.id} unit={unit.data} />;
}

function UnitView({ unit }: { unit: OrgUnitDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useSignedInUser();
  const canManage = hasPermission(me, 'org:manage');
  const kindLabel = useKindLabel();
  const functionLabel = useFunctionLabel();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [deactivated, setDeactivated] = useState(0);

  const deactivate = useMutation({
    mutationFn: () => deactivateUnit(unit.id, unit.version),
    onSuccess: async () => {
      setConfirming(false);
      setDeactivated(Date.now());
      queryClient.setQueryData(orgKeys.unit(unit.id), await getUnit(unit.id));
      void queryClient.invalidateQueries({ queryKey: orgKeys.all });
    },
    onError: (error) => {
      // A stale version: read the unit again so a second try uses the fresh one.
      if (isApiError(error) && error.code === 'conflict') void queryClient.invalidateQueries({ queryKey: orgKeys.unit(unit.id) });
    },
  });

  return (
    <>
      <Breadcrumbs aria-label={t('org.breadcrumbs')}>
        <Breadcrumbs.List>
          <Breadcrumbs.Item>
            <Breadcrumbs.Link asChild>
              <RouterLink to="/organisation">{t('org.title')}</RouterLink>
            </Breadcrumbs.Link>
          </Breadcrumbs.Item>
          {unit.ancestors.map((ancestor) => (
            <Breadcrumbs.Item key={ancestor.id}>
              <Breadcrumbs.Link asChild>
                <RouterLink to={`/organisation/${ancestor.id}`}>{ancestor.name}</RouterLink>
              </Breadcrumbs.Link>
            </Breadcrumbs.Item>
          ))}
          <Breadcrumbs.Item>
            <Breadcrumbs.Link aria-current="page">{unit.name}</Breadcrumbs.Link>
          </Breadcrumbs.Item>
        </Breadcrumbs.List>
      </Breadcrumbs>
      <PageHeading title={unit.name} />
      {deactivated > 0 && (
        <FocusAlert color="success" focusKey={deactivated}>
          {t('org.deactivated', { name: unit.name })}
        </FocusAlert>
      )}
      <section aria-labelledby="unit-details-heading" className="section">
        <Heading level={2} data-size="sm" id="unit-details-heading">
          {t('org.detailsHeading')}
        </Heading>
        <dl className="facts">
          <dt>{t('org.fields.kind')}</dt>
          <dd>{kindLabel(unit.kind)}</dd>
          <dt>{t('org.fields.function')}</dt>
          <dd>{functionLabel(unit.function) ?? t('org.function.none')}</dd>
          <dt>{t('org.fields.status')}</dt>
          <dd>{unit.status === 'active' ? t('org.statusActive') : t('org.statusInactive')}</dd>
          <dt>{t('org.fields.place')}</dt>
          <dd>{unit.path}</dd>
          <dt>{t('org.fields.code')}</dt>
          <dd>{unit.code ?? t('common.none')}</dd>
          <dt>{t('org.fields.externalId')}</dt>
          <dd>{unit.externalId ?? t('common.none')}</dd>
          <dt>{t('org.fields.updated')}</dt>
          <dd>
            <time dateTime={unit.updatedAt}>{formatDateTime(unit.updatedAt, locale)}</time>
          </dd>
        </dl>
        {canManage && (
          <div className="disclosures">
            <Details>
              <Details.Summary>{t('org.editHeading')}</Details.Summary>
              <Details.Content>
                <EditUnitForm unit={unit} />
              </Details.Content>
            </Details>
            <Details>
              <Details.Summary>{t('org.moveHeading')}</Details.Summary>
              <Details.Content>
                <MoveUnitForm unit={unit} />
              </Details.Content>
            </Details>
            {unit.status === 'active' && (
              <Details>
                <Details.Summary>{t('org.deactivateHeading')}</Details.Summary>
                <Details.Content>
                  <Paragraph>{t('org.deactivateIntro')}</Paragraph>
                  <div className="actions">
                    <Button
                      variant="secondary"
                      data-color="danger"
                      onClick={() => {
                        deactivate.reset();
                        setConfirming(true);
                      }}
                    >
                      {t('org.deactivate')}
                    </Button>
                  </div>
                </Details.Content>
              </Details>
            )}
          </div>
        )}
      </section>
      <SubUnits unit={unit} canManage={canManage} />
      <UnitPeople unit={unit} />
      <UnitRoles unit={unit} canManage={canManage} />
      <ConfirmDialog
        open={confirming}
        title={t('org.deactivateTitle', { name: unit.name })}
        confirmLabel={t('org.deactivateConfirm')}
        onConfirm={() => deactivate.mutate()}
        onClose={() => setConfirming(false)}
        busy={deactivate.isPending}
        error={deactivate.isError ? messageOf(deactivate.error, t('errors.unexpected')) : null}
      >
        {t('org.deactivateText', { name: unit.name })}
      </ConfirmDialog>
    </>
  );
}

function SubUnits({ unit, canManage }: { unit: OrgUnitDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const children = useSubUnits(unit.id);
  const items = children.data?.pages.flatMap((page) => page.items) ?? [];
  const tableRef = useRef<HTMLTableElement>(null);
  const captionId = useId();
  const describe = useUnitDescription();

  return (
    <section aria-labelledby="sub-units-heading" className="section">
      <Heading level={2} data-size="sm" id="sub-units-heading">
        {t('org.subUnitsHeading')}
      </Heading>
      {children.isPending && <Spinner aria-label={t('org.loadingSubUnits')} />}
      {children.isError && (
        <Alert data-color="danger" role="alert">
          {isApiError(children.error) ? children.error.message : t('errors.unexpected')}
        </Alert>
      )}
      {children.isSuccess && items.length === 0 && <Paragraph>{t('org.noSubUnits')}</Paragraph>}
      {items.length > 0 && (
        <TableScroll captionId={captionId}>
          <Table ref={tableRef} zebra className="data-table">
            <caption id={captionId} className="sr-only">
              {t('org.subUnitsCaption', { name: unit.name })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('org.colName')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('org.colKind')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('org.colCode')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((child) => (
                <Table.Row key={child.id} tabIndex={-1}>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={`/organisation/${child.id}`}>{child.name}</RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{describe(child)}</Table.Cell>
                  <Table.Cell>{child.code ?? '–'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <ShowMore
        hasMore={children.hasNextPage}
        loading={children.isFetchingNextPage}
        onMore={() => void children.fetchNextPage()}
        count={items.length}
        tableRef={tableRef}
      />
      {canManage && unit.status === 'active' && (
        <Details>
          <Details.Summary>{t('org.addSubUnit', { name: unit.name })}</Details.Summary>
          <Details.Content>
            <CreateUnitForm defaultParentId={unit.id} />
          </Details.Content>
        </Details>
      )}
    </section>
  );
}

function UnitPeople({ unit }: { unit: OrgUnitDetail }) {
  const { t } = useTranslation();
  const [includeSubunits, setIncludeSubunits] = useState(false);
  const people = usePeople({ unitId: unit.id, includeSubunits });
  const items = people.data?.pages.flatMap((page) => page.items) ?? [];
  const tableRef = useRef<HTMLTableElement>(null);

  return (
    <section aria-labelledby="unit-people-heading" className="section">
      <Heading level={2} data-size="sm" id="unit-people-heading">
        {t('org.peopleHeading')}
      </Heading>
      <Checkbox label={t('org.includeSubunitsPeople')} checked={includeSubunits} onChange={(e) => setIncludeSubunits(e.target.checked)} />
      {people.isPending && <Spinner aria-label={t('people.loading')} />}
      {people.isError && (
        <Alert data-color="danger" role="alert">
          {isApiError(people.error) ? people.error.message : t('errors.unexpected')}
        </Alert>
      )}
      {people.isSuccess && items.length === 0 && <Paragraph>{t(includeSubunits ? 'org.noPeopleTree' : 'org.noPeople')}</Paragraph>}
      {items.length > 0 && <PeopleTable people={items} tableRef={tableRef} caption={t('org.peopleCaption', { name: unit.name })} />}
      <ShowMore
        hasMore={people.hasNextPage}
        loading={people.isFetchingNextPage}
        onMore={() => void people.fetchNextPage()}
        count={items.length}
        tableRef={tableRef}
      />
    </section>
  );
}
