import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import type { HolderMapping, ImportOptions, ImportPreview, RowRef } from '../../api/system-import.ts';
import { useWhere } from './labels.ts';
import { HolderMappingForm } from './HolderMappingForm.tsx';
import { HolderReadings } from './HolderReadings.tsx';
import { MappingForm } from './MappingForm.tsx';
import { PreviewRows } from './PreviewRows.tsx';
import { SheetUnitsForm } from './SheetUnitsForm.tsx';

interface Props {
  preview: ImportPreview;
  rerunning: boolean;
  applying: boolean;
  applyError: string | null;
  /** The caller's readings of role-cell names, sent with every read of the file. */
  holderMappings: HolderMapping[];
  /** Reads the file again with these options changed (the others as last time). */
  onRerun: (change: Partial<ImportOptions>) => void;
  onApply: () => void;
  onCancel: () => void;
}

/** The dry-run: what would happen, what Ansvar does not know, how the columns were read, and apply. */
export function PreviewView({ preview, rerunning, applying, applyError, holderMappings, onRerun, onApply, onCancel }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const where = useWhere();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { counts, effects, classifications } = preview;
  // K/R/T drafts are written even where the systems themselves are unchanged.
  const nothingToDo = counts.create + counts.update + classifications.create + classifications.update === 0;
  const classified = classifications.create + classifications.update + classifications.unchanged + classifications.inProgress > 0;
  const refs = (rows: RowRef[]) => rows.slice(0, 5).map(where).join(', ') + (rows.length > 5 ? ' …' : '');

  // The dry-run replaces the form's place in the reading order: continue from its heading.
  useEffect(() => {
    headingRef.current?.focus();
  }, [preview.id]);

  return (
    <section aria-labelledby="import-preview-heading" className="section">
      <Heading level={2} data-size="sm" id="import-preview-heading" ref={headingRef} tabIndex={-1} className="focus-target">
        {t('systemImport.previewHeading')}
      </Heading>
      <Paragraph>{t('systemImport.previewIntro', { time: formatDateTime(preview.expiresAt, locale) })}</Paragraph>
      <dl className="facts facts--counts">
        <dt>{t('systemImport.counts.create')}</dt>
        <dd>{counts.create}</dd>
        <dt>{t('systemImport.counts.update')}</dt>
        <dd>{counts.update}</dd>
        <dt>{t('systemImport.counts.unchanged')}</dt>
        <dd>{counts.unchanged}</dd>
        <dt>{t('systemImport.counts.error')}</dt>
        <dd>{counts.error}</dd>
        <dt>{t('systemImport.counts.notes')}</dt>
        <dd>{preview.rows.filter((r) => r.notes?.length).length}</dd>
      </dl>
      <Paragraph data-size="sm">{t('systemImport.effects', { ...effects })}</Paragraph>
      {classified && <Paragraph data-size="sm">{t('systemImport.classifications', { ...classifications })}</Paragraph>}
      {counts.error > 0 && <Alert data-color="warning">{t('systemImport.errorsWarning', { count: counts.error })}</Alert>}

      {preview.notices.length > 0 && (
        <>
          <Heading level={3} data-size="xs">
            {t('systemImport.noticesHeading')}
          </Heading>
          <ul>
            {preview.notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      )}

      {(preview.unknownUnits.length > 0 || preview.unknownPeople.length > 0) && (
        <section aria-labelledby="unknown-heading" className="section">
          <Heading level={3} data-size="xs" id="unknown-heading">
            {t('systemImport.unknownHeading')}
          </Heading>
          {preview.unknownUnits.length > 0 && (
            <>
              <Paragraph>{t('systemImport.unknownUnits', { count: preview.unknownUnits.length })}</Paragraph>
              <ul>
                {preview.unknownUnits.map((u) => (
                  <li key={u.name}>
                    {t(u.create ? 'systemImport.willCreate' : 'systemImport.notCreated', { name: u.name, where: refs(u.rows) })}
                  </li>
                ))}
              </ul>
            </>
          )}
          {preview.unknownPeople.length > 0 && (
            <>
              <Paragraph>{t('systemImport.unknownPeople', { count: preview.unknownPeople.length })}</Paragraph>
              <ul>
                {preview.unknownPeople.map((p) => (
                  <li key={`${p.name}|${p.email ?? ''}`}>
                    {t(p.create ? 'systemImport.willCreate' : 'systemImport.notCreated', {
                      name: p.email ? `${p.name} (${p.email})` : p.name,
                      where: refs(p.rows),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
          <Paragraph>{t(preview.createMissing ? 'systemImport.missingWillBeCreated' : 'systemImport.missingNotCreated')}</Paragraph>
          <div className="actions">
            <Button variant="secondary" loading={rerunning} onClick={() => !rerunning && onRerun({ createMissing: !preview.createMissing })}>
              {t(preview.createMissing ? 'systemImport.rerunWithoutCreate' : 'systemImport.rerunCreate')}
            </Button>
          </div>
        </section>
      )}

      <HolderReadings key={`holders-${preview.id}`} preview={preview} />
      <HolderMappingForm key={`holder-mapping-${preview.id}`} preview={preview} mappings={holderMappings} busy={rerunning} onChange={(next) => onRerun({ holderMappings: next })} />
      <SheetUnitsForm key={`sheets-${preview.id}`} preview={preview} busy={rerunning} onSubmit={(sheetUnits) => onRerun({ sheetUnits })} />

      {preview.shared.length > 0 && (
        <section aria-labelledby="shared-heading" className="section">
          <Heading level={3} data-size="xs" id="shared-heading">
            {t('systemImport.sharedHeading')}
          </Heading>
          <ul>
            {preview.shared.map((s) => (
              <li key={`${s.name}|${s.owner}`}>
                {t('systemImport.sharedItem', { name: s.name, owner: s.owner, usedBy: s.usedBy.join(', ') || '–', where: refs(s.rows) })}
              </li>
            ))}
          </ul>
        </section>
      )}

      <MappingForm key={preview.id} preview={preview} busy={rerunning} onSubmit={(mapping) => onRerun({ mapping })} />
      <PreviewRows key={`rows-${preview.id}`} preview={preview} />

      {applyError && <FocusAlert color="danger">{applyError}</FocusAlert>}
      <Paragraph>{nothingToDo ? t('systemImport.nothingToDo') : t('systemImport.applyIntro')}</Paragraph>
      <div className="actions">
        {!nothingToDo && (
          <Button loading={applying} onClick={onApply}>
            {t('systemImport.applySubmit')}
          </Button>
        )}
        <Button variant="secondary" onClick={onCancel}>
          {t('systemImport.startOver')}
        </Button>
      </div>
      <div role="status" aria-live="polite" className="list-status">
        {applying && (
          <div className="progress-row">
            <Spinner aria-hidden="true" data-size="sm" />
            <span>{t('systemImport.applying')}</span>
          </div>
        )}
      </div>
    </section>
  );
}
