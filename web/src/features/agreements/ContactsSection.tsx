import { Alert, Button, Dialog, Heading, Link, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from './labels.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { looksLikeEmail, messageOf, useFormErrors, type FieldMessages } from '../../components/forms.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { addContact, agreementKeys, removeContact, updateContact, type Contact, type SupplierDetail } from '../../api/agreements.ts';

const FIELDS = ['name', 'email', 'phone', 'role'] as const;
type ContactField = (typeof FIELDS)[number];
type ContactValues = Record<ContactField, string>;
const EMPTY: ContactValues = { name: '', email: '', phone: '', role: '' };
const valuesOf = (c: Contact): ContactValues => ({ name: c.name, email: c.email ?? '', phone: c.phone ?? '', role: c.role ?? '' });
const inputOf = (v: ContactValues) => ({ name: v.name.trim(), email: v.email.trim() || null, phone: v.phone.trim() || null, role: v.role.trim() || null });

/** The supplier's contact people: listed for everyone, added, changed and removed by writers. */
export function ContactsSection({ supplier }: { supplier: SupplierDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const captionId = useId();
  const [status, setStatus] = useState<Notice | null>(null);
  const [editing, setEditing] = useState<Contact | null>(null);
  const [removing, setRemoving] = useState<Contact | null>(null);
  const show = (fresh: SupplierDetail, message: Notice) => {
    queryClient.setQueryData(agreementKeys.supplier(supplier.id), fresh);
    setStatus(message);
  };

  const remove = useMutation({
    mutationFn: (contact: Contact) => removeContact(supplier.id, contact.id),
    onSuccess: (fresh, contact) => {
      setRemoving(null);
      show(fresh, { text: (t) => t('suppliers.contacts.removed', { name: contact.name }) });
    },
  });

  return (
    <section aria-labelledby="supplier-contacts-heading" className="section">
      <Heading level={2} data-size="sm" id="supplier-contacts-heading">
        {t('suppliers.contacts.heading')}
      </Heading>
      <div role="status" className="list-status">
        {status && <Alert data-color="success">{status.text(t)}</Alert>}
      </div>
      {supplier.contacts.length === 0 ? (
        <Paragraph>{t('suppliers.contacts.none')}</Paragraph>
      ) : (
        <TableScroll captionId={captionId}>
          <Table zebra className="data-table">
            <caption id={captionId} className="sr-only">
              {t('suppliers.contacts.caption', { name: supplier.name })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('suppliers.contacts.fields.name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('suppliers.contacts.fields.role')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('suppliers.contacts.fields.email')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('suppliers.contacts.fields.phone')}</Table.HeaderCell>
                {supplier.can.edit && <Table.HeaderCell scope="col">{t('suppliers.contacts.actions')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {supplier.contacts.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell>{c.name}</Table.Cell>
                  <Table.Cell>{c.role ?? <span className="muted">{t('common.none')}</span>}</Table.Cell>
                  <Table.Cell>{c.email ? <Link href={`mailto:${c.email}`}>{c.email}</Link> : <span className="muted">{t('common.none')}</span>}</Table.Cell>
                  <Table.Cell>{c.phone ?? <span className="muted">{t('common.none')}</span>}</Table.Cell>
                  {supplier.can.edit && (
                    <Table.Cell>
                      <div className="actions">
                        <Button variant="tertiary" data-size="sm" onClick={() => setEditing(c)}>
                          {t('suppliers.contacts.edit', { name: c.name })}
                        </Button>
                        <Button variant="tertiary" data-size="sm" data-color="danger" onClick={() => setRemoving(c)}>
                          {t('suppliers.contacts.remove', { name: c.name })}
                        </Button>
                      </div>
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {supplier.can.edit && (
        <section aria-labelledby="add-contact-heading" className="section subsection">
          <Heading level={3} data-size="xs" id="add-contact-heading">
            {t('suppliers.contacts.addHeading')}
          </Heading>
          <ContactForm
            idPrefix="add-contact"
            initial={EMPTY}
            submitLabel={t('suppliers.contacts.addSubmit')}
            save={(values) => addContact(supplier.id, inputOf(values))}
            onSaved={(fresh, values) => show(fresh, { text: (t) => t('suppliers.contacts.added', { name: values.name.trim() }) })}
            resetAfterSave
          />
        </section>
      )}
      <Dialog open={editing !== null} onClose={() => setEditing(null)} closeButton={t('common.close')} aria-labelledby="edit-contact-heading">
        {editing && (
          <Dialog.Block>
            <Heading level={2} data-size="xs" id="edit-contact-heading">
              {t('suppliers.contacts.editHeading', { name: editing.name })}
            </Heading>
            <ContactForm
              key={editing.id}
              idPrefix={`edit-contact-${editing.id}`}
              initial={valuesOf(editing)}
              submitLabel={t('suppliers.contacts.saveSubmit')}
              save={(values) => updateContact(supplier.id, editing.id, inputOf(values))}
              onSaved={(fresh, values) => {
                setEditing(null);
                show(fresh, { text: (t) => t('suppliers.contacts.saved', { name: values.name.trim() }) });
              }}
            />
          </Dialog.Block>
        )}
      </Dialog>
      <ConfirmDialog
        open={removing !== null}
        title={t('suppliers.contacts.removeTitle', { name: removing?.name ?? '' })}
        confirmLabel={t('suppliers.contacts.removeConfirm')}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        busy={remove.isPending}
        error={remove.isError ? messageOf(remove.error, t('errors.unexpected')) : null}
      >
        {t('suppliers.contacts.removeText', { name: removing?.name ?? '' })}
      </ConfirmDialog>
    </section>
  );
}

interface FormProps {
  idPrefix: string;
  initial: ContactValues;
  submitLabel: string;
  save: (values: ContactValues) => Promise<SupplierDetail>;
  onSaved: (fresh: SupplierDetail, values: ContactValues) => void;
  resetAfterSave?: boolean;
}

function ContactForm({ idPrefix, initial, submitLabel, save, onSaved, resetAfterSave }: FormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ContactValues>(initial);
  const errors = useFormErrors(FIELDS, idPrefix);
  const mutation = useMutation({
    mutationFn: () => save(values),
    onSuccess: (fresh) => {
      onSaved(fresh, values);
      if (resetAfterSave) setValues(EMPTY);
    },
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    const found: FieldMessages<ContactField> = {};
    if (!values.name.trim()) found.name = t('suppliers.contacts.nameRequired');
    if (values.email.trim() && !looksLikeEmail(values.email)) found.email = t('validation.emailInvalid');
    if (Object.keys(found).length > 0) {
      errors.showClientErrors(found);
      return;
    }
    errors.clear();
    mutation.mutate();
  }

  const field = (name: ContactField, extra: { type?: 'email' | 'tel'; required?: boolean; autoComplete?: string } = {}) => (
    <Textfield
      id={errors.id(name)}
      label={t(`suppliers.contacts.fields.${name}`)}
      type={extra.type}
      required={extra.required}
      autoComplete={extra.autoComplete ?? 'off'}
      value={values[name]}
      onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
      error={errors.fields[name]}
    />
  );

  return (
    <>
      <FormProblems errors={errors} />
      <form className="form" noValidate onSubmit={onSubmit}>
        {field('name', { required: true })}
        {field('role')}
        {field('email', { type: 'email' })}
        {field('phone', { type: 'tel' })}
        <div className="actions">
          <Button type="submit" loading={mutation.isPending}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </>
  );
}
