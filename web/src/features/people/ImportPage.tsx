import { Button, Fieldset, Heading, Link, Paragraph, Radio, Spinner } from '@digdir/designsystemet-react';
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
import { orgKeys } from '../../api/org.ts';
import { applyImport, peopleKeys, uploadImport, type ImportMode, type ImportPreview, type ImportResult } from '../../api/people.ts';
import { ImportPreviewView } from './ImportPreviewView.tsx';

const FIELDS = ['file', 'mode'] as const;
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * /people/import — people from an HR export: upload, see exactly what would change (a dry run),
 * then apply that plan in one go.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<ImportMode>('partial');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<{ at: number; data: ImportResult } | null>(null);
  /** Bumped when the page clears the file input, so the field stops naming the file. */
  const [cleared, setCleared] = useState(0);
  const errors = useFormErrors(FIELDS, 'import');

  const upload = useMutation({
    mutationFn: (file: File) => uploadImport(file, mode),
    onSuccess: (data) => setPreview(data),
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
  });

  const apply = useMutation({
    mutationFn: (plan: ImportPreview) => applyImport(plan.id),
    onSuccess: (data) => {
      setResult({ at: Date.now(), data });
      setPreview(null);
      if (fileRef.current) fileRef.current.value = '';
      setCleared((n) => n + 1);
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
      void queryClient.invalidateQueries({ queryKey: orgKeys.allHoldings });
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (upload.isPending) return;
    setPreview(null);
    setResult(null);
    apply.reset();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      errors.showClientErrors({ file: t('import.validation.fileRequired') });
      return;
    }
    if (!/\.(csv|xlsx)$/i.test(file.name)) {
      errors.showClientErrors({ file: t('import.validation.fileType') });
      return;
    }
    errors.clear();
    upload.mutate(file);
  }

  return (
    <>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/people">{t('people.backToList')}</RouterLink>
        </Link>
      </Paragraph>
      <PageHeading title={t('import.title')} />
      <Paragraph>{t('import.intro')}</Paragraph>
      <section aria-labelledby="import-columns-heading" className="section">
        <Heading level={2} data-size="xs" id="import-columns-heading">
          {t('import.columnsHeading')}
        </Heading>
        <ul className="plain-list">
          <li>{t('import.columns.externalId')}</li>
          <li>{t('import.columns.name')}</li>
          <li>{t('import.columns.email')}</li>
          <li>{t('import.columns.title')}</li>
          <li>{t('import.columns.unit')}</li>
          <li>{t('import.columns.manager')}</li>
        </ul>
        <Paragraph data-size="sm">{t('import.columnsNote')}</Paragraph>
      </section>

      {result && <ImportDone result={result.data} focusKey={result.at} />}

      <section aria-labelledby="import-upload-heading" className="section">
        <Heading level={2} data-size="sm" id="import-upload-heading">
          {t('import.uploadHeading')}
        </Heading>
        <FormProblems errors={errors} />
        <form className="form" noValidate onSubmit={onSubmit}>
          <FileField
            id={errors.id('file')}
            label={t('import.fileLabel')}
            description={t('import.fileHint')}
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
            <Fieldset.Legend>{t('import.modeLegend')}</Fieldset.Legend>
            <Radio
              id={errors.id('mode')}
              name="import-mode"
              value="partial"
              label={t('import.modePartial')}
              description={t('import.modePartialHint')}
              checked={mode === 'partial'}
              onChange={() => setMode('partial')}
            />
            <Radio
              name="import-mode"
              value="full"
              label={t('import.modeFull')}
              description={t('import.modeFullHint')}
              checked={mode === 'full'}
              onChange={() => setMode('full')}
            />
          </Fieldset>
          <div className="actions">
            <Button type="submit" loading={upload.isPending}>
              {t('import.previewSubmit')}
            </Button>
          </div>
        </form>
        <div role="status" className="list-status">
          {upload.isPending && (
            <div className="progress-row">
              <Spinner aria-hidden="true" data-size="sm" />
              <span>{t('import.uploading')}</span>
            </div>
          )}
        </div>
      </section>

      {preview && (
        <ImportPreviewView
          preview={preview}
          applying={apply.isPending}
          applyError={
            apply.isError
              ? isApiError(apply.error) && apply.error.status === 404
                ? t('import.expired')
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

function ImportDone({ result, focusKey }: { result: ImportResult; focusKey: number }) {
  const { t } = useTranslation();
  const { create: created, update: updated, markLeft: markedLeft, error: skipped } = result.counts;
  return (
    <FocusAlert color="success" focusKey={focusKey}>
      <Heading level={2} data-size="xs">
        {t('import.doneHeading')}
      </Heading>
      <Paragraph>{t('import.doneText', { created, updated, left: markedLeft })}</Paragraph>
      {skipped > 0 && <Paragraph>{t('import.doneSkipped', { count: skipped })}</Paragraph>}
      <Paragraph>
        <Link asChild>
          <RouterLink to="/people">{t('import.doneLink')}</RouterLink>
        </Link>
      </Paragraph>
    </FocusAlert>
  );
}
