import { todayOf } from '../../platform/dates.ts';
import { z } from 'zod';
import type { HolderKind } from '../../../shared/policy.ts';
import { canSomewhere, type Grant } from '../../platform/access/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/schemas.ts';
import { reachOf } from '../../platform/access/reach.ts';
import { systemSubject } from '../systems/index.ts';
import { listAssignments } from './repository.ts';
import { catalogueOf, presentAssignment, type RoleAssignmentView } from './rules.ts';

const cursorSchema = z.object({ f: z.string(), id: z.string() });

export interface ListAssignmentsInput {
  subjectKind?: 'unit' | 'system' | undefined;
  subjectId?: string | undefined;
  principalKind?: HolderKind | undefined;
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
  // One system's holders: whoever may read the system sees them (its förvaltning, users of it, its role holders).
  const oneSystem = input.subjectKind === 'system' && input.subjectId !== undefined;
  const subjectVisible = oneSystem && (await systemSubject(ctx, ctx.db, grants, ctx.actor?.userId ?? null, input.subjectId!)) !== null;
  if (oneSystem && !subjectVisible) return { items: [], nextCursor: null };
  const { principalKind, principalId, ...rest } = input;
  const principal = principalId ? { kind: principalKind ?? 'person', id: principalId } : undefined;
  const filter = { ...rest, principal, reach: reachOf(grants, 'org:read'), subjectVisible, today, after };
  const { rows, hasMore } = await listAssignments(ctx.db, filter, input.limit);
  const catalogue = await catalogueOf(ctx);
  const last = rows[rows.length - 1];
  return {
    items: rows.map((r) => presentAssignment(r, catalogue, ctx, today)),
    nextCursor: hasMore && last ? encodeCursor({ f: last.valid_from, id: last.id }) : null,
  };
}
