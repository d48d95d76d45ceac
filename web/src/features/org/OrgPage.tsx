import { Alert, Button, Heading, Link, Paragraph, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { hasPermission } from '../../api/me.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useSignedInUser } from '../../components/RequireAuth.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { buildTree, useOrgTree, useUnitSearch } from '../../api/org.ts';
import { CreateUnitForm } from './CreateUnitForm.tsx';
import { useUnitDescription } from './labels.ts';
import { OrgTree } from './OrgTree.tsx';

/** /organisation — the kommun's organisation as a tree, a search, and a form for new units. */
export function OrgPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const canManage = hasPermission(me, 'org:manage');
  const tree = useOrgTree();
  const nodes = useMemo(() => buildTree(tree.data?.items ?? []), [tree.data]);
  const count = tree.data?.items.length ?? 0;

  return (
    <>
      <PageHeading title={t('org.title')} />
      <Paragraph>{t('org.intro')}</Paragraph>
      <UnitSearch />
      <section aria-labelledby="org-tree-heading" className="section">
        <Heading level={2} data-size="sm" id="org-tree-heading">
          {t('org.treeHeading')}
        </Heading>
        {tree.isPending && <Spinner aria-label={t('org.loadingTree')} />}
        {tree.isError && (
          <Alert data-color="danger" role="alert">
            {isApiError(tree.error) ? tree.error.message : t('errors.unexpected')}
          </Alert>
        )}
        {tree.isSuccess &&
          (count === 0 ? (
            <Paragraph>{t(canManage ? 'org.emptyTreeManage' : 'org.emptyTree')}</Paragraph>
          ) : (
            <>
              <Paragraph data-size="sm" className="muted">
                {t('org.treeCount', { count })}
              </Paragraph>
              <OrgTree nodes={nodes} label={t('org.treeHeading')} />
            </>
          ))}
      </section>
      {canManage && <CreateUnitForm />}
    </>
  );
}

function UnitSearch() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const results = useUnitSearch(q);
  const items = results.data?.pages.flatMap((page) => page.items) ?? [];
  const tableRef = useRef<HTMLTableElement>(null);
  const captionId = useId();
  const describe = useUnitDescription();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams(params);
    if (text.trim()) next.set('q', text.trim());
    else next.delete('q');
    setParams(next, { replace: true });
  }

  return (
    <section aria-labelledby="org-search-heading" className="section">
      <Heading level={2} data-size="sm" id="org-search-heading">
        {t('org.searchHeading')}
      </Heading>
      <form className="search-row" role="search" aria-labelledby="org-search-heading" onSubmit={onSubmit}>
        <Textfield
          id="org-search"
          label={t('org.searchLabel')}
          description={t('org.searchHint')}
          type="search"
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <Button type="submit" variant="secondary">
          {t('org.searchSubmit')}
        </Button>
      </form>
      <div role="status" className="list-status">
        {q && results.isSuccess && (items.length === 0 ? t('org.searchEmpty', { q }) : t('org.searchCount', { count: items.length, q }))}
      </div>
      {q && results.isPending && <Spinner aria-label={t('org.searching')} />}
      {results.isError && (
        <Alert data-color="danger" role="alert">
          {isApiError(results.error) ? results.error.message : t('errors.unexpected')}
        </Alert>
      )}
      {q && items.length > 0 && (
        <TableScroll captionId={captionId}>
          <Table ref={tableRef} zebra className="data-table">
            <caption id={captionId} className="sr-only">
              {t('org.searchCaption', { q })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('org.colName')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('org.colKind')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('org.colPath')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('org.colCode')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((unit) => (
                <Table.Row key={unit.id} tabIndex={-1}>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={`/organisation/${unit.id}`}>{unit.name}</RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{describe(unit)}</Table.Cell>
                  <Table.Cell>{unit.path}</Table.Cell>
                  <Table.Cell>{unit.code ?? '–'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {q && (
        <ShowMore
          hasMore={results.hasNextPage}
          loading={results.isFetchingNextPage}
          onMore={() => void results.fetchNextPage()}
          count={items.length}
          tableRef={tableRef}
        />
      )}
    </section>
  );
}
