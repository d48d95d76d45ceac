import { useTranslation } from 'react-i18next';
import { SelectField, type SelectOption } from '../../components/SelectField.tsx';
import { useOrgTree, type OrgUnit } from '../../api/org.ts';

interface Props {
  id: string;
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  /** The empty first option, e.g. "Choose a unit" or "None (a kommun at the top)". */
  placeholder?: string;
  error?: string;
  required?: boolean;
  /** Leave out inactive units (they cannot take new people or sub-units). */
  activeOnly?: boolean;
  /** A unit not to offer (e.g. the one handing a role over). */
  excludeId?: string;
}

/** Picks an org unit from the tree; each option is the unit's full path, so equal names are told apart. */
export function UnitSelect({ activeOnly = true, excludeId, ...props }: Props) {
  const { t } = useTranslation();
  const tree = useOrgTree();
  const units: OrgUnit[] = tree.data?.items ?? [];
  const options: SelectOption[] = units
    .filter((unit) => unit.id !== excludeId && (!activeOnly || unit.status === 'active' || unit.id === props.value))
    .map((unit) => ({
      value: unit.id,
      label: unit.status === 'inactive' ? t('org.pathInactive', { path: unit.path }) : unit.path,
    }));
  const error = props.error ?? (tree.isError ? t('org.treeLoadFailed') : undefined);
  return <SelectField {...props} error={error} options={options} disabled={tree.isPending} />;
}
