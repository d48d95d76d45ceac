import { useTranslation } from 'react-i18next';
import type { ImportRow, RowRef } from '../../api/system-import.ts';

/** Names of the fields a column can be read as, in the interface's language. */
export function useFieldLabel() {
  const { t } = useTranslation();
  const labels: Record<string, string> = {
    registerNo: t('systemImport.fields.registerNo'),
    name: t('systemImport.fields.name'),
    aliases: t('systemImport.fields.aliases'),
    kind: t('systemImport.fields.kind'),
    description: t('systemImport.fields.description'),
    purpose: t('systemImport.fields.purpose'),
    unit: t('systemImport.fields.unit'),
    usingUnits: t('systemImport.fields.usingUnits'),
    kommungemensamt: t('systemImport.fields.kommungemensamt'),
    lifecycle: t('systemImport.fields.lifecycle'),
    criticality: t('systemImport.fields.criticality'),
    samhallsviktig: t('systemImport.fields.samhallsviktig'),
    hosting: t('systemImport.fields.hosting'),
    dataLocation: t('systemImport.fields.dataLocation'),
    thirdCountryTransfer: t('systemImport.fields.thirdCountryTransfer'),
    personalData: t('systemImport.fields.personalData'),
    sensitivePersonalData: t('systemImport.fields.sensitivePersonalData'),
    authMethod: t('systemImport.fields.authMethod'),
    userCount: t('systemImport.fields.userCount'),
    link: t('systemImport.fields.link'),
    owner: t('systemImport.fields.owner'),
    manager: t('systemImport.fields.manager'),
    operations: t('systemImport.fields.operations'),
    supplier: t('systemImport.fields.supplier'),
    agreementEnd: t('systemImport.fields.agreementEnd'),
    confidentiality: t('systemImport.fields.confidentiality'),
    integrity: t('systemImport.fields.integrity'),
    availability: t('systemImport.fields.availability'),
    traceability: t('systemImport.fields.traceability'),
    classification: t('systemImport.fields.classification'),
    note: t('systemImport.fields.note'),
  };
  return (field: string): string => labels[field] ?? field;
}

/** Changed fields of an update: system fields, the roles and the agreement. */
export function useChangeLabel() {
  const { t } = useTranslation();
  const field = useFieldLabel();
  const extra: Record<string, string> = {
    owningUnitId: t('systemImport.changes.owningUnitId'),
    usingUnitIds: t('systemImport.changes.usingUnitIds'),
    links: t('systemImport.changes.links'),
    thirdCountryBasis: t('systemImport.changes.thirdCountryBasis'),
    agreement: t('systemImport.changes.agreement'),
  };
  return (change: string): string => extra[change] ?? field(change);
}

export function useActionLabel() {
  const { t } = useTranslation();
  const labels: Record<ImportRow['action'], string> = {
    create: t('systemImport.action.create'),
    update: t('systemImport.action.update'),
    unchanged: t('systemImport.action.unchanged'),
    error: t('systemImport.action.error'),
  };
  return (action: ImportRow['action']): string => labels[action];
}

/** "row 4 (Soc)" or "C7 (Soc)": where something is in the file. */
export function useWhere() {
  const { t } = useTranslation();
  return (ref: Pick<RowRef, 'sheet' | 'row'> & { cell?: string | null }): string => {
    const place = ref.cell ? t('systemImport.cellRef', { cell: ref.cell }) : t('systemImport.rowRef', { row: ref.row });
    return ref.sheet ? t('systemImport.onSheet', { place, sheet: ref.sheet }) : place;
  };
}
