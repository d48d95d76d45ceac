import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Auth } from '../../platform/http/types.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { assertSomewhere, systemEditCheck, visibilityOf } from './access.ts';
import { insertAgreement, insertLinks } from './agreement-repository.ts';
import { assertAgreementFacts, systemForLink } from './agreement-rules.ts';
import type { CreateAgreementInput } from './agreement-schemas.ts';
import { getAgreement } from './get-agreement.ts';
import { columnsOf, type Agreement, type AgreementFacts } from './present.ts';

/**
 * Records an agreement, linked at once to the systems given (the caller needs edit rights on each,
 * and none may be avvecklad). Without systems any systems:write holder may record one.
 */
export async function createAgreement(ctx: Ctx, auth: Auth, input: CreateAgreementInput): Promise<Agreement> {
  assertSomewhere(auth, 'systems:write');
  const systemIds = [...new Set(input.systemIds)];
  const visibility = await visibilityOf(ctx, auth);
  const canEdit = await systemEditCheck(ctx, auth);
  // A refused system is named by its place in the request (the first place it stands, when given twice).
  for (const systemId of systemIds) await systemForLink(ctx.db, visibility, canEdit, systemId, `systemIds.${input.systemIds.indexOf(systemId)}`);
  const facts: AgreementFacts = {
    kind: input.kind,
    title: input.title,
    supplierId: input.supplierId ?? null,
    reference: input.reference ?? null,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    noticeMonths: input.noticeMonths ?? null,
    autoRenewal: input.autoRenewal,
    documentUrl: input.documentUrl ?? null,
    responsiblePersonId: input.responsiblePersonId ?? null,
    clauses: {
      logging: input.clauses?.logging ?? null,
      backup: input.clauses?.backup ?? null,
      destruction: input.clauses?.destruction ?? null,
      dpa: input.clauses?.dpa ?? null,
    },
    note: input.note ?? null,
  };
  await assertAgreementFacts(ctx.db, facts);
  const id = uuidv7(ctx.now().getTime());
  const at = ctx.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    await insertAgreement(trx, { id, ...columnsOf(facts), created_at: at, updated_at: at, version: 1 });
    await insertLinks(trx, id, systemIds);
    await recordAudit(trx, ctx, { entityType: 'agreement', entityId: id, action: 'create', after: { ...facts, systemIds } });
  });
  return getAgreement(ctx, auth, id);
}
