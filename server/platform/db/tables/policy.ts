/** Tables of policy pack versions. */
export interface PolicyPacksTable {
  id: string;
  pack_id: string; // the pack's own identity, e.g. "svenljunga-it-sakerhetspolicy"
  version: string;
  title: string;
  document_json: string; // the validated pack
  status: 'active' | 'superseded';
  uploaded_by: string | null;
  uploaded_at: string;
  activated_at: string | null;
}

export interface PolicyTables {
  policy_packs: PolicyPacksTable;
}
