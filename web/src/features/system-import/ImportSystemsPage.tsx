import { Button, Checkbox, Heading, Link, Paragraph, Spinner, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { FileField } from '../../components/FileField.tsx';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { messageOf, useFormErrors } from '../../components/forms.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { applyImport, uploadImport, type ImportOptions, type ImportPreview, type ImportResult } from '../../api/system-import.ts';
import { PreviewView } from './PreviewView.tsx';
import './system-import.css';

const FIELDS = ['file', 'createMissing'] as const;
const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
const MAX_BYTES = 10 * 1024 * 1024;

/**
 * /systems/import — a system register from the spreadsheets kommuner keep: upload (with progress),
 * see per row what would happen (a dry run), correct how columns are read, choose to add unknown
 * förvaltningar and people, then apply it all in one go.
 */
export function ImportSystemsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [createMissing, setCreateMissing] = useState(false);
  /** The caller's corrections (columns, role-cell names, sheets' förvaltningar), kept for every later read of the same file. */
  const [corrections, setCorrections] = useState<Omit<ImportOptions, 'createMissing'>>({});
  const [progress, setProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<{ at: number; data: ImportResult } | null>(null);
  /** Bumped when the page clears the file input, so the field stops naming the file. */
  const [cleared, setCleared] = useState(0);
  const errors = useFormErrors(FIELDS, 'system-import');

  const upload = useMutation({
    mutationFn: ({ file: f, options }: { file: File; options: ImportOptions }) => uploadImport(f, options, setProgress),
    onMutate: () => setProgress(0),
    onSuccess: (data) => {
      setPreview(data);
      setCreateMissing(data.createMissing);
    },
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
    onSettled: () => setProgress(null),
  });

  const apply = useMutation({
    mutationFn: (plan: ImportPreview) => applyImport(plan.id),
    onSuccess: (data) => {
      setResult({ at: Date.now(), data });
      setPreview(null);
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
      setCleared((n) => n + 1);
      void queryClient.invalidateQueries();
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (upload.isPending) return;
    setPreview(null);
    setResult(null);
    apply.reset();
    const chosen = fileRef.current?.files?.[0] ?? null;
    if (!chosen) return errors.showClientErrors({ file: t('systemImport.validation.fileRequired') });
    if (!/\.(xlsx|csv)$/i.test(chosen.name)) return errors.showClientErrors({ file: t('systemImport.validation.fileType') });
    if (chosen.size > MAX_BYTES) return errors.showClientErrors({ file: t('systemImport.validation.fileSize') });
    errors.clear();
    setFile(chosen);
    setCorrections({});
    upload.mutate({ file: chosen, options: { createMissing } });
  }

  function rerun(change: Partial<ImportOptions>) {
    if (!file || upload.isPending) return;
    apply.reset();
    const { createMissing: nextCreate = preview?.createMissing ?? createMissing, ...rest } = change;
    const next = { ...corrections, ...rest };
    setCorrections(next);
    upload.mutate({ file, options: { ...next, createMissing: nextCreate } });
  }

  const percent = progress === null ? null : Math.round(progress * 100);
  return (
    <>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/systems">{t('systemImport.backToList')}</RouterLink>
        </Link>
      </Paragraph>
      <PageHeading title={t('systemImport.title')} />
      <Paragraph>{t('systemImport.intro')}</Paragraph>
      <section aria-labelledby="import-columns-heading" className="section">
        <Heading level={2} data-size="xs" id="import-columns-heading">
          {t('systemImport.columnsHeading')}
        </Heading>
        <ul>
          <li>{t('systemImport.columnsHelp.name')}</li>
          <li>{t('systemImport.columnsHelp.unit')}</li>
          <li>{t('systemImport.columnsHelp.roles')}</li>
          <li>{t('systemImport.columnsHelp.facts')}</li>
          <li>{t('systemImport.columnsHelp.agreement')}</li>
        </ul>
        <Paragraph data-size="sm">{t('systemImport.columnsNote')}</Paragraph>
      </section>

      {result && <ImportDone result={result.data} focusKey={result.at} />}

      <section aria-labelledby="import-upload-heading" className="section">
        <Heading level={2} data-size="sm" id="import-upload-heading">
          {t('systemImport.uploadHeading')}
        </Heading>
        <FormProblems errors={errors} />
        <form className="form" noValidate onSubmit={onSubmit}>
          <FileField
            id={errors.id('file')}
            label={t('systemImport.fileLabel')}
            description={t('systemImport.fileHint')}
            accept={ACCEPT}
            inputRef={fileRef}
            error={errors.fields.file}
            resetKey={cleared}
            onChange={() => {
              setPreview(null);
              setResult(null);
            }}
          />
          <Checkbox
            id={errors.id('createMissing')}
            label={t('systemImport.createMissing')}
            description={t('systemImport.createMissingHint')}
            checked={createMissing}
            onChange={(e) => setCreateMissing(e.target.checked)}
          />
          {errors.fields.createMissing && <ValidationMessage>{errors.fields.createMissing}</ValidationMessage>}
          <div className="actions">
            <Button type="submit" loading={upload.isPending}>
              {t('systemImport.previewSubmit')}
            </Button>
          </div>
        </form>
        <div role="status" aria-live="polite" className="list-status">
          {upload.isPending && percent !== null && (
            <div className="progress-row">
              <progress max={100} value={percent} aria-label={t('systemImport.uploadProgressLabel')} />
              <span>{t('systemImport.uploading', { percent: Math.floor(percent / 10) * 10 })}</span>
            </div>
          )}
          {upload.isPending && percent === null && (
            <div className="progress-row">
              <Spinner aria-hidden="true" data-size="sm" />
              <span>{t('systemImport.reading')}</span>
            </div>
          )}
        </div>
      </section>

      {preview && (
        <PreviewView
          preview={preview}
          rerunning={upload.isPending}
          applying={apply.isPending}
          applyError={
            apply.isError
              ? isApiError(apply.error) && apply.error.status === 404
                ? t('systemImport.expired')
                : isApiError(apply.error) && apply.error.status === 409
                  ? t('systemImport.conflict')
                  : messageOf(apply.error, t('errors.unexpected'))
              : null
          }
          holderMappings={corrections.holderMappings ?? []}
          onRerun={rerun}
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

function ImportDone({ result, focusKey }: { result: ImportResult; focusKey: number }) {
  const { t } = useTranslation();
  return (
    <FocusAlert color="success" focusKey={focusKey}>
      <Heading level={2} data-size="xs">
        {t('systemImport.doneHeading')}
      </Heading>
      <Paragraph>{t('systemImport.doneText', { created: result.counts.create, updated: result.counts.update })}</Paragraph>
      <Paragraph>{t('systemImport.effects', { ...result.effects })}</Paragraph>
      {result.counts.error > 0 && <Paragraph>{t('systemImport.doneSkipped', { count: result.counts.error })}</Paragraph>}
      <Paragraph>
        <Link asChild>
          <RouterLink to="/systems">{t('systemImport.doneLink')}</RouterLink>
        </Link>
      </Paragraph>
    </FocusAlert>
  );
}
