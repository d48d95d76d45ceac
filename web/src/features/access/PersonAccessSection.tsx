import { Alert, Button, Checkbox, Heading, Link, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { usePersonAccess, type PersonGrant } from '../../api/access.ts';
import { hasPermission } from '../../api/me.ts';
import { messageOf } from '../../components/forms.ts';
import { useSignedInUser } from '../../components/RequireAuth.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { Day, OriginText, RoleName, useAccessLabels } from './labels.tsx';
import { RemovalDialog, type RemovalTarget } from './RemovalDialog.tsx';
import './access.css';

/**
 * The person page's "Behörigheter": the person's access in every system the caller may see (system, access role,
 * privileged, since, until, how it came), the ended ones behind a toggle, and how many are in systems the caller
 * cannot see. A current grant's removal is ordered from its row.
 */
export function PersonAccessSection({ person }: { person: { id: string; name: string; status?: string } }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const headingId = useId();
  const access = usePersonAccess(person.id);
  const [showEnded, setShowEnded] = useState(false);
  const [removing, setRemoving] = useState<RemovalTarget | null>(null);
  const items = access.data?.items ?? [];
  const current = items.filter((g) => !g.endedAt);
  const ended = items.filter((g) => g.endedAt);
  const mayOrder = hasPermission(me, 'systems:write');

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('access.person.heading')}
      </Heading>
      {access.isPending && <Spinner aria-label={t('access.person.loading')} />}
      {access.isError && (
        <Alert data-color="danger" role="alert">
          {messageOf(access.error, t('errors.unexpected'))}
        </Alert>
      )}
      {mayOrder && person.status === 'active' && (
        <div className="actions">
          <Button asChild variant="secondary">
            <RouterLink to={`/access-orders/new?personId=${encodeURIComponent(person.id)}`}>
              {t('access.person.order', { name: person.name })}
            </RouterLink>
          </Button>
        </div>
      )}
      {access.data && (
        <>
          {current.length === 0 ? (
            <Paragraph>{t('access.person.none', { name: person.name })}</Paragraph>
          ) : (
            <PersonGrantsTable
              grants={current}
              caption={t('access.person.caption', { name: person.name })}
              onRemove={
                mayOrder
                  ? (g) => setRemoving({ grantId: g.id, roleName: g.accessRole.name, systemName: g.system.name, holder: person.name })
                  : undefined
              }
            />
          )}
          {access.data.hiddenCount > 0 && (
            <Paragraph data-size="sm">{t('access.person.hidden', { count: access.data.hiddenCount })}</Paragraph>
          )}
          {ended.length > 0 && (
            <Checkbox
              label={t('access.person.showEnded', { count: ended.length })}
              checked={showEnded}
              onChange={(e) => setShowEnded(e.target.checked)}
            />
          )}
          {showEnded && ended.length > 0 && (
            <PersonGrantsTable grants={ended} ended caption={t('access.person.captionEnded', { name: person.name })} />
          )}
        </>
      )}
      {removing && <RemovalDialog target={removing} onClose={() => setRemoving(null)} />}
    </section>
  );
}

function PersonGrantsTable({
  grants,
  caption,
  ended = false,
  onRemove,
}: {
  grants: PersonGrant[];
  caption: string;
  ended?: boolean;
  onRemove?: (grant: PersonGrant) => void;
}) {
  const { t } = useTranslation();
  const labels = useAccessLabels();
  const captionId = useId();
  return (
    <TableScroll captionId={captionId}>
      <Table zebra className="data-table">
        <caption id={captionId} className={ended ? undefined : 'sr-only'}>
          {caption}
        </caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('access.person.colSystem')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('access.grants.colRole')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('access.grants.colAccount')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('access.grants.colFrom')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('access.grants.colTo')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('access.grants.colOrigin')}</Table.HeaderCell>
            {ended && <Table.HeaderCell scope="col">{t('access.grants.colEnded')}</Table.HeaderCell>}
            {onRemove && <Table.HeaderCell scope="col">{t('access.grants.colActions')}</Table.HeaderCell>}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {grants.map((g) => (
            <Table.Row key={g.id}>
              <Table.Cell>
                <Link asChild>
                  <RouterLink to={`/systems/${g.system.id}?tab=access`}>{g.system.name}</RouterLink>
                </Link>
              </Table.Cell>
              <Table.Cell>
                <RoleName role={g.accessRole} />
              </Table.Cell>
              <Table.Cell>{g.account.username}</Table.Cell>
              <Table.Cell>
                <Day iso={g.validFrom} />
              </Table.Cell>
              <Table.Cell>
                <Day iso={g.validTo} none={ended ? '–' : t('access.untilFurther')} />
              </Table.Cell>
              <Table.Cell>
                <OriginText grant={g} />
              </Table.Cell>
              {ended && (
                <Table.Cell>
                  <Day iso={g.endedAt} />
                  {g.endReason && <div className="cell-note">{labels.endReason(g.endReason)}</div>}
                </Table.Cell>
              )}
              {onRemove && (
                <Table.Cell>
                  <Button
                    variant="tertiary"
                    data-size="sm"
                    aria-label={t('access.removal.orderIn', { role: g.accessRole.name, system: g.system.name })}
                    onClick={() => onRemove(g)}
                  >
                    {t('access.removal.order')}
                  </Button>
                </Table.Cell>
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
