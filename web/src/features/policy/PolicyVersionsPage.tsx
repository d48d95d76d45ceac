import { Alert, Button, Heading, Link, Paragraph, Spinner, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { hasPermission } from '../../api/me.ts';
import { FileField } from '../../components/FileField.tsx';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useFormErrors } from '../../components/forms.ts';
import { useLocale } from '../../components/language.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useSignedInUser } from '../../components/RequireAuth.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { orgKeys } from '../../api/org.ts';
import { DEFAULT_PACK_URL, policyKeys, uploadPolicy, usePolicyVersions, type PolicyVersion } from '../../api/policy.ts';

/** /policy/versions — the uploaded versions of the policy pack, and uploading a new one. */
export function PolicyVersionsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useSignedInUser();
  const canManage = hasPermission(me, 'policy:manage');
  const versions = usePolicyVersions();
  const items = versions.data?.pages.flatMap((page) => page.items) ?? [];
  const tableRef = useRef<HTMLTableElement>(null);
  const captionId = useId();

  return (
    <>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/policy">{t('policy.backToPolicy')}</RouterLink>
        </Link>
      </Paragraph>
      <PageHeading title={t('policyVersions.title')} />
      <Paragraph>{t('policyVersions.intro')}</Paragraph>
      <Paragraph>
        <Link href={DEFAULT_PACK_URL} download="it-sakerhetspolicy.yaml">
          {t('policyVersions.downloadDefault')}
        </Link>
      </Paragraph>
      {canManage && <UploadForm />}
      <section aria-labelledby="versions-heading" className="section">
        <Heading level={2} data-size="sm" id="versions-heading">
          {t('policyVersions.listHeading')}
        </Heading>
        {versions.isPending && <Spinner aria-label={t('policyVersions.loading')} />}
        {versions.isError && (
          <Alert data-color="danger" role="alert">
            {isApiError(versions.error) ? versions.error.message : t('errors.unexpected')}
          </Alert>
        )}
        {versions.isSuccess && items.length === 0 && <Paragraph>{t('policyVersions.empty')}</Paragraph>}
        {items.length > 0 && (
          <TableScroll captionId={captionId}>
            <Table ref={tableRef} zebra className="data-table">
              <caption id={captionId} className="sr-only">
                {t('policyVersions.caption')}
              </caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('policyVersions.colVersion')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('policyVersions.colTitle')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('policyVersions.colStatus')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('policyVersions.colUploaded')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('policyVersions.colChecksum')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {items.map((v: PolicyVersion) => (
                  <Table.Row key={v.id} tabIndex={-1}>
                    <Table.Cell>{v.version}</Table.Cell>
                    <Table.Cell>
                      {/* The server keeps the pack's Swedish title. */}
                      <span lang="sv">{v.title}</span>
                      <div className="cell-note">{v.packId}</div>
                    </Table.Cell>
                    <Table.Cell>
                      <Tag data-color={v.status === 'active' ? 'success' : 'neutral'}>
                        {v.status === 'active' ? t('policyVersions.statusActive') : t('policyVersions.statusSuperseded')}
                      </Tag>
                    </Table.Cell>
                    <Table.Cell>
                      <time dateTime={v.uploadedAt}>{formatDateTime(v.uploadedAt, locale)}</time>
                      <div className="cell-note">{v.uploadedBy?.name ?? t('policy.unknownUser')}</div>
                    </Table.Cell>
                    <Table.Cell>
                      <code title={v.documentSha256}>{v.documentSha256.slice(0, 12)}</code>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
        <ShowMore
          hasMore={versions.hasNextPage}
          loading={versions.isFetchingNextPage}
          onMore={() => void versions.fetchNextPage()}
          count={items.length}
          tableRef={tableRef}
        />
      </section>
    </>
  );
}

const FIELDS = ['file', 'message'] as const;

interface PackProblem {
  path: string;
  message: string;
}

function UploadForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState('');
  const [problems, setProblems] = useState<{ at: number; items: PackProblem[] } | null>(null);
  const [uploaded, setUploaded] = useState<{ at: number; version: PolicyVersion } | null>(null);
  /** Bumped when the page clears the file input, so the field stops naming the file. */
  const [cleared, setCleared] = useState(0);
  const errors = useFormErrors(FIELDS, 'policy-upload');

  const upload = useMutation({
    mutationFn: uploadPolicy,
    onSuccess: (version) => {
      setUploaded({ at: Date.now(), version });
      setMessage('');
      if (fileRef.current) fileRef.current.value = '';
      setCleared((n) => n + 1);
      void queryClient.invalidateQueries({ queryKey: policyKeys.all });
      void queryClient.invalidateQueries({ queryKey: orgKeys.roles });
    },
    onError: (error) => {
      // A pack that does not validate: every problem is keyed by its path in the pack.
      if (isApiError(error) && Object.keys(error.fields).length > 0 && !('message' in error.fields)) {
        errors.clear();
        setProblems({ at: Date.now(), items: Object.entries(error.fields).map(([path, text]) => ({ path, message: text })) });
        return;
      }
      errors.showApiError(error, t('errors.unexpected'));
    },
  });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (upload.isPending) return;
    setProblems(null);
    setUploaded(null);
    const file = fileRef.current?.files?.[0];
    if (!file) {
      errors.showClientErrors({ file: t('policyVersions.validation.fileRequired') });
      return;
    }
    if (!/\.(ya?ml|json)$/i.test(file.name)) {
      errors.showClientErrors({ file: t('policyVersions.validation.fileType') });
      return;
    }
    const text = await file.text();
    const note = message.trim() || undefined;
    if (/\.json$/i.test(file.name)) {
      let document: unknown;
      try {
        document = JSON.parse(text);
      } catch {
        errors.showClientErrors({ file: t('policyVersions.validation.badJson') });
        return;
      }
      errors.clear();
      upload.mutate({ document, message: note });
    } else {
      errors.clear();
      upload.mutate({ yaml: text, message: note });
    }
  }

  return (
    <section aria-labelledby="upload-policy-heading" className="section">
      <Heading level={2} data-size="sm" id="upload-policy-heading">
        {t('policyVersions.uploadHeading')}
      </Heading>
      <Paragraph>{t('policyVersions.uploadIntro')}</Paragraph>
      {uploaded && (
        <FocusAlert color="success" focusKey={uploaded.at}>
          {t('policyVersions.uploaded', { version: uploaded.version.version, title: uploaded.version.title })}{' '}
          <Link asChild>
            <RouterLink to="/policy">{t('policyVersions.seePolicy')}</RouterLink>
          </Link>
        </FocusAlert>
      )}
      {problems && (
        <FocusAlert color="danger" focusKey={problems.at}>
          <Heading level={3} data-size="2xs">
            {t('policyVersions.problemsHeading', { count: problems.items.length })}
          </Heading>
          <ul className="plain-list pack-problems">
            {problems.items.map((p) => (
              <li key={p.path}>
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
        </FocusAlert>
      )}
      <FormProblems errors={errors} />
      <form className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <FileField
          id={errors.id('file')}
          label={t('policyVersions.fileLabel')}
          description={t('policyVersions.fileHint')}
          accept=".yaml,.yml,.json,application/yaml,application/json,text/yaml"
          inputRef={fileRef}
          error={errors.fields.file}
          resetKey={cleared}
        />
        <Textfield
          id={errors.id('message')}
          label={t('policyVersions.messageLabel')}
          description={t('policyVersions.messageHint')}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          error={errors.fields.message}
        />
        <div className="actions">
          <Button type="submit" loading={upload.isPending}>
            {t('policyVersions.uploadSubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
