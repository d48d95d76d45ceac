import { loadGrants, type Grant } from '../../platform/access/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { withoutHiddenSystems } from '../systems/index.ts';
import { dependencyFindings } from './repository.ts';

/**
 * A notification repeats its finding's text, which may name a system its reader may not see (a dependency on an
 * avvecklat system of another förvaltning). Before a notification is shown, e-mailed or put in the calendar, its
 * text is redacted as the findings list does — for the reader, with their grants (loaded only when such a finding is
 * among the rows: most have none).
 */
export async function hideUnreadable<R extends { finding_id: string | null; params_json: string }>(
  ctx: Ctx,
  db: Db | Tx,
  reader: { userId: string; grants?: readonly Grant[] },
  rows: R[],
): Promise<R[]> {
  const ids = [...new Set(rows.map((r) => r.finding_id).filter((id): id is string => id !== null))];
  const findings = await dependencyFindings(db, ids);
  if (!findings.length) return rows;
  const grants = reader.grants ?? (await loadGrants(db as Db, reader.userId));
  const safe = new Map((await withoutHiddenSystems({ ...ctx, db: db as Db }, { grants, session: { userId: reader.userId } }, findings)).map((f) => [f.id, f]));
  return rows.map((r) => {
    const f = r.finding_id ? safe.get(r.finding_id) : undefined;
    if (!f) return r;
    const params = JSON.parse(r.params_json) as Record<string, unknown>;
    return { ...r, params_json: JSON.stringify({ ...params, text_sv: f.text_sv, text_en: f.text_en }) };
  });
}
