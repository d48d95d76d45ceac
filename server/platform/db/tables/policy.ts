/** Tables of policy pack versions. */
export interface PolicyPacksTable {
  id: string;
  pack_id: string; // the pack's own identity, e.g. "svenljunga-it-sakerhetspolicy"
  version: string;
  title: string; // the pack's Swedish title
  document_json: string; // the validated pack (normalised: defaults filled in)
  document_sha256: string; // SHA-256 of document_json, also written to the audit event
  status: 'active' | 'superseded';
  uploaded_by: string | null; // user id
  uploaded_by_name: string | null; // the uploader's name at the time, kept with the version
  uploaded_at: string;
  activated_at: string | null;
}

export interface PolicyTables {
  policy_packs: PolicyPacksTable;
}
