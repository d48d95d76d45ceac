import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import type { Db } from '../../platform/db/index.ts';
import { todayOf } from '../../platform/dates.ts';
import type { Auth } from '../../platform/http/types.ts';
import { addDays } from '../../policy/follow-up.ts';
import { recordVisit } from '../notifications/index.ts';
import { getActivePack } from '../policy/index.ts';
import { personOfUser, readableSystemRefs } from '../systems/index.ts';
import { classificationOf } from '../../policy/classification.ts';
import {
  changesSince, classificationsToApprove, findingCounts, findingsInUnit, findingsOnSystems, heldSubjects, personFigures, rolesOf,
} from './repository.ts';
import type { summarySchema } from './schemas.ts';

type Summary = z.infer<typeof summarySchema>;

/**
 * What Mitt ansvar shows first: where the person holds roles, their tasks counted by due date, unread
 * notifications, what changed since their previous visit (this call records the visit), and the open findings of
 * the units they lead and the systems they own. Systems are named only when the caller may see them.
 */
export async function getSummary(ctx: Ctx, auth: Auth, writer: Db): Promise<Summary> {
  // A GET reads on the reader; the visit is a small write of its own, like a session's last-seen stamp.
  const since = await recordVisit(writer, auth.session.userId, ctx.now());
  const personId = await personOfUser(ctx.db, auth.session.userId);
  const empty = { total: 0, overdue: 0, dueSoon: 0, later: 0, riskApprovals: 0, classificationApprovals: 0 };
  if (!personId) {
    return { person: null, roles: [], rolesTotal: 0, tasks: empty, unread: 0, since: { at: since, newTasks: 0, resolved: 0, handled: 0 }, responsible: [] };
  }
  const { pack } = await getActivePack(ctx);
  const today = todayOf(ctx);
  const soon = addDays(today, pack.followUp.dueSoonDays);
  const [figures, roles, counts, approvals, changes, held] = await Promise.all([
    personFigures(ctx.db, personId, today),
    rolesOf(ctx.db, personId, today),
    findingCounts(ctx.db, personId, today, soon),
    classificationsToApprove(ctx.db, personId, classificationOf(pack).approvers, today),
    since ? changesSince(ctx.db, personId, since) : Promise.resolve({ newTasks: 0, resolved: 0, handled: 0 }),
    heldSubjects(ctx.db, personId, pack.followUp.riskApprovers, pack.settings.unitLead, today),
  ]);
  const { person, risks, unread } = figures;
  const ownSystems = held.filter((r) => r.subject_kind === 'system');
  const ledUnits = held.filter((r) => r.subject_kind === 'unit');
  // Start from what the person holds (a few systems and units), then count each one's findings from its index.
  const systems = await findingsOnSystems(
    ctx.db,
    ownSystems.map((r) => r.subject_id),
    today,
  );
  const units = (await Promise.all(ledUnits.map((u) => findingsInUnit(ctx.db, u.subject_id, today)))).filter((u) => u !== null);
  const roleName = (key: string) => pack.roles.find((r) => r.key === key)?.name[ctx.locale] ?? key;
  const visible = await readableSystemRefs(
    ctx,
    auth,
    roles.filter((r) => r.subject_kind === 'system').map((r) => r.subject_id),
  );
  return {
    person,
    roles: roles
      .filter((r) => r.subject_kind === 'unit' || visible.has(r.subject_id))
      .map((r) => ({
        role: roleName(r.role_key),
        subject: { kind: r.subject_kind, id: r.subject_id, name: (r.subject_kind === 'system' ? r.system_name : r.unit_name) ?? '' },
      })),
    rolesTotal: figures.roles,
    tasks: {
      total: counts.total + risks + approvals.length,
      overdue: counts.overdue,
      dueSoon: counts.dueSoon,
      later: counts.total - counts.overdue - counts.dueSoon,
      riskApprovals: risks,
      classificationApprovals: approvals.length,
    },
    unread,
    since: { at: since, ...changes },
    responsible: [
      ...units.map((u) => ({ kind: 'unit' as const, id: u.id, name: u.name, open: Number(u.open), overdue: Number(u.overdue) })),
      ...systems.map((s) => ({ kind: 'system' as const, id: s.id, name: s.name, open: Number(s.open), overdue: Number(s.overdue) })),
    ]
      .sort((a, b) => b.open - a.open)
      .slice(0, 50),
  };
}
