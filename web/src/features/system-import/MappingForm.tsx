import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import type { ImportPreview } from '../../api/system-import.ts';
import { useFieldLabel } from './labels.ts';

interface Props {
  preview: ImportPreview;
  busy: boolean;
  onSubmit: (mapping: Record<string, string | null>) => void;
}

/**
 * How each column of the file was read, with a select per column to correct it; submitting reads the
 * file again with the corrections. Two columns of one sheet cannot be read as the same field.
 */
export function MappingForm({ preview, busy, onSubmit }: Props) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const [choice, setChoice] = useState<Record<string, string>>(() => Object.fromEntries(preview.mapping.map((m) => [m.column, m.field ?? ''])));
  const [problems, setProblems] = useState<{ fields: Record<string, string>; attempt: number }>({ fields: {}, attempt: 0 });
  const idOf = (index: number) => `mapping-column-${index}`;
  const options = preview.fields.map((f) => ({ value: f, label: fieldLabel(f) }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const fields: Record<string, string> = {};
    const taken = new Map<string, string>();
    preview.mapping.forEach((m, index) => {
      const field = choice[m.column];
      if (!field) return;
      for (const sheet of m.sheets.length ? m.sheets : ['']) {
        const other = taken.get(`${sheet}\u0000${field}`);
        if (other) fields[idOf(index)] ??= t('systemImport.mapping.duplicate', { field: fieldLabel(field), column: other });
        else taken.set(`${sheet}\u0000${field}`, m.column);
      }
    });
    setProblems((p) => ({ fields, attempt: p.attempt + 1 }));
    if (Object.keys(fields).length) return;
    onSubmit(Object.fromEntries(preview.mapping.map((m) => [m.column, choice[m.column] || null])));
  }

  const summary = preview.mapping.flatMap((m, index) => {
    const message = problems.fields[idOf(index)];
    return message ? [{ fieldId: idOf(index), message }] : [];
  });

  return (
    <section aria-labelledby="mapping-heading" className="section">
      <Heading level={3} data-size="xs" id="mapping-heading">
        {t('systemImport.mapping.heading')}
      </Heading>
      <Paragraph>{t('systemImport.mapping.intro')}</Paragraph>
      <FormProblems errors={{ general: null, attempt: problems.attempt, summary }} />
      <form className="mapping-form" noValidate onSubmit={submit}>
        <div className="mapping-grid">
          {preview.mapping.map((m, index) => (
            <SelectField
              key={m.column}
              id={idOf(index)}
              label={t('systemImport.mapping.columnLabel', { column: m.column })}
              description={m.sheets.length ? t('systemImport.mapping.sheets', { sheets: m.sheets.join(', ') }) : undefined}
              value={choice[m.column] ?? ''}
              onChange={(value) => setChoice((c) => ({ ...c, [m.column]: value }))}
              options={options}
              placeholder={t('systemImport.mapping.ignore')}
              error={problems.fields[idOf(index)]}
            />
          ))}
        </div>
        <div className="actions">
          <Button type="submit" variant="secondary" loading={busy}>
            {t('systemImport.mapping.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
