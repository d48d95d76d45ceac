import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { canEditAgreement, systemEditCheck, visibilityOf } from './access.ts';
import { findAgreement, isAgreementVisible, linkedSystemsOf, updateAgreementAtVersion } from './agreement-repository.ts';
import { assertAgreementFacts } from './agreement-rules.ts';
import type { AgreementPatch } from './agreement-schemas.ts';
import { getAgreement } from './get-agreement.ts';
import { agreementFactsOf, columnsOf, diffFacts, type Agreement, type AgreementFacts } from './present.ts';

const given = <T>(value: T | undefined, fallback: T): T => (value !== undefined ? value : fallback);

/**
 * Changes an agreement's facts (clauses one by one: a clause left out keeps its value). Needs edit
 * rights on one of its linked systems. A stale version is a 409 and nothing is written; a patch that
 * changes nothing writes nothing. A responsible person who has since left may stay until changed.
 */
export async function updateAgreement(ctx: Ctx, auth: Auth, id: string, patch: AgreementPatch): Promise<Agreement> {
  const row = await findAgreement(ctx.db, id);
  const visibility = await visibilityOf(ctx, auth);
  if (!row || !(await isAgreementVisible(ctx.db, id, visibility))) throw new AppError('not_found');
  const linked = await linkedSystemsOf(ctx.db, id, visibility);
  if (!(await canEditAgreement(auth, await systemEditCheck(ctx, auth), linked.all))) throw new AppError('forbidden');
  if (patch.version !== row.version) throw new AppError('conflict');

  const before = agreementFactsOf(row);
  const after: AgreementFacts = {
    kind: given(patch.kind, before.kind),
    title: given(patch.title, before.title),
    supplierId: given(patch.supplierId, before.supplierId),
    reference: given(patch.reference, before.reference),
    startDate: given(patch.startDate, before.startDate),
    endDate: given(patch.endDate, before.endDate),
    noticeMonths: given(patch.noticeMonths, before.noticeMonths),
    autoRenewal: given(patch.autoRenewal, before.autoRenewal),
    documentUrl: given(patch.documentUrl, before.documentUrl),
    responsiblePersonId: given(patch.responsiblePersonId, before.responsiblePersonId),
    clauses: {
      logging: given(patch.clauses?.logging, before.clauses.logging),
      backup: given(patch.clauses?.backup, before.clauses.backup),
      destruction: given(patch.clauses?.destruction, before.clauses.destruction),
      dpa: given(patch.clauses?.dpa, before.clauses.dpa),
    },
    note: given(patch.note, before.note),
  };
  const diff = diffFacts(before, after);
  if (diff.fields.length) {
    await assertAgreementFacts(ctx.db, after, before);
    await inTransaction(ctx, async (trx) => {
      const written = await updateAgreementAtVersion(trx, id, patch.version, { ...columnsOf(after), updated_at: ctx.now().toISOString() });
      if (!written) throw new AppError('conflict');
      await recordAudit(trx, ctx, { entityType: 'agreement', entityId: id, action: 'update', before: diff.before, after: diff.after });
    });
  }
  return getAgreement(ctx, auth, id);
}
