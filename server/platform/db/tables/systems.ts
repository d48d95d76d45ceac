/**
 * Tables of the system register (migration 0005). Enumerations are stored as their English codes
 * (see server/modules/systems/model.ts); booleans 0/1 with null for "not known"; lists as JSON text.
 */
export interface SystemsTable {
  id: string;
  register_no: number; // shown as SYS-0042
  name: string;
  name_sort: string; // sortKey(name): Swedish alphabetical order as a binary string, for sorting and keyset paging
  search_text: string; // lower-cased name, aliases, register number and supplier names, for search
  aliases_json: string; // string[]
  kind: string;
  description: string | null;
  purpose: string | null;
  owning_unit_id: string;
  kommun_id: string; // the root unit above the owning unit (migration 0025); set by the repository, moved by a trigger
  kommungemensamt: number;
  lifecycle: string;
  criticality: string | null;
  samhallsviktig: number | null;
  hosting: string | null;
  data_location: string | null;
  third_country_transfer: number | null;
  third_country_basis: string | null;
  personal_data: string | null;
  auth_method: string | null;
  user_count: number | null;
  links_json: string; // Array<{label, url}>
  note: string | null;
  confirmed_at: string | null;
  confirmed_by: string | null; // user id
  retired_at: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  version: number;
}

export interface SystemUnitsTable {
  system_id: string;
  unit_id: string;
}

export interface SystemDependenciesTable {
  system_id: string;
  depends_on_id: string;
  description: string | null;
}

export interface SuppliersTable {
  id: string;
  name: string;
  name_sort: string;
  org_number: string | null; // organisationsnummer, NNNNNN-NNNN
  website: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface SupplierContactsTable {
  id: string;
  supplier_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  role_text: string | null;
  created_at: string;
}

export interface AgreementsTable {
  id: string;
  supplier_id: string | null;
  kind: string;
  title: string;
  reference: string | null; // diarienummer
  start_date: string | null;
  end_date: string | null;
  notice_months: number | null;
  auto_renewal: number;
  document_url: string | null;
  responsible_person_id: string | null;
  clause_logging: number | null;
  clause_backup: number | null;
  clause_destruction: number | null;
  clause_dpa: number | null; // personuppgiftsbiträdesavtal
  note: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface AgreementSystemsTable {
  agreement_id: string;
  system_id: string;
}

export interface SystemTables {
  systems: SystemsTable;
  system_units: SystemUnitsTable;
  system_dependencies: SystemDependenciesTable;
  suppliers: SuppliersTable;
  supplier_contacts: SupplierContactsTable;
  agreements: AgreementsTable;
  agreement_systems: AgreementSystemsTable;
}
