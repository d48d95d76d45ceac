import { Alert, Button, Details, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessImportPreview } from '../../api/access.ts';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import { ImportRows } from './ImportRows.tsx';

interface Props {
  preview: AccessImportPreview;
  applying: boolean;
  applyError: string | null;
  onApply: () => void;
  onCancel: () => void;
}

/** At most this many names in a list of the summary before it folds the rest behind a count. */
const NAMED = 20;

/**
 * The dry-run: what applying adds up to first (rows by what happens to them; new access roles; accounts that belong
 * to no person; in a full import the grants that end and the accounts marked removed), then every row with its
 * problems, then apply or start over.
 */
export function ImportPreview({ preview, applying, applyError, onApply, onCancel }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { counts, effects } = preview;
  const nothingToDo =
    effects.rolesCreated +
      effects.accountsCreated +
      effects.accountsUpdated +
      effects.accountsRemoved +
      effects.grantsStarted +
      effects.grantsEnded +
      effects.grantsRepersoned ===
    0;

  // The dry-run replaces the form's place in the reading order: continue from its heading.
  useEffect(() => {
    headingRef.current?.focus();
  }, [preview.id]);

  return (
    <section aria-labelledby="access-import-preview" className="section">
      <Heading level={2} data-size="sm" id="access-import-preview" ref={headingRef} tabIndex={-1} className="focus-target">
        {t('access.import.previewHeading')}
      </Heading>
      <Paragraph>
        {t(preview.mode === 'full' ? 'access.import.previewIntroFull' : 'access.import.previewIntroPartial', {
          time: formatDateTime(preview.expiresAt, locale),
        })}
      </Paragraph>
      <dl className="facts facts--counts">
        <dt>{t('access.import.counts.create')}</dt>
        <dd>{counts.create}</dd>
        <dt>{t('access.import.counts.update')}</dt>
        <dd>{counts.update}</dd>
        <dt>{t('access.import.counts.unchanged')}</dt>
        <dd>{counts.unchanged}</dd>
        <dt>{t('access.import.counts.error')}</dt>
        <dd>{counts.error}</dd>
      </dl>
      <Paragraph data-size="sm">{t('access.import.effects', { ...effects })}</Paragraph>
      {counts.error > 0 && <Alert data-color="warning">{t('access.import.errorsWarning', { count: counts.error })}</Alert>}
      {preview.warnings.map((w) => (
        <Alert key={w.code} data-color="warning">
          {w.message}
        </Alert>
      ))}

      {preview.newRoles.length > 0 && (
        <NamedList
          heading={t('access.import.newRolesHeading', { count: preview.newRoles.length })}
          intro={t('access.import.newRolesIntro')}
          names={preview.newRoles}
        />
      )}
      {effects.unmatched > 0 && (
        <section className="section subsection" aria-labelledby="access-import-unmatched">
          <Heading level={3} data-size="xs" id="access-import-unmatched">
            {t('access.import.unmatchedHeading', { count: effects.unmatched })}
          </Heading>
          <Paragraph data-size="sm">{t('access.import.unmatchedIntro')}</Paragraph>
        </section>
      )}
      {effects.grantsEnded > 0 && (
        <NamedList
          heading={t('access.import.endedHeading', { count: effects.grantsEnded })}
          intro={t('access.import.endedIntro')}
          names={preview.endedGrants.map((g) => t('access.import.endedItem', { username: g.username, role: g.accessRole }))}
          total={effects.grantsEnded}
        />
      )}
      {effects.accountsRemoved > 0 && (
        <NamedList
          heading={t('access.import.removedHeading', { count: effects.accountsRemoved })}
          intro={t('access.import.removedIntro')}
          names={preview.removedAccounts.map((a) => a.username)}
          total={effects.accountsRemoved}
        />
      )}

      <ImportRows key={preview.id} preview={preview} />

      {applyError && <FocusAlert color="danger">{applyError}</FocusAlert>}
      <Paragraph>{nothingToDo ? t('access.import.nothingToDo') : t('access.import.applyIntro')}</Paragraph>
      <div className="actions">
        {!nothingToDo && (
          <Button loading={applying} onClick={onApply}>
            {t('access.import.applySubmit')}
          </Button>
        )}
        <Button variant="secondary" onClick={onCancel}>
          {t('access.import.startOver')}
        </Button>
      </div>
      <div role="status" aria-live="polite" className="list-status">
        {applying && (
          <div className="progress-row">
            <Spinner aria-hidden="true" data-size="sm" />
            <span>{t('access.import.applying')}</span>
          </div>
        )}
      </div>
    </section>
  );
}

/** A heading, a sentence, and the names — the first ones shown, the rest folded away. */
function NamedList({ heading, intro, names, total }: { heading: string; intro: string; names: string[]; total?: number }) {
  const { t } = useTranslation();
  const first = names.slice(0, NAMED);
  const rest = names.slice(NAMED);
  const unnamed = (total ?? names.length) - names.length;
  return (
    <section className="section subsection">
      <Heading level={3} data-size="xs">
        {heading}
      </Heading>
      <Paragraph data-size="sm">{intro}</Paragraph>
      <ul>
        {first.map((n, i) => (
          <li key={`${n}-${i}`}>{n}</li>
        ))}
      </ul>
      {rest.length > 0 && (
        <Details>
          <Details.Summary>{t('access.import.showRest', { count: rest.length })}</Details.Summary>
          <Details.Content>
            <ul>
              {rest.map((n, i) => (
                <li key={`${n}-${i}`}>{n}</li>
              ))}
            </ul>
          </Details.Content>
        </Details>
      )}
      {unnamed > 0 && <Paragraph data-size="sm">{t('access.import.unnamed', { count: unnamed })}</Paragraph>}
    </section>
  );
}
