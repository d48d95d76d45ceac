import { Button, Heading, Paragraph, Select, Table, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import type { ImportPreview } from '../../api/system-import.ts';
import { useFieldLabel } from './labels.ts';

interface Props {
  preview: ImportPreview;
  busy: boolean;
  onSubmit: (mapping: Record<string, string | null>) => void;
}

/**
 * How each column of the file was read — a row per column: its header, the field it is read as (a select
 * to correct it) and the sheets it appears on; submitting reads the
 * file again with the corrections. Two columns of one sheet cannot be read as the same field.
 */
export function MappingForm({ preview, busy, onSubmit }: Props) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const [choice, setChoice] = useState<Record<string, string>>(() => Object.fromEntries(preview.mapping.map((m) => [m.column, m.field ?? ''])));
  const [problems, setProblems] = useState<{ fields: Record<string, string>; attempt: number }>({ fields: {}, attempt: 0 });
  const idOf = (index: number) => `mapping-column-${index}`;
  const captionId = useId();
  const options = preview.fields.map((f) => ({ value: f, label: fieldLabel(f) }));
  const sheetCount = new Set(preview.mapping.flatMap((m) => m.sheets)).size;
  /** The sheets a column appears on; "every sheet" rather than the same list under each column. */
  const allSheets = (sheets: string[]) => (sheets.length === 0 ? '–' : sheetCount > 1 && sheets.length === sheetCount ? t('systemImport.mapping.allSheets') : sheets.join(', '));

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
        <TableScroll captionId={captionId}>
          <Table className="data-table mapping-table" data-size="sm">
            <caption id={captionId} className="sr-only">
              {t('systemImport.mapping.caption')}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('systemImport.mapping.colColumn')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('systemImport.mapping.colField')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('systemImport.mapping.colSheets')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {preview.mapping.map((m, index) => {
                const error = problems.fields[idOf(index)];
                return (
                  <Table.Row key={m.column}>
                    <Table.HeaderCell scope="row">{m.column}</Table.HeaderCell>
                    <Table.Cell>
                      <Select
                        id={idOf(index)}
                        data-size="sm"
                        aria-label={t('systemImport.mapping.columnLabel', { column: m.column })}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${idOf(index)}-error` : undefined}
                        value={choice[m.column] ?? ''}
                        onChange={(e) => setChoice((c) => ({ ...c, [m.column]: e.target.value }))}
                      >
                        <Select.Option value="">{t('systemImport.mapping.ignore')}</Select.Option>
                        {options.map((o) => (
                          <Select.Option key={o.value} value={o.value}>
                            {o.label}
                          </Select.Option>
                        ))}
                      </Select>
                      {error && <ValidationMessage id={`${idOf(index)}-error`}>{error}</ValidationMessage>}
                    </Table.Cell>
                    <Table.Cell>{allSheets(m.sheets)}</Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </TableScroll>
        <div className="actions">
          <Button type="submit" variant="secondary" loading={busy}>
            {t('systemImport.mapping.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
