import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { todayOf } from '../../platform/dates.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/schemas.ts';
import type { Auth } from '../../platform/http/types.ts';
import { classificationOf } from '../../policy/classification.ts';
import { addDays, dueState } from '../../policy/follow-up.ts';
import { previousVisit } from '../notifications/index.ts';
import { getActivePack } from '../policy/index.ts';
import { personOfUser, withoutHiddenSystems } from '../systems/index.ts';
import { classificationsToApprove, countFindingTasks, findingTaskPages, type DueRange, type FindingTaskKind, type RankedKind, type TaskCursor } from './repository.ts';
import type { TASK_KINDS, TasksQuery, taskView } from './schemas.ts';

type Task = z.infer<typeof taskView>;
type Kind = (typeof TASK_KINDS)[number];
/** At the same due date: risks to approve first (someone waits), then classifications, then findings. */
const RANK: Record<Kind, number> = { risk_approval: 0, classification_approval: 1, finding: 2 };
const NO_DATE = '9999-12-31';
/** The tasks that are findings: the person's own, and risks proposed to them for approval. */
const FINDING_TASKS: ReadonlyArray<{ task: Kind; kind: FindingTaskKind }> = [
  { task: 'finding', kind: 'own' },
  { task: 'risk_approval', kind: 'approve' },
];
const TASK_OF_RANK = new Map(FINDING_TASKS.map((f) => [RANK[f.task], f.task]));

const cursorSchema = z.object({ d: z.string(), k: z.number().int(), id: z.string() });

/** The due dates a state covers, as of today. */
function rangeOf(state: TasksQuery['state'], today: string, soon: string): DueRange {
  if (state === 'overdue') return { to: addDays(today, -1) };
  if (state === 'due_soon') return { from: today, to: soon };
  if (state === 'later') return { from: addDays(soon, 1) };
  return {};
}

const keyOf = (t: Task): TaskCursor => ({ d: t.dueOn ?? NO_DATE, k: RANK[t.kind], id: t.id });
const compare = (a: TaskCursor, b: TaskCursor): number =>
  a.d !== b.d ? (a.d < b.d ? -1 : 1) : a.k !== b.k ? a.k - b.k : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
const inRange = (due: string, range: DueRange) => (!range.from || due >= range.from) && (!range.to || due <= range.to);

/**
 * Mitt ansvar's list: the signed-in person's tasks — findings to act on, risks to approve, classifications to
 * approve — soonest due first (so overdue first), keyset-paginated across the kinds: each kind is read in due order
 * from its own index (limit + 1 after the cursor) and the pages merged. The total is counted on the first page.
 */
export async function listTasks(ctx: Ctx, auth: Auth, q: TasksQuery): Promise<{ items: Task[]; nextCursor: string | null; total: number | null }> {
  const personId = await personOfUser(ctx.db, auth.session.userId);
  if (!personId) return { items: [], nextCursor: null, total: 0 };
  const { pack } = await getActivePack(ctx);
  const spec = classificationOf(pack);
  const today = todayOf(ctx);
  const soon = addDays(today, pack.followUp.dueSoonDays);
  const range = rangeOf(q.state, today, soon);
  const cursor = decodeCursor(q.cursor, cursorSchema);
  const since = await previousVisit(ctx.db, auth.session.userId, ctx.now());
  const wants = (k: Kind) => !q.kind || q.kind === k;
  const stateOf = (due: string | null) => {
    const s = dueState(due, today, pack.followUp.dueSoonDays);
    return s === 'none' ? 'later' : s;
  };
  const isNew = (at: string | null) => since !== null && at !== null && at > since;

  const tasks: Task[] = [];
  const ranked: RankedKind[] = FINDING_TASKS.filter((f) => wants(f.task)).map((f) => ({ kind: f.kind, rank: RANK[f.task] }));
  // A finding's text may name a system the caller may not see (a dependency): redacted as on the findings list.
  const rows = await withoutHiddenSystems(ctx, auth, await findingTaskPages(ctx.db, ranked, personId, range, cursor, q.limit + 1));
  for (const r of rows) {
    tasks.push({
      kind: TASK_OF_RANK.get(Number(r.rank))!,
      id: r.id,
      text: ctx.locale === 'en' ? r.text_en : r.text_sv,
      system: r.system_id ? { id: r.system_id, name: r.system_name ?? '' } : null,
      subjectName: r.subject_name,
      severity: r.severity,
      handling: r.handling,
      dueOn: r.due_on,
      state: stateOf(r.due_on),
      isNew: isNew(r.opened_at),
      createdAt: r.opened_at,
    });
  }
  // Classifications waiting for approval are few: read them all, dated by the pack's wait.
  const approvals = wants('classification_approval') ? await classificationsToApprove(ctx.db, personId, spec.approvers, today) : [];
  let approvalsInRange = 0;
  for (const c of approvals) {
    const due = c.submitted_at ? addDays(c.submitted_at.slice(0, 10), spec.approvalWaitDays) : null;
    if (!inRange(due ?? NO_DATE, range)) continue;
    approvalsInRange += 1;
    const task: Task = {
      kind: 'classification_approval',
      id: c.id,
      text: ctx.locale === 'en' ? 'Approve the information classification' : 'Godkänn informationsklassningen',
      system: { id: c.system_id, name: c.system_name },
      subjectName: c.system_name,
      severity: null,
      handling: null,
      dueOn: due,
      state: stateOf(due),
      isNew: isNew(c.submitted_at),
      createdAt: c.submitted_at ?? c.created_at,
    };
    if (!cursor || compare(keyOf(task), cursor) > 0) tasks.push(task);
  }
  tasks.sort((a, b) => compare(keyOf(a), keyOf(b)));
  const page = tasks.slice(0, q.limit);
  const last = page[page.length - 1];
  let total: number | null = null;
  if (!cursor) {
    total = approvalsInRange + (await countFindingTasks(ctx.db, ranked.map((k) => k.kind), personId, range));
  }
  return { items: page, nextCursor: tasks.length > q.limit && last ? encodeCursor(keyOf(last)) : null, total };
}
