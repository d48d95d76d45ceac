import { Button, Fieldset, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSystems, type SystemSummary } from '../../api/systems.ts';
import { PICKER_MATCHES, SearchPicker, useSearchText } from '../../components/SearchPicker.tsx';

/** A chosen system, as the list beside the picker shows it. */
export type ChosenSystem = Pick<SystemSummary, 'id' | 'name' | 'registerNo'> & { unit: string };

interface Props {
  /** id of the picker's list; error summaries link to it. */
  id: string;
  chosen: ChosenSystem[];
  onChange: (chosen: ChosenSystem[]) => void;
  error?: string;
}

const describe = (s: SystemSummary) => `${s.name} (${s.registerNo}, ${s.owningUnit.name})`;

/**
 * Several systems: search and choose one, "Lägg till", and again; the chosen ones are listed, each with a button
 * that takes it away. Adding is a button press, so moving through the list with the arrow keys adds nothing.
 */
export function SystemsChooser({ id, chosen, onChange, error }: Props) {
  const { t } = useTranslation();
  const search = useSearchText();
  const [pending, setPending] = useState('');
  const systems = useSystems({ q: search.q || undefined, sort: 'name', dir: 'asc' }, { limit: PICKER_MATCHES });
  const found = (systems.data?.pages[0]?.items ?? []).filter((s) => !chosen.some((c) => c.id === s.id));
  const count = found.length;

  function add() {
    const system = found.find((s) => s.id === pending);
    if (!system) {
      document.getElementById(id)?.focus();
      return;
    }
    onChange([...chosen, { id: system.id, name: system.name, registerNo: system.registerNo, unit: system.owningUnit.name }]);
    setPending('');
    document.getElementById(id)?.focus();
  }

  function remove(system: ChosenSystem, index: number) {
    onChange(chosen.filter((c) => c.id !== system.id));
    // Focus goes to the next system's button, or the picker when none is left.
    const next = chosen[index + 1] ?? chosen[index - 1];
    window.requestAnimationFrame(() => document.getElementById(next ? `${id}-remove-${next.id}` : id)?.focus());
  }

  return (
    <Fieldset className="review-systems">
      <Fieldset.Legend>{t('reviews.create.systemsLegend')}</Fieldset.Legend>
      <div className="review-systems__add">
        <SearchPicker
          id={id}
          legend={t('reviews.create.findSystem')}
          value={pending}
          onChange={setPending}
          error={error}
          search={search}
          found={found}
          query={systems}
          describe={describe}
          texts={{
            search: t('systems.picker.search'),
            searchHint: t('systems.picker.searchHint'),
            choose: t('people.picker.choose'),
            placeholder: t('systems.picker.placeholder'),
            searching: t('people.picker.searching'),
            failed: t('people.picker.failed'),
            none: t('systems.picker.none', { q: search.q }),
            noneAtAll: t('systems.picker.noneAtAll'),
            count: t('people.picker.count', { count }),
            many: t('people.picker.many', { count }),
          }}
        />
        <div className="actions">
          <Button type="button" variant="secondary" onClick={add}>
            {t('reviews.create.addSystem')}
          </Button>
        </div>
      </div>
      <div aria-live="polite">
        <Paragraph data-size="sm">{t('reviews.create.chosenCount', { count: chosen.length })}</Paragraph>
      </div>
      {chosen.length > 0 && (
        <ul className="review-systems__list">
          {chosen.map((s, index) => (
            <li key={s.id}>
              <span>
                {s.name}{' '}
                <span className="cell-note">
                  ({s.registerNo}, {s.unit})
                </span>
              </span>
              <Button
                id={`${id}-remove-${s.id}`}
                type="button"
                variant="tertiary"
                data-size="sm"
                aria-label={t('reviews.create.removeSystemNamed', { name: s.name })}
                onClick={() => remove(s, index)}
              >
                {t('reviews.create.removeSystem')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Fieldset>
  );
}
