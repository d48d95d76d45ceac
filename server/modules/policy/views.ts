import { uploaderOf } from './active-pack.ts';
import type { VersionRow } from './repository.ts';

/** A stored version as the API shows it. */
export interface VersionView {
  id: string;
  packId: string;
  version: string;
  title: string;
  status: 'active' | 'superseded';
  documentSha256: string;
  uploadedAt: string;
  uploadedBy: { id: string; name: string } | null;
  activatedAt: string | null;
}

export const versionView = (r: VersionRow): VersionView => ({
  id: r.id,
  packId: r.pack_id,
  version: r.version,
  title: r.title,
  status: r.status,
  documentSha256: r.document_sha256,
  uploadedAt: r.uploaded_at,
  uploadedBy: uploaderOf(r),
  activatedAt: r.activated_at,
});
