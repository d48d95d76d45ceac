import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import type { Auth } from '../../platform/http/types.ts';
import { findingAccess } from './handling-access.ts';
import { withoutHiddenSystems } from '../systems/index.ts';
import { presentFinding } from './present.ts';
import { roleNames } from './roles-text.ts';
import type { findingDetail } from './schemas.ts';

/** One finding the caller may see (404 otherwise), with its handling and what the caller may do with it. */
export async function getFinding(ctx: Ctx, auth: Auth, id: string): Promise<z.infer<typeof findingDetail>> {
  const access = await findingAccess(ctx, auth, id);
  const [row] = await withoutHiddenSystems(ctx, auth, [access.row]);
  return {
    ...presentFinding(row!, ctx.locale, access.today),
    may: { act: access.act, approveRisk: access.approve && access.row.handling === 'risk_proposed' },
    approverRoles: access.approverRoles.map((k) => roleNames(access.pack, [k], ctx.locale)),
  };
}
