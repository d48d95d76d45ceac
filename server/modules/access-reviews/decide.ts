import { canSomewhere } from '../../platform/access/permissions.ts';
import { inTransaction, recordAuditMany } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { getActivePack } from '../policy/index.ts';
import { reviewAccess } from './access.ts';
import { itemsOf, myItemsOf, reviewedBy, tallyDecided, writeDecision, type DecisionWrite, type MyItem } from './decision-repository.ts';
import type { Tx } from '../../platform/db/index.ts';
import type { ReviewDecision } from '../../../shared/access.ts';
import type { DecisionsBody } from './schemas.ts';

const closed = () => new AppError('refused', { fields: [{ path: 'state', key: 'access-reviews.closed' }] });

/**
 * Decisions on a campaign's items (docs/ACCESS.md, "Decisions"), all or none: the campaign must be open (409); the
 * caller's person must review every item named (403 saying how many they do not, nothing changed); a change, and
 * keeping a privileged grant (commentToKeepPrivileged), need a comment (400 per decision); each carries the item's
 * version, and a stale one fails them all (409). One audit event per decision.
 */
export async function decide(ctx: Ctx, auth: Auth, id: string, body: DecisionsBody) {
  if (!canSomewhere(auth.grants, 'systems:write')) throw new AppError('forbidden');
  const grantIds = body.decisions.map((d) => d.grantId);
  const unique = new Set(grantIds).size === grantIds.length;
  const pg = ctx.dialect === 'postgres';
  // The pack is read only when its rule can matter (a "keep" without a comment), and before the transaction: it holds
  // a connection, and should not wait for a second one.
  const keepWithoutComment = body.decisions.some((d) => d.decision === 'keep' && !d.comment);
  const privilegedNeedsComment = keepWithoutComment && (await getActivePack(ctx)).pack.access.commentToKeepPrivileged;
  // Everything is read in the transaction that writes, the campaign's row under a shared lock on PostgreSQL: a close
  // (which updates the row) waits for the decisions under way, and decisions after it see it closed.
  const writes = await inTransaction(ctx, async (trx) => {
    const mine = unique ? await myItemsOf(trx, id, auth.session.userId, grantIds, pg) : [];
    // The caller reviews every item named (so sees the campaign): one read. Otherwise the slower reads say what is wrong.
    const { personId, items } = mine.length === grantIds.length ? reviewerOfAll(mine) : await checkedSlowly(trx, auth, id, body, grantIds);
    refuseMissingComments(body, items, privilegedNeedsComment);
    // A stale version fails them all (409). An item written at the version read here is in the state read here, so
    // the items without a decision are the ones each reviewer's tally counts as newly decided.
    if (body.decisions.some((d) => items.get(d.grantId)?.version !== d.version)) throw new AppError('conflict');
    const first = body.decisions.filter((d) => items.get(d.grantId)?.decision === null).map((d) => d.grantId);
    const made: DecisionWrite[] = body.decisions.map((d) => ({ grantId: d.grantId, decision: d.decision, comment: d.comment ?? null, version: d.version }));
    const at = ctx.now().toISOString();
    for (const w of made) if (!(await writeDecision(trx, id, w, personId, at))) throw new AppError('conflict');
    await tallyDecided(trx, id, first);
    await recordAuditMany(
      trx,
      ctx,
      made.map((w) => ({
        entityType: 'access_review',
        entityId: id,
        action: 'decide',
        before: { grantId: w.grantId, version: w.version },
        after: { grantId: w.grantId, decision: w.decision, comment: w.comment },
      })),
    );
    return made;
  });
  return { decided: writes.length, items: writes.map((w) => ({ grantId: w.grantId, decision: w.decision, version: w.version + 1 })) };
}

/** A change, and keeping a privileged grant (commentToKeepPrivileged), need a comment: 400 per decision without. */
function refuseMissingComments(body: DecisionsBody, items: Items, privilegedNeedsComment: boolean): void {
  const problems: FieldProblem[] = [];
  body.decisions.forEach((d, i) => {
    if (d.comment) return;
    if (d.decision === 'change') problems.push({ path: `decisions.${i}.comment`, key: 'access-reviews.comment_for_change' });
    else if (d.decision === 'keep' && privilegedNeedsComment && items.get(d.grantId)?.privileged === 1) {
      problems.push({ path: `decisions.${i}.comment`, key: 'access-reviews.comment_for_privileged' });
    }
  });
  if (problems.length) throw new AppError('validation_failed', { fields: problems });
}

type Items = Map<string, { privileged: number; version: number; decision: ReviewDecision | null }>;

function reviewerOfAll(mine: readonly MyItem[]): { personId: string; items: Items } {
  if (mine[0]!.state !== 'open') throw closed();
  return { personId: mine[0]!.person_id, items: new Map(mine.map((r) => [r.grant_id, r])) };
}

/** The checks one by one, in the order whose first failure is the answer: 404, closed, no person, duplicates, not theirs. */
async function checkedSlowly(trx: Tx, auth: Auth, id: string, body: DecisionsBody, grantIds: readonly string[]): Promise<{ personId: string; items: Items }> {
  const access = await reviewAccess({ db: trx }, auth, id);
  if (access.review.state !== 'open') throw closed();
  const personId = access.personId;
  if (!personId) throw new AppError('forbidden', { fields: [{ path: 'decisions', key: 'access-reviews.no_person' }] });
  const seen = new Set<string>();
  const duplicates: FieldProblem[] = [];
  body.decisions.forEach((d, i) => {
    if (seen.has(d.grantId)) duplicates.push({ path: `decisions.${i}.grantId`, key: 'access-reviews.duplicate_grant' });
    seen.add(d.grantId);
  });
  if (duplicates.length) throw new AppError('validation_failed', { fields: duplicates });
  const mine = await reviewedBy(trx, id, personId, grantIds);
  const notMine = grantIds.filter((g) => !mine.has(g)).length;
  if (notMine) throw new AppError('forbidden', { fields: [{ path: 'decisions', key: 'access-reviews.not_reviewer', params: { count: notMine } }] });
  return { personId, items: new Map((await itemsOf(trx, id, grantIds)).map((r) => [r.grant_id, r])) };
}
