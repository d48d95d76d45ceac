import type { Ctx } from '../../platform/context.ts';
import type { Auth } from '../../platform/http/types.ts';
import { formatRegisterNo } from '../systems/index.ts';
import { systemAccess } from './access.ts';
import { bothTexts, presentClassification, roleName } from './present.ts';
import { classificationsOf } from './repository.ts';
import type { ClassificationView } from './schemas.ts';

export interface SystemClassifications {
  system: { id: string; registerNo: string; name: string; lifecycle: string };
  items: ClassificationView[];
  canCreate: boolean;
  approverRoles: Array<{ sv: string; en: string | null }>;
}

/** Every version of a system's classification, newest first, with what the caller may do with each. */
export async function getSystemClassifications(ctx: Ctx, auth: Auth, systemId: string): Promise<SystemClassifications> {
  const access = await systemAccess(ctx, auth, systemId);
  const rows = await classificationsOf(ctx.db, systemId);
  const { system } = access;
  return {
    system: { id: system.id, registerNo: formatRegisterNo(system.register_no), name: system.name, lifecycle: system.lifecycle },
    items: rows.map((r) => presentClassification(r, access)),
    canCreate: access.edit && !rows.some((r) => r.status === 'draft' || r.status === 'submitted'),
    approverRoles: access.spec.approvers.map((k) => bothTexts(roleName(access.pack, k))),
  };
}
