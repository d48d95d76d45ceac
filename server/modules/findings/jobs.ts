import { inTransaction } from '../../platform/audit/audit.ts';
import { systemCtx, type Services } from '../../platform/context.ts';
import { swedishDay } from '../../platform/dates.ts';
import type { JobKind } from '../../platform/jobs.ts';
import { defaultDueOn } from '../../policy/follow-up.ts';
import { getActivePack } from '../policy/index.ts';
import { aboutFinding, applyDecision } from './act-on-finding.ts';
import { expiredRisks, findFindings } from './handling-repository.ts';
import type { FindingsRefresher } from './refresher.ts';

const HOUR = 60 * 60 * 1000;

/**
 * An accepted risk whose expiry date has passed opens again: handling none, a new default due date from today, the
 * history says why, and the owner is told. In batches, each in its own transaction; a finding changed meanwhile
 * (its version moved) is left for the next run.
 */
export async function expireRisks(services: Services): Promise<number> {
  const ctx = systemCtx(services);
  const today = swedishDay(ctx.now());
  const { pack } = await getActivePack(ctx);
  let done = 0;
  for (;;) {
    // Expired: its last day (risk_expires_on) is before today.
    const due = await expiredRisks(ctx.db, today);
    if (!due.length) return done;
    const rows = await findFindings(
      ctx.db,
      due.map((r) => r.id),
    );
    let changed = 0;
    await inTransaction(ctx, async (trx) => {
      for (const row of rows) {
        const ok = await applyDecision(trx, ctx, row, row.version, {
          action: 'risk_expired',
          set: { handling: 'none', due_on: defaultDueOn(pack.followUp, row.severity, today), due_set: 0, risk_expires_on: null, reason: null, risk_approver_person_id: null },
          after: { expiresOn: row.risk_expires_on },
          tell: (r, v) => (r.owner_person_id ? [{ personId: r.owner_person_id, kind: 'risk_expired', eventKey: `risk_expired:${r.id}:${v}`, ...aboutFinding(r) }] : []),
        });
        if (ok) changed += 1;
      }
    });
    done += changed;
    if (!changed) return done;
  }
}

/** The findings' background jobs: the full refresh and risk expiry, hourly, once across instances. */
export function findingJobs(refresher: FindingsRefresher): Record<string, JobKind> {
  return {
    'findings.refresh': {
      everyMs: HOUR,
      handler: async () => {
        refresher.markAll();
        await refresher.flush();
      },
    },
    'findings.risk_expiry': { everyMs: HOUR, handler: async (services) => void (await expireRisks(services)) },
  };
}
