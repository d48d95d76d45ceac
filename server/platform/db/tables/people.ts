/** Tables of people and HR import batches. */
export interface PeopleTable {
  id: string;
  name: string;
  name_search: string; // lower-cased (sv-SE) name for case-insensitive search with å/ä/ö
  name_sort: string; // sortKey(name): Swedish alphabetical order (0011), for sorting and keyset paging
  email: string | null; // lower-cased
  title: string | null;
  home_unit_id: string | null;
  manager_id: string | null;
  status: 'active' | 'disabled' | 'left';
  left_at: string | null;
  external_id: string | null; // employee number in the HR system
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PeopleImportsTable {
  id: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  mode: 'full' | 'partial';
  file_name: string | null;
  plan_json: string; // the validated plan the dry-run showed; apply runs exactly this
  applied_at: string | null;
}

export interface PeopleTables {
  people: PeopleTable;
  people_imports: PeopleImportsTable;
}
