import { Alert, Button, Fieldset, Heading, Link, Paragraph, Radio, Spinner } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import {
  accessKeys,
  applyAccessImport,
  uploadAccessImport,
  useAccessRoles,
  type AccessImportMode,
  type AccessImportPreview,
  type AccessImportResult,
} from '../../api/access.ts';
import { isApiError } from '../../api/client.ts';
import { getSystem, systemKeys } from '../../api/systems.ts';
import { FileField } from '../../components/FileField.tsx';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { messageOf, useFormErrors } from '../../components/forms.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { ImportPreview } from './ImportPreview.tsx';
import './access.css';

const FIELDS = ['file', 'mode'] as const;
const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
const MAX_BYTES = 10 * 1024 * 1024;
const COLUMNS = ['username', 'name', 'email', 'employeeId', 'role', 'lastLogin', 'status', 'type'] as const;

/**
 * /systems/:id/access/import — the system's own user list (CSV or XLSX): upload it, choose whether it is the whole
 * list or only additions, see per row what would happen and what it adds up to (new access roles, accounts without a
 * person, grants that end), then apply it all in one go.
 */
export function AccessImportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const system = useQuery({ queryKey: systemKeys.system(id), queryFn: () => getSystem(id) });
  const roles = useAccessRoles(id);

  if (isApiError(system.error) && system.error.status === 404) return <NotFoundPage />;
  if (system.isError) return <LoadError error={system.error} />;
  if (!system.data || roles.isPending) return <Spinner aria-label={t('common.loading')} />;
  const backTo = `/systems/${encodeURIComponent(id)}?tab=access`;
  return (
    <>
      <Paragraph>
        <Link asChild>
          <RouterLink to={backTo}>{t('access.import.back', { name: system.data.name })}</RouterLink>
        </Link>
      </Paragraph>
      <PageHeading title={t('access.import.title', { name: system.data.name })} />
      <Paragraph>{t('access.import.intro')}</Paragraph>
      {roles.data?.can.administer ? (
        <ImportForm systemId={id} backTo={backTo} />
      ) : (
        <Alert data-color="info">{roles.isError ? messageOf(roles.error, t('errors.unexpected')) : t('access.import.notAllowed')}</Alert>
      )}
    </>
  );
}

function ImportForm({ systemId, backTo }: { systemId: string; backTo: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<AccessImportMode>('partial');
  const [progress, setProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<AccessImportPreview | null>(null);
  const [result, setResult] = useState<{ at: number; data: AccessImportResult } | null>(null);
  /** Bumped when the page clears the file input, so the field stops naming the file. */
  const [cleared, setCleared] = useState(0);
  const errors = useFormErrors(FIELDS, 'access-import');

  const upload = useMutation({
    mutationFn: (file: File) => uploadAccessImport(systemId, file, mode, setProgress),
    onMutate: () => setProgress(0),
    onSuccess: (data) => setPreview(data),
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
    onSettled: () => setProgress(null),
  });

  const apply = useMutation({
    mutationFn: (plan: AccessImportPreview) => applyAccessImport(plan.id),
    onSuccess: (data) => {
      setResult({ at: Date.now(), data });
      setPreview(null);
      if (fileRef.current) fileRef.current.value = '';
      setCleared((n) => n + 1);
      void queryClient.invalidateQueries({ queryKey: accessKeys.all });
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (upload.isPending) return;
    setPreview(null);
    setResult(null);
    apply.reset();
    const chosen = fileRef.current?.files?.[0] ?? null;
    if (!chosen) return errors.showClientErrors({ file: t('access.import.fileRequired') });
    if (!/\.(xlsx|csv)$/i.test(chosen.name)) return errors.showClientErrors({ file: t('access.import.fileType') });
    if (chosen.size > MAX_BYTES) return errors.showClientErrors({ file: t('access.import.fileSize') });
    errors.clear();
    upload.mutate(chosen);
  }

  const percent = progress === null ? null : Math.round(progress * 100);
  return (
    <>
      <section aria-labelledby="access-import-columns" className="section">
        <Heading level={2} data-size="xs" id="access-import-columns">
          {t('access.import.columnsHeading')}
        </Heading>
        <ul>
          {COLUMNS.map((c) => (
            <li key={c}>{t(`access.import.columns.${c}`)}</li>
          ))}
        </ul>
        <Paragraph data-size="sm">{t('access.import.columnsNote')}</Paragraph>
      </section>

      {result && (
        <FocusAlert color="success" focusKey={result.at}>
          <Heading level={2} data-size="xs">
            {t('access.import.doneHeading')}
          </Heading>
          <Paragraph>{t('access.import.effects', { ...result.data.effects })}</Paragraph>
          {result.data.counts.error > 0 && <Paragraph>{t('access.import.doneSkipped', { count: result.data.counts.error })}</Paragraph>}
          <Paragraph>
            <Link asChild>
              <RouterLink to={backTo}>{t('access.import.doneLink')}</RouterLink>
            </Link>
          </Paragraph>
        </FocusAlert>
      )}

      <section aria-labelledby="access-import-upload" className="section">
        <Heading level={2} data-size="sm" id="access-import-upload">
          {t('access.import.uploadHeading')}
        </Heading>
        <FormProblems errors={errors} />
        <form className="form" noValidate onSubmit={onSubmit}>
          <FileField
            id={errors.id('file')}
            label={t('access.import.file')}
            description={t('access.import.fileHint')}
            accept={ACCEPT}
            inputRef={fileRef}
            error={errors.fields.file}
            resetKey={cleared}
            onChange={() => {
              setPreview(null);
              setResult(null);
            }}
          />
          <Fieldset>
            <Fieldset.Legend>{t('access.import.modeLegend')}</Fieldset.Legend>
            <Radio
              id={errors.id('mode')}
              name="access-import-mode"
              value="partial"
              label={t('access.import.modePartial')}
              description={t('access.import.modePartialHint')}
              checked={mode === 'partial'}
              onChange={() => setMode('partial')}
            />
            <Radio
              name="access-import-mode"
              value="full"
              label={t('access.import.modeFull')}
              description={t('access.import.modeFullHint')}
              checked={mode === 'full'}
              onChange={() => setMode('full')}
            />
          </Fieldset>
          <div className="actions">
            <Button type="submit" loading={upload.isPending}>
              {t('access.import.previewSubmit')}
            </Button>
          </div>
        </form>
        <div role="status" aria-live="polite" className="list-status">
          {upload.isPending && (
            <div className="progress-row access-progress">
              {percent !== null ? (
                <progress max={100} value={percent} aria-label={t('access.import.uploadProgress')} />
              ) : (
                <Spinner aria-hidden="true" data-size="sm" />
              )}
              <span>
                {percent !== null ? t('access.import.uploading', { percent: Math.floor(percent / 10) * 10 }) : t('access.import.reading')}
              </span>
            </div>
          )}
        </div>
      </section>

      {preview && (
        <ImportPreview
          preview={preview}
          applying={apply.isPending}
          applyError={
            apply.isError
              ? isApiError(apply.error) && apply.error.status === 404
                ? t('access.import.expired')
                : isApiError(apply.error) && apply.error.status === 409
                  ? t('access.import.conflict')
                  : messageOf(apply.error, t('errors.unexpected'))
              : null
          }
          onApply={() => !apply.isPending && apply.mutate(preview)}
          onCancel={() => {
            setPreview(null);
            apply.reset();
            document.getElementById(errors.id('file'))?.focus();
          }}
        />
      )}
    </>
  );
}
