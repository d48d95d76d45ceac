import type { Services } from '../../platform/context.ts';
import { swedishDay } from '../../platform/dates.ts';
import { addDays, dueState } from '../../policy/follow-up.ts';
import { getActivePack } from '../policy/index.ts';
import { insertNotifications, untoldDueFindings, type NotificationInput } from './repository.ts';

/**
 * The job `notifications.due_check` (hourly; docs/FOLLOW-UP.md): open findings with an owner and nothing done yet
 * (handling none or acknowledged) that are due soon (the pack's dueSoonDays) or overdue tell their owner, once per
 * due state and due date (`due_soon:<id>:<dueOn>`, `overdue:<id>:<dueOn>`; a new due date is told again). The
 * query reads only findings whose owner has not been told yet, in chunks over the findings' ids.
 */

const CHUNK = 500;

export async function checkDueDates(services: Services): Promise<number> {
  const { pack } = await getActivePack(services);
  const now = services.now();
  const today = swedishDay(now);
  const soonUntil = addDays(today, pack.followUp.dueSoonDays);
  let afterId: string | null = null;
  let told = 0;
  for (;;) {
    const rows = await untoldDueFindings(services.db, { today, soonUntil, afterId, limit: CHUNK });
    const items: NotificationInput[] = [];
    for (const r of rows) {
      const state = dueState(r.due_on, today, pack.followUp.dueSoonDays);
      if (state !== 'overdue' && state !== 'due_soon') continue;
      items.push({
        personId: r.owner_person_id!,
        kind: state,
        eventKey: `${state}:${r.id}:${r.due_on}`,
        findingId: r.id,
        systemId: r.system_id,
        params: { text_sv: r.text_sv, text_en: r.text_en, subject: r.subject_name, dueOn: r.due_on },
      });
    }
    if (items.length) await services.db.transaction().execute((trx) => insertNotifications(trx, now, items));
    told += items.length;
    if (rows.length < CHUNK) break;
    afterId = rows[rows.length - 1]!.id;
  }
  return told;
}
