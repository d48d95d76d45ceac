import { Button, Fieldset, Heading, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import type { HolderMapping, ImportPreview } from '../../api/system-import.ts';
import { PersonPicker } from '../shared/PersonPicker.tsx';
import { SupplierPicker } from '../shared/SupplierPicker.tsx';
import { UnitSelect } from '../shared/UnitSelect.tsx';

const READS = ['unit', 'supplier', 'person', 'new_person', 'vacant'] as const;
type Read = (typeof READS)[number];

const ID = { text: 'holder-mapping-text', read: 'holder-mapping-read', holder: 'holder-mapping-holder' } as const;

interface Props {
  preview: ImportPreview;
  /** The readings the caller has given so far (sent with every read of the file). */
  mappings: HolderMapping[];
  busy: boolean;
  onChange: (mappings: HolderMapping[]) => void;
}

/**
 * Says what a name of the role cells means when the import read it otherwise, or could not: an org unit,
 * a supplier, a person in Ansvar, a new person, or no holder. Each change reads the file again; the
 * table above then shows what the name became. The caller's readings are listed and can be taken back.
 */
export function HolderMappingForm({ preview, mappings, busy, onChange }: Props) {
  const { t } = useTranslation();
  const radioName = useId();
  const texts = [...new Set([...preview.unknownHolders.map((r) => r.text), ...mappings.map((m) => m.text)])];
  const [text, setText] = useState('');
  const [read, setRead] = useState<Read>('unit');
  const [holderId, setHolderId] = useState('');
  const [problems, setProblems] = useState<{ fields: Partial<Record<keyof typeof ID, string>>; attempt: number }>({ fields: {}, attempt: 0 });
  if (texts.length === 0) return null;

  const readingOf = (m: HolderMapping) => {
    const now = preview.unknownHolders.find((r) => r.text === m.text);
    const kind = typeof m.as === 'string' ? m.as : m.as.kind;
    const word = t(`systemImport.holders.became.${kind}`);
    return now?.holder && kind !== 'vacant' ? `${word}: ${now.holder}` : word;
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const fields: Partial<Record<keyof typeof ID, string>> = {};
    if (!text) fields.text = t('systemImport.holderMapping.textRequired');
    const needsHolder = read === 'unit' || read === 'supplier' || read === 'person';
    if (needsHolder && !holderId) fields.holder = t(`systemImport.holderMapping.${read}Required`);
    setProblems((p) => ({ fields, attempt: p.attempt + 1 }));
    if (Object.keys(fields).length) return;
    const as: HolderMapping['as'] = needsHolder ? { kind: read, id: holderId } : read;
    onChange([...mappings.filter((m) => m.text !== text), { text, as }]);
  }

  const summary = (Object.keys(problems.fields) as Array<keyof typeof ID>).map((k) => ({ fieldId: ID[k], message: problems.fields[k]! }));
  const chooseRead = (next: Read) => {
    setRead(next);
    setHolderId('');
  };

  return (
    <section aria-labelledby="holder-mapping-heading" className="section">
      <Heading level={4} data-size="2xs" id="holder-mapping-heading">
        {t('systemImport.holderMapping.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('systemImport.holderMapping.intro')}</Paragraph>
      {mappings.length > 0 && (
        <>
          <Paragraph data-size="sm">{t('systemImport.holderMapping.givenIntro', { count: mappings.length })}</Paragraph>
          <ul className="holder-mappings">
            {mappings.map((m) => (
              <li key={m.text}>
                <span>{t('systemImport.holderMapping.given', { text: m.text, reading: readingOf(m) })}</span>{' '}
                <Button
                  variant="tertiary"
                  data-size="sm"
                  loading={busy}
                  aria-label={t('systemImport.holderMapping.removeLabel', { text: m.text })}
                  onClick={() => !busy && onChange(mappings.filter((x) => x.text !== m.text))}
                >
                  {t('systemImport.holderMapping.remove')}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      <FormProblems errors={{ general: null, attempt: problems.attempt, summary }} />
      <form className="mapping-form holder-mapping-form" noValidate onSubmit={submit}>
        <SelectField
          id={ID.text}
          label={t('systemImport.holderMapping.textLabel')}
          value={text}
          onChange={setText}
          options={texts.map((x) => ({ value: x, label: x }))}
          placeholder={t('systemImport.holderMapping.textPlaceholder')}
          error={problems.fields.text}
        />
        <Fieldset>
          <Fieldset.Legend>{t('systemImport.holderMapping.readLabel')}</Fieldset.Legend>
          {READS.map((r, i) => (
            <Radio
              key={r}
              id={i === 0 ? ID.read : undefined}
              name={radioName}
              value={r}
              label={t(`systemImport.holderMapping.read.${r}`)}
              checked={read === r}
              onChange={() => chooseRead(r)}
            />
          ))}
        </Fieldset>
        {read === 'unit' && (
          <UnitSelect
            id={ID.holder}
            label={t('systemImport.holderMapping.unitLabel')}
            placeholder={t('unitRoles.holder.unitPlaceholder')}
            value={holderId}
            onChange={setHolderId}
            error={problems.fields.holder}
          />
        )}
        {read === 'supplier' && (
          <SupplierPicker
            id={ID.holder}
            legend={t('systemImport.holderMapping.supplierLabel')}
            placeholder={t('unitRoles.holder.supplierPlaceholder')}
            value={holderId}
            onChange={setHolderId}
            error={problems.fields.holder}
          />
        )}
        {read === 'person' && (
          <PersonPicker id={ID.holder} legend={t('systemImport.holderMapping.personLabel')} value={holderId} onChange={setHolderId} error={problems.fields.holder} />
        )}
        <div className="actions">
          <Button type="submit" variant="secondary" loading={busy}>
            {t('systemImport.holderMapping.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
