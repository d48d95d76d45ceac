import type { Ctx } from '../../platform/context.ts';
import type { FindingsTable } from '../../platform/db/tables/findings.ts';
import { message } from '../../platform/i18n.ts';
import { registerFindingText } from '../../policy/register-checks.ts';
import { readableSystemRefs, type Caller } from './access.ts';

/** The detail id a finding's fingerprint ends with (findings' fingerprintOf: the other system of a dependency finding), or null. */
const detailIdOf = (fingerprint: string): string | null => fingerprint.slice(fingerprint.lastIndexOf('|') + 1) || null;

/**
 * A finding on a system the caller sees may name another system they do not (a dependency on an
 * avvecklat system of another förvaltning): its text then says "a system you do not have access to"
 * instead of the name, as the system's history does. Every answer that shows a finding's text to someone — the
 * findings list, a finding, Mitt ansvar's tasks, notifications, the digest e-mail, the calendar feed — passes it here.
 */
export async function withoutHiddenSystems<R extends Pick<FindingsTable, 'id' | 'key' | 'fingerprint' | 'params_json' | 'text_sv' | 'text_en'>>(
  ctx: Ctx,
  auth: Caller,
  rows: R[],
): Promise<R[]> {
  const others = new Map(rows.filter((r) => r.key === 'dependency_retired').map((r) => [r.id, detailIdOf(r.fingerprint)]));
  if (!others.size) return rows;
  const readable = await readableSystemRefs(
    ctx,
    auth,
    [...others.values()].filter((id): id is string => id !== null),
  );
  return rows.map((r) => {
    if (!others.has(r.id) || readable.has(others.get(r.id)!)) return r;
    const params = JSON.parse(r.params_json) as Record<string, string | number>;
    const text = (locale: 'sv' | 'en') =>
      registerFindingText('dependency_retired', { ...params, other: message(locale, 'systems.hidden_system') })[locale];
    return { ...r, params_json: JSON.stringify({ ...params, other: null }), text_sv: text('sv'), text_en: text('en') };
  });
}
