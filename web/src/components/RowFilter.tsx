import { Fieldset, Radio } from '@digdir/designsystemet-react';
import { useId } from 'react';
import './row-filter.css';

interface Props<K extends string> {
  legend: string;
  /** Each choice with its label, which says how many rows it shows ("Only rows with errors (3)"). */
  options: ReadonlyArray<{ key: K; label: string }>;
  value: K;
  onChange: (key: K) => void;
}

/** Which rows of a dry-run a table shows: radio buttons side by side (an import preview's "only the problems"). */
export function RowFilter<K extends string>({ legend, options, value, onChange }: Props<K>) {
  const name = useId();
  return (
    <Fieldset className="row-filter">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <div className="row-filter__options">
        {options.map((o) => (
          <Radio key={o.key} name={name} value={o.key} label={o.label} checked={value === o.key} onChange={() => onChange(o.key)} />
        ))}
      </div>
    </Fieldset>
  );
}
