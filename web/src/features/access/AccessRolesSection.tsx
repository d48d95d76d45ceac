import { Button, Details, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessRole } from '../../api/access.ts';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { AccessRoleForm, EditAccessRoleDialog } from './AccessRoleForm.tsx';
import { PrivilegedTag } from './labels.tsx';

interface Props {
  systemId: string;
  roles: AccessRole[];
  /** May the caller keep the access roles (the API's can.administer). */
  administer: boolean;
}

/** The system's access roles: name, what it gives, privileged in words, current grants; add and change them. */
export function AccessRolesSection({ systemId, roles, administer }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const captionId = useId();
  const [editing, setEditing] = useState<string | null>(null);
  /** The last change, said in words; `at` also starts the add form afresh after an access role is added. */
  const [notice, setNotice] = useState<{ text: string; at: number } | null>(null);
  const saved = (text: string) => setNotice({ text, at: Date.now() });

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={3} data-size="xs" id={headingId}>
        {t('access.roles.heading')}
      </Heading>
      {notice && (
        <FocusAlert color="success" focusKey={notice.at}>
          {notice.text}
        </FocusAlert>
      )}
      {roles.length === 0 ? (
        <Paragraph>{administer ? t('access.roles.noneAdmin') : t('access.roles.none')}</Paragraph>
      ) : (
        <TableScroll captionId={captionId}>
          <Table zebra className="data-table">
            <caption id={captionId} className="sr-only">
              {t('access.roles.caption')}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('access.roles.colName')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('access.roles.colDescription')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('access.roles.colPrivileged')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('access.roles.colGrants')}</Table.HeaderCell>
                {administer && <Table.HeaderCell scope="col">{t('access.roles.colActions')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {roles.map((role) => (
                <Table.Row key={role.id}>
                  <Table.Cell>
                    {role.name}
                    {role.status === 'retired' && (
                      <>
                        {' '}
                        <Tag data-color="neutral" data-size="sm" className="access-tag">
                          {t('access.roles.retired')}
                        </Tag>
                      </>
                    )}
                  </Table.Cell>
                  <Table.Cell>{role.description ?? <span className="cell-note">{t('access.roles.noDescription')}</span>}</Table.Cell>
                  <Table.Cell>{role.privileged ? <PrivilegedTag /> : t('access.roles.notPrivileged')}</Table.Cell>
                  <Table.Cell>{role.grantCount}</Table.Cell>
                  {administer && (
                    <Table.Cell>
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        aria-label={t('access.roles.editFor', { name: role.name })}
                        onClick={() => setEditing(role.id)}
                      >
                        {t('access.roles.edit')}
                      </Button>
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {administer && (
        <div className="disclosures">
          <Details>
            <Details.Summary>{t('access.roles.addHeading')}</Details.Summary>
            <Details.Content>
              <AccessRoleForm key={notice?.at ?? 0} systemId={systemId} onSaved={saved} />
            </Details.Content>
          </Details>
        </div>
      )}
      {editing && (
        <EditAccessRoleDialog
          systemId={systemId}
          role={roles.find((r) => r.id === editing) ?? null}
          onSaved={(text) => {
            setEditing(null);
            saved(text);
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}
