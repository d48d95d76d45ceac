import { canSomewhere } from '../../platform/access/permissions.ts';
import { reachOf, type UnitReach } from '../../platform/access/reach.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { personOfUser } from '../systems/index.ts';
import { findReview, isReviewer, systemsOutside, type ReviewRow } from './repository.ts';

/**
 * Who may do what with a review (docs/ACCESS.md, "Who may do what"):
 * - start one: an administrator (app role) whose grant reaches the owning unit of every system in the scope;
 * - see one: its reviewers (their own items); whoever started it, administrators reaching all its systems, and whoever
 *   may read all its systems (a granskare, a reader of the register: every item, as the systems' access tabs show
 *   them); anyone else gets 404;
 * - decide: a reviewer of the item; close and take out the evidence: whoever started it, or such an administrator.
 */

/** The units the caller's administrator grants reach (none: reaches nothing). */
export function adminReach(auth: Pick<Auth, 'grants'>): UnitReach | null {
  const grants = auth.grants.filter((g) => g.role === 'administrator');
  return grants.length ? reachOf(grants, 'systems:write') : null;
}

export interface ReviewAccess {
  review: ReviewRow;
  /** The caller's person (null: their account belongs to no person). */
  personId: string | null;
  /** Started it, or administers every system it covers: sees all of it, may close it and take out the evidence. */
  full: boolean;
  /** Reviews at least one of its items. */
  reviewer: boolean;
  /** Sees all of it (every item, every reviewer's progress, the evidence): full, or reads every system it covers. */
  sees: boolean;
}

/** The units the caller reads systems in (null: no read grant anywhere). */
export function readReach(auth: Pick<Auth, 'grants'>): UnitReach | null {
  return canSomewhere(auth.grants, 'systems:read') ? reachOf(auth.grants, 'systems:read') : null;
}

/** The review and what the caller may do with it; 404 when they may not see it. */
export async function reviewAccess(ctx: Pick<Ctx, 'db'>, auth: Auth, id: string, db: Db | Tx = ctx.db): Promise<ReviewAccess> {
  const review = await findReview(db, id);
  if (!review) throw new AppError('not_found');
  const personId = await personOfUser(db, auth.session.userId);
  const reach = adminReach(auth);
  const full = review.created_by === auth.session.userId || (reach !== null && (reach.all || (await systemsOutside(db, id, reach)) === 0));
  const reviewer = personId !== null && (await isReviewer(db, id, personId));
  const reads = readReach(auth);
  const sees = full || (reads !== null && (reads.all || (await systemsOutside(db, id, reads)) === 0));
  if (!sees && !reviewer) throw new AppError('not_found');
  return { review, personId, full, reviewer, sees };
}
