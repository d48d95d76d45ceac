import { Alert, Button, Heading, Link, Paragraph, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { hasPermission } from '../../api/me.ts';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { useFormErrors } from '../../components/forms.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useSignedInUser } from '../../components/RequireAuth.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { agreementKeys, createSupplier, useSuppliers, type Supplier } from '../../api/agreements.ts';
import { EMPTY_SUPPLIER, SUPPLIER_FIELDS, SupplierFields, supplierInputOf, validateSupplier, type SupplierValues } from './SupplierFields.tsx';
import './agreements.css';

/** /suppliers — the kommun's suppliers, searchable by name or organisation number; writers add new ones. */
export function SuppliersPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const canWrite = hasPermission(me, 'systems:write');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const suppliers = useSuppliers(q);
  const items = suppliers.data?.pages.flatMap((page) => page.items) ?? [];
  const tableRef = useRef<HTMLTableElement>(null);

  return (
    <>
      <PageHeading title={t('suppliers.title')} />
      <Paragraph>{t('suppliers.intro')}</Paragraph>
      <SearchForm key={q} initial={q} onSearch={(next) => setParams(next ? { q: next } : {})} />
      <div role="status" className="list-status">
        {suppliers.isSuccess &&
          (items.length === 0
            ? q
              ? t('suppliers.emptyFiltered', { q })
              : t('suppliers.empty')
            : suppliers.hasNextPage
              ? t('suppliers.countMore', { count: items.length })
              : t('suppliers.count', { count: items.length }))}
      </div>
      {suppliers.isPending && <Spinner aria-label={t('suppliers.loading')} />}
      {suppliers.isError && (
        <Alert data-color="danger" role="alert">
          {isApiError(suppliers.error) ? suppliers.error.message : t('errors.unexpected')}
        </Alert>
      )}
      {items.length > 0 && <SuppliersTable suppliers={items} tableRef={tableRef} />}
      <ShowMore
        hasMore={suppliers.hasNextPage}
        loading={suppliers.isFetchingNextPage}
        onMore={() => void suppliers.fetchNextPage()}
        count={items.length}
        tableRef={tableRef}
      />
      {canWrite && <CreateSupplierForm />}
    </>
  );
}

function SearchForm({ initial, onSearch }: { initial: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onSearch(text.trim());
  }
  return (
    <form className="filters" role="search" noValidate onSubmit={onSubmit} aria-label={t('suppliers.searchLabel')}>
      <div className="search-row">
        <Textfield
          id="suppliers-q"
          label={t('suppliers.search')}
          description={t('suppliers.searchHint')}
          type="search"
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <Button type="submit">{t('suppliers.searchSubmit')}</Button>
      </div>
    </form>
  );
}

function SuppliersTable({ suppliers, tableRef }: { suppliers: Supplier[]; tableRef: RefObject<HTMLTableElement | null> }) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <TableScroll captionId={captionId}>
      <Table ref={tableRef} zebra className="data-table">
        <caption id={captionId} className="sr-only">
          {t('suppliers.tableCaption')}
        </caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('suppliers.fields.name')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('suppliers.fields.orgNumber')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('suppliers.fields.website')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {suppliers.map((s) => (
            <Table.Row key={s.id} tabIndex={-1}>
              <Table.Cell>
                <Link asChild>
                  <RouterLink to={`/suppliers/${s.id}`}>{s.name}</RouterLink>
                </Link>
              </Table.Cell>
              <Table.Cell>{s.orgNumber ?? <span className="muted">{t('common.none')}</span>}</Table.Cell>
              <Table.Cell>{s.website ?? <span className="muted">{t('common.none')}</span>}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

function CreateSupplierForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<SupplierValues>(EMPTY_SUPPLIER);
  const errors = useFormErrors(SUPPLIER_FIELDS, 'create-supplier');

  const create = useMutation({
    mutationFn: () => createSupplier(supplierInputOf(values)),
    onSuccess: (supplier) => {
      void queryClient.invalidateQueries({ queryKey: agreementKeys.suppliers });
      queryClient.setQueryData(agreementKeys.supplier(supplier.id), supplier);
      void navigate(`/suppliers/${supplier.id}`, { state: { created: true } });
    },
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    const found = validateSupplier(values, t);
    if (Object.keys(found).length > 0) {
      errors.showClientErrors(found);
      return;
    }
    errors.clear();
    create.mutate();
  }

  return (
    <section aria-labelledby="create-supplier-heading" className="section">
      <Heading level={2} data-size="sm" id="create-supplier-heading">
        {t('suppliers.createHeading')}
      </Heading>
      <FormProblems errors={errors} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <SupplierFields values={values} onChange={setValues} errors={errors} />
        <div className="actions">
          <Button type="submit" loading={create.isPending}>
            {t('suppliers.createSubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
