import type { Services } from '../../platform/context.ts';
import { formatProblems, getDefaultPack, loadPackObject } from '../../policy/loader.ts';
import type { Pack } from '../../policy/schema.ts';
import { activeQuery, documentQuery, type VersionRow } from './repository.ts';

export interface ActivePack {
  pack: Pack;
  source: 'default' | 'uploaded';
  versionId: string | null;
  uploadedAt: string | null;
  uploadedBy: { id: string; name: string } | null;
}

/** Parsed documents by version id; a stored version never changes, so entries never go stale. */
const parsed = new Map<string, Pack>();
const CACHE_SIZE = 16;

/**
 * The pack in force: the active uploaded version, else the default pack (the seed policy). One small
 * indexed query per call; the document is parsed once per version.
 */
export async function getActivePack(services: Services): Promise<ActivePack> {
  const [row] = await services.readCommitted(activeQuery(services.db));
  if (!row) return { pack: getDefaultPack(), source: 'default', versionId: null, uploadedAt: null, uploadedBy: null };
  return {
    pack: await packOf(services, row),
    source: 'uploaded',
    versionId: row.id,
    uploadedAt: row.uploaded_at,
    uploadedBy: uploaderOf(row),
  };
}

export const uploaderOf = (row: Pick<VersionRow, 'uploaded_by' | 'uploaded_by_name'>) =>
  row.uploaded_by ? { id: row.uploaded_by, name: row.uploaded_by_name ?? '' } : null;

async function packOf(services: Services, row: VersionRow): Promise<Pack> {
  const cached = parsed.get(row.id);
  if (cached) return cached;
  const [doc] = await services.readCommitted(documentQuery(services.db, row.id));
  if (!doc) throw new Error(`Policy pack version ${row.id} has no document`);
  const result = loadPackObject(JSON.parse(doc.document_json));
  // Stored versions were validated on upload; failing now means the format changed without a migration.
  if (!result.ok) throw new Error(`Stored policy pack version ${row.id} does not validate:\n${formatProblems(result.problems)}`);
  if (parsed.size >= CACHE_SIZE) parsed.delete(parsed.keys().next().value!);
  parsed.set(row.id, result.pack);
  return result.pack;
}
