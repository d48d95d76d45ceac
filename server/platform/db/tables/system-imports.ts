/** System register import batches (migration 0007). */
export interface SystemImportsTable {
  id: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  file_name: string | null;
  plan_json: string; // the plan the dry-run showed; apply runs exactly this (replaced by a summary once applied)
  applied_at: string | null;
}

export interface SystemImportTables {
  system_imports: SystemImportsTable;
}
