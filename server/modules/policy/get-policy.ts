import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/schemas.ts';
import { defaultPackText } from '../../policy/loader.ts';
import { getActivePack } from './active-pack.ts';
import { listVersions } from './repository.ts';
import { versionView } from './views.ts';

/**
 * Reading the policy. The pack is the kommun's adopted policy, not data of one unit: any grant that
 * includes policy:read (checked by the route's declared access) may read it.
 */
export async function activePolicy(ctx: Ctx) {
  const active = await getActivePack(ctx);
  return {
    source: active.source,
    versionId: active.versionId,
    uploadedAt: active.uploadedAt,
    uploadedBy: active.uploadedBy,
    document: active.pack,
  };
}

const cursorSchema = z.object({ at: z.string(), id: z.string() });

export async function policyVersions(ctx: Ctx, q: { limit: number; cursor?: string | undefined }) {
  const after = decodeCursor(q.cursor, cursorSchema);
  const { rows, hasMore } = await listVersions(ctx.db, q.limit, after);
  const last = rows[rows.length - 1];
  return { items: rows.map(versionView), nextCursor: hasMore && last ? encodeCursor({ at: last.uploaded_at, id: last.id }) : null };
}

/** The default pack's YAML, comments and all, for a kommun to download and edit. */
export const defaultYaml = (): string => defaultPackText();
