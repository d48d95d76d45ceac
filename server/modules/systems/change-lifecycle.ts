import type { Caller } from './access.ts';
import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import type { Pack } from '../../policy/schema.ts';
import { TRANSITIONS, type Lifecycle } from './model.ts';
import { getSystem } from './get-system.ts';
import type { SystemView } from './present.ts';
import { rootOf } from '../org/index.ts';
import { currentHolders, currentOrganisationHolders, updateSystemAtVersion, type SystemRow } from './repository.ts';
import { loadForChange } from './system-rules.ts';
import { holds } from './role-slots.ts';

/**
 * Moves a system along its lifecycle. Only the transitions in model.ts are allowed; "i drift" needs a
 * holder (who has not left) of every role in the pack's settings.operationRequires; "avvecklad" is final.
 */
export async function changeLifecycle(ctx: Ctx, auth: Caller, id: string, input: { version: number; lifecycle: Lifecycle }): Promise<SystemView> {
  const { row, pack, today } = await loadForChange(ctx, auth, id, input.version);
  const from = row.lifecycle as Lifecycle;
  if (input.lifecycle === from) return getSystem(ctx, auth, id);
  if (!TRANSITIONS[from].includes(input.lifecycle)) {
    const name = (l: Lifecycle) => message(ctx.locale, `systems.lifecycle.${l}`);
    throw new AppError('refused', {
      fields: [{ path: 'lifecycle', key: 'systems.transition_not_allowed', params: { from: name(from), to: name(input.lifecycle) } }],
    });
  }
  await inTransaction(ctx, async (trx) => {
    if (input.lifecycle === 'in_operation') {
      const missing = await missingOperationRoles(trx, pack, row, today);
      if (missing.length) {
        const roles = missing.map((k) => pack.roles.find((r) => r.key === k)?.name[ctx.locale] ?? k).join(', ');
        throw new AppError('refused', { fields: [{ path: 'lifecycle', key: 'systems.operation_needs_roles', params: { roles } }] });
      }
    }
    const now = ctx.now().toISOString();
    const written = await updateSystemAtVersion(trx, id, input.version, {
      lifecycle: input.lifecycle,
      retired_at: input.lifecycle === 'retired' ? now : null,
      updated_at: now,
    });
    if (!written) throw new AppError('conflict');
    await recordAudit(trx, ctx, {
      entityType: 'system',
      entityId: id,
      action: input.lifecycle === 'retired' ? 'retire' : 'change_lifecycle',
      before: { lifecycle: from },
      after: { lifecycle: input.lifecycle },
    });
  });
  return getSystem(ctx, auth, id);
}

/**
 * The roles of settings.operationRequires without a current holder who has not left (a person) or been
 * deactivated (a unit); a supplier holds it. A role that may
 * also be held for the whole kommun (driftansvarig) counts the kommun's holder when the IT unit runs the
 * system inside the network (hosting internal_it).
 */
export async function missingOperationRoles(trx: Tx, pack: Pack, row: SystemRow, today: string): Promise<string[]> {
  const held = new Set(
    (await currentHolders(trx, [row.id], today)).filter((h) => holds(h.holder_status)).map((h) => h.role_key),
  );
  const missing = pack.settings.operationRequires.filter((k) => !held.has(k));
  if (!missing.length || row.hosting !== 'internal_it') return missing;
  const root = await rootOf(trx, row.owning_unit_id);
  if (!root) return missing;
  const orgHeld = new Set(
    (await currentOrganisationHolders(trx, root, today)).filter((h) => holds(h.holder_status)).map((h) => h.role_key),
  );
  return missing.filter((k) => !(orgHeld.has(k) && pack.roles.find((r) => r.key === k)?.subjectKinds.includes('organisation')));
}
