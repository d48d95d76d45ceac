import { Button, Heading, Link } from '@digdir/designsystemet-react';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import type { System } from '../../api/systems.ts';
import { EditSystemForm } from './EditSystemForm.tsx';
import { OverviewSummary } from './OverviewSummary.tsx';
import { useFactText } from './factText.ts';
import type { FactField } from './systemForm.ts';

const GROUPS: { key: string; fields: FactField[] }[] = [
  { key: 'basics', fields: ['name', 'aliases', 'kind', 'description', 'purpose'] },
  { key: 'organisation', fields: ['owningUnitId', 'usingUnitIds', 'kommungemensamt'] },
  { key: 'assessment', fields: ['criticality', 'samhallsviktig', 'personalData', 'userCount'] },
  { key: 'operation', fields: ['hosting', 'dataLocation', 'thirdCountryTransfer', 'thirdCountryBasis', 'authMethod'] },
  { key: 'more', fields: ['links', 'note'] },
];

/**
 * Who is responsible, open findings and coming dates first; then all facts of the system, and (for those
 * who may change it) the edit form in their place.
 */
export function OverviewTab({ system }: { system: System }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(0);
  const editButton = useRef<HTMLButtonElement>(null);
  const canEdit = system.can.edit && system.lifecycle !== 'retired';

  if (editing) {
    return (
      <EditSystemForm
        system={system}
        onDone={(changed) => {
          setEditing(false);
          if (changed) setSaved(Date.now());
          else window.requestAnimationFrame(() => editButton.current?.focus());
        }}
      />
    );
  }
  return (
    <div className="tab-content">
      <OverviewSummary system={system} />
      <Heading level={2} data-size="sm">
        {t('systems.page.factsHeading')}
      </Heading>
      {saved > 0 && (
        <FocusAlert color="success" focusKey={saved}>
          {t('systems.edit.saved')}
        </FocusAlert>
      )}
      {canEdit && (
        <div className="actions">
          <Button ref={editButton} variant="secondary" onClick={() => setEditing(true)}>
            {t('systems.edit.button')}
          </Button>
        </div>
      )}
      <SystemFacts system={system} />
    </div>
  );
}

function SystemFacts({ system }: { system: System }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const factText = useFactText();

  const value = (field: FactField): ReactNode => {
    if (field === 'owningUnitId') {
      return (
        <Link asChild>
          <RouterLink to={`/organisation/${system.owningUnit.id}`}>{system.owningUnit.name}</RouterLink>
        </Link>
      );
    }
    if (field === 'usingUnitIds' && system.usingUnits.length > 0) {
      return (
        <ul className="plain-list">
          {system.usingUnits.map((unit) => (
            <li key={unit.id}>
              <Link asChild>
                <RouterLink to={`/organisation/${unit.id}`}>{unit.name}</RouterLink>
              </Link>
            </li>
          ))}
        </ul>
      );
    }
    if (field === 'links' && system.links.length > 0) {
      return (
        <ul className="plain-list">
          {system.links.map((link, index) => (
            <li key={index}>
              <Link href={link.url} rel="noopener noreferrer">
                {link.label}
              </Link>{' '}
              <span className="cell-note">({link.url})</span>
            </li>
          ))}
        </ul>
      );
    }
    if (field === 'hosting' && system.insideNetwork !== null) {
      return (
        <>
          {factText('hosting', system)}
          <div className="cell-note">{t(system.insideNetwork ? 'systems.page.insideNetwork' : 'systems.page.outsideNetwork')}</div>
        </>
      );
    }
    const text = factText(field, system);
    return <span className={text === t('common.none') ? 'muted pre-line' : 'pre-line'}>{text}</span>;
  };

  return (
    <>
      {GROUPS.map((group) => (
        <section key={group.key} aria-labelledby={`facts-${group.key}`} className="facts-group">
          <Heading level={3} data-size="xs" id={`facts-${group.key}`}>
            {t(`systems.form.${group.key}`)}
          </Heading>
          <dl className="facts">
            {group.fields.map((field) => (
              <FactRow key={field} label={t(`systems.fields.${field}`)}>
                {value(field)}
              </FactRow>
            ))}
          </dl>
        </section>
      ))}
      <section aria-labelledby="facts-record" className="facts-group">
        <Heading level={3} data-size="xs" id="facts-record">
          {t('systems.page.recordHeading')}
        </Heading>
        <dl className="facts">
          <FactRow label={t('systems.columns.registerNo')}>{system.registerNo}</FactRow>
          <FactRow label={t('systems.page.createdAt')}>
            <time dateTime={system.createdAt}>{formatDateTime(system.createdAt, locale)}</time>
          </FactRow>
          <FactRow label={t('systems.columns.updatedAt')}>
            <time dateTime={system.updatedAt}>{formatDateTime(system.updatedAt, locale)}</time>
          </FactRow>
          {system.retiredAt && (
            <FactRow label={t('systems.page.retiredAt')}>
              <time dateTime={system.retiredAt}>{formatDateTime(system.retiredAt, locale)}</time>
            </FactRow>
          )}
          <FactRow label={t('systems.page.version')}>{system.version}</FactRow>
        </dl>
      </section>
    </>
  );
}

function FactRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
