import { z } from 'zod';
import { canSomewhere, type Grant } from '../../platform/access/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/schemas.ts';
import { reachOf } from '../../platform/access/reach.ts';
import { listAssignments } from './role-repository.ts';
import { catalogueOf, presentAssignment, todayOf, type RoleAssignmentView } from './role-rules.ts';

const cursorSchema = z.object({ f: z.string(), id: z.string() });

export interface ListAssignmentsInput {
  subjectKind?: 'unit' | 'system' | undefined;
  subjectId?: string | undefined;
  principalId?: string | undefined;
  roleKey?: string | undefined;
  current?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Role assignments whose subject the caller may read, newest start first (keyset). */
export async function listRoleAssignments(
  ctx: Ctx,
  grants: readonly Grant[],
  input: ListAssignmentsInput,
): Promise<{ items: RoleAssignmentView[]; nextCursor: string | null }> {
  if (!canSomewhere(grants, 'org:read')) throw new AppError('forbidden');
  const after = decodeCursor(input.cursor, cursorSchema);
  const today = todayOf(ctx);
  const { rows, hasMore } = await listAssignments(ctx.db, { ...input, reach: reachOf(grants, 'org:read'), today, after }, input.limit);
  const catalogue = await catalogueOf(ctx);
  const last = rows[rows.length - 1];
  return {
    items: rows.map((r) => presentAssignment(r, catalogue, ctx, today)),
    nextCursor: hasMore && last ? encodeCursor({ f: last.valid_from, id: last.id }) : null,
  };
}
