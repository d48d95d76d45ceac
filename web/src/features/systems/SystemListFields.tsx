import { Button, Fieldset, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgTree } from '../../api/org.ts';
import { UnitSelect } from '../shared/UnitSelect.tsx';

/** Moves focus to an element by id after the next render (a row that was added, or the add button after a removal). */
function usePendingFocus(trigger: unknown) {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (!pending.current) return;
    document.getElementById(pending.current)?.focus();
    pending.current = null;
  }, [trigger]);
  return (id: string) => {
    pending.current = id;
  };
}

interface UsingUnitsProps {
  /** id of the unit picker; the error summary links to it. */
  id: string;
  value: string[];
  owningUnitId: string;
  onChange: (ids: string[]) => void;
  error?: string;
}

/** Other units that use the system: a list with remove buttons, and a unit picker to add one. */
export function UsingUnitsField({ id, value, owningUnitId, onChange, error }: UsingUnitsProps) {
  const { t } = useTranslation();
  const tree = useOrgTree();
  const [adding, setAdding] = useState('');
  const focusLater = usePendingFocus(value.length);
  const nameOf = (unitId: string) => tree.data?.items.find((u) => u.id === unitId)?.path ?? unitId;

  function add() {
    if (!adding || adding === owningUnitId || value.includes(adding)) {
      setAdding('');
      return;
    }
    onChange([...value, adding]);
    setAdding('');
  }

  return (
    <Fieldset>
      <Fieldset.Legend>{t('systems.fields.usingUnitIds')}</Fieldset.Legend>
      <Fieldset.Description>{t('systems.fields.usingUnitsHint')}</Fieldset.Description>
      {value.length === 0 ? (
        <Paragraph data-size="sm">{t('systems.form.noUsingUnits')}</Paragraph>
      ) : (
        <ul className="chosen-list">
          {value.map((unitId) => (
            <li key={unitId}>
              <span>{nameOf(unitId)}</span>
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                onClick={() => {
                  focusLater(id);
                  onChange(value.filter((v) => v !== unitId));
                }}
              >
                {t('systems.form.removeUnit', { name: nameOf(unitId) })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="add-row">
        <UnitSelect
          id={id}
          label={t('systems.form.addUnit')}
          value={adding}
          onChange={setAdding}
          placeholder={t('org.fields.chooseUnit')}
        />
        <Button type="button" variant="secondary" onClick={add} disabled={!adding}>
          {t('systems.form.addUnitButton')}
        </Button>
      </div>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}

interface LinksProps {
  idOf: (key: string) => string;
  links: { label: string; url: string }[];
  onChange: (links: { label: string; url: string }[]) => void;
  errors: Record<string, string>;
}

/** Links (manual, agreement, start page): a label and an address per row, rows added and removed. */
export function LinksField({ idOf, links, onChange, errors }: LinksProps) {
  const { t } = useTranslation();
  const focusLater = usePendingFocus(links.length);
  const update = (index: number, key: 'label' | 'url', text: string) =>
    onChange(links.map((link, i) => (i === index ? { ...link, [key]: text } : link)));

  return (
    <Fieldset>
      <Fieldset.Legend>{t('systems.fields.links')}</Fieldset.Legend>
      <Fieldset.Description>{t('systems.fields.linksHint')}</Fieldset.Description>
      {links.map((link, index) => (
        <div key={index} className="link-row">
          <Textfield
            id={idOf(`links.${index}.label`)}
            label={t('systems.fields.linkLabelN', { n: index + 1 })}
            autoComplete="off"
            value={link.label}
            onChange={(e) => update(index, 'label', e.target.value)}
            error={errors[`links.${index}.label`]}
          />
          <Textfield
            id={idOf(`links.${index}.url`)}
            label={t('systems.fields.linkUrlN', { n: index + 1 })}
            type="url"
            autoComplete="off"
            value={link.url}
            onChange={(e) => update(index, 'url', e.target.value)}
            error={errors[`links.${index}.url`]}
          />
          <Button
            type="button"
            variant="tertiary"
            data-size="sm"
            onClick={() => {
              focusLater(idOf('links'));
              onChange(links.filter((_, i) => i !== index));
            }}
          >
            {t('systems.form.removeLink', { n: index + 1 })}
          </Button>
        </div>
      ))}
      <div className="actions">
        <Button
          type="button"
          variant="secondary"
          id={idOf('links')}
          onClick={() => {
            focusLater(idOf(`links.${links.length}.label`));
            onChange([...links, { label: '', url: '' }]);
          }}
        >
          {t('systems.form.addLink')}
        </Button>
      </div>
      {errors.links && <ValidationMessage>{errors.links}</ValidationMessage>}
    </Fieldset>
  );
}
