import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import type { ImportPreview } from '../../api/system-import.ts';

type Sheet = ImportPreview['sheets'][number] & { name: string };

const MAX = 200;

interface Props {
  preview: ImportPreview;
  busy: boolean;
  /** Sheet name as in the file → the förvaltning given for it; a sheet left as read is not in it. */
  onSubmit: (sheetUnits: Record<string, string>) => void;
}

/**
 * For a workbook with a sheet per förvaltning: which förvaltning each sheet's rows belong to, as read from
 * its name (or from the title rows when Excel cut the name at 31 characters), with a field per sheet to
 * give another — an existing unit's name or code, or a new förvaltning's full name. A sheet whose name
 * was probably cut is called out.
 */
export function SheetUnitsForm({ preview, busy, onSubmit }: Props) {
  const { t } = useTranslation();
  const sheets = preview.sheets.filter((s): s is Sheet => s.unitFromName && s.name !== null && s.headerRow !== null);
  const readAs = (s: Sheet) => s.unitGiven ?? s.fullName ?? s.name;
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(sheets.map((s) => [s.name, readAs(s)])));
  const [problems, setProblems] = useState<{ fields: Record<string, string>; attempt: number }>({ fields: {}, attempt: 0 });
  if (sheets.length === 0) return null;
  const idOf = (index: number) => `sheet-unit-${index}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const fields: Record<string, string> = {};
    const given: Record<string, string> = {};
    sheets.forEach((s, index) => {
      const value = (values[s.name] ?? '').trim();
      if (!value) fields[idOf(index)] = t('systemImport.sheetUnits.required', { sheet: s.name });
      else if (value.length > MAX) fields[idOf(index)] = t('systemImport.sheetUnits.tooLong', { max: MAX });
      else if (value !== s.name && value !== s.fullName) given[s.name] = value;
    });
    setProblems((p) => ({ fields, attempt: p.attempt + 1 }));
    if (Object.keys(fields).length) return;
    onSubmit(given);
  }

  const summary = Object.entries(problems.fields).map(([fieldId, message]) => ({ fieldId, message }));
  const descriptionOf = (s: Sheet) => {
    if (s.unitGiven) return t('systemImport.sheetUnits.given');
    if (s.fullName) return t('systemImport.sheetUnits.fullName');
    if (s.nameCut) return t('systemImport.sheetUnits.cut');
    return undefined;
  };

  return (
    <section aria-labelledby="sheet-units-heading" className="section">
      <Heading level={3} data-size="xs" id="sheet-units-heading">
        {t('systemImport.sheetUnits.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('systemImport.sheetUnits.intro')}</Paragraph>
      <FormProblems errors={{ general: null, attempt: problems.attempt, summary }} />
      <form className="mapping-form" noValidate onSubmit={submit}>
        <div className="mapping-grid">
          {sheets.map((s, index) => (
            <Textfield
              key={s.name}
              id={idOf(index)}
              label={t('systemImport.sheetUnits.label', { sheet: s.name })}
              description={descriptionOf(s)}
              value={values[s.name] ?? ''}
              onChange={(e) => setValues((v) => ({ ...v, [s.name]: e.target.value }))}
              error={problems.fields[idOf(index)]}
              autoComplete="off"
            />
          ))}
        </div>
        <div className="actions">
          <Button type="submit" variant="secondary" loading={busy}>
            {t('systemImport.sheetUnits.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
