import { Fieldset, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/SelectField.tsx';
import { useSystems, type SystemSummary } from './api.ts';

interface Props {
  /** id of the <select>; error summaries link to it. */
  id: string;
  legend: string;
  value: string;
  onChange: (systemId: string) => void;
  error?: string;
  /** Systems not to offer (the system itself, those already chosen). */
  excludeIds?: readonly string[];
}

const MATCHES = 25;

/**
 * Finds a system by name, other name or register number: type in the search field, then choose
 * among the matches in the list below it (two plain controls, like the person picker).
 */
export function SystemPicker({ id, legend, value, onChange, error, excludeIds = [] }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<SystemSummary | null>(null);

  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [text]);

  const systems = useSystems({ q: q || undefined, sort: 'name', dir: 'asc' }, { limit: MATCHES });
  const found = (systems.data?.pages[0]?.items ?? []).filter((s) => !excludeIds.includes(s.id));
  const options = [...(chosen && chosen.id === value && !found.some((s) => s.id === chosen.id) ? [chosen] : []), ...found];
  const describe = (s: SystemSummary) => `${s.name} (${s.registerNo}, ${s.owningUnit.name})`;

  let status: string;
  if (systems.isPending) status = t('people.picker.searching');
  else if (systems.isError) status = t('people.picker.failed');
  else if (found.length === 0) status = q ? t('systems.picker.none', { q }) : t('systems.picker.noneAtAll');
  else if (systems.hasNextPage) status = t('people.picker.many', { count: found.length });
  else status = t('people.picker.count', { count: found.length });

  return (
    <Fieldset className="picker">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <Textfield
        id={`${id}-search`}
        label={t('systems.picker.search')}
        description={t('systems.picker.searchHint')}
        type="search"
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <SelectField
        id={id}
        label={t('people.picker.choose')}
        description={<span aria-live="polite">{status}</span>}
        value={value}
        onChange={(systemId) => {
          setChosen(options.find((s) => s.id === systemId) ?? null);
          onChange(systemId);
        }}
        placeholder={t('systems.picker.placeholder')}
        options={options.map((s) => ({ value: s.id, label: describe(s) }))}
        error={error}
      />
    </Fieldset>
  );
}
