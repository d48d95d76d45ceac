import { todayOf } from '../../platform/dates.ts';
import { can, canSomewhere } from '../../platform/access/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { computeOrganisationResponsibilities, evaluateSystems } from '../../policy/engine.ts';
import type { OrganisationsResult, SubjectResult, SystemFact } from '../../policy/facts.ts';
import type { Pack } from '../../policy/schema.ts';
import { getActivePack } from './active-pack.ts';
import { kommunRoots, loadOrganisationFacts } from './facts-repository.ts';


/** The engine itself, for the organisation matrix and other modules: (pack, facts) → responsibilities and findings. */
export { computeOrganisationResponsibilities };

/**
 * Who is responsible for each area in each kommun the caller may read as a whole (a grant on the
 * kommun's root unit with sub-units, or installation-wide), and the organisation-level findings.
 * A kommun only partly covered by the caller's grants is left out: its findings name every förvaltning.
 */
export async function organisationResponsibilities(
  ctx: Ctx,
  auth: Auth,
): Promise<OrganisationsResult & { pack: { id: string; version: string } }> {
  if (!canSomewhere(auth.grants, 'policy:read')) throw new AppError('forbidden');
  const roots = await kommunRoots(ctx.db);
  const visible = new Set(roots.filter((r) => can(auth.grants, 'org:read', { unitId: r.id, ancestorIds: [] })).map((r) => r.id));
  const { pack } = await getActivePack(ctx);
  const packRef = { id: pack.id, version: pack.version };
  if (roots.length && !visible.size) return { pack: packRef, organisations: [], findings: [] };
  const facts = await loadOrganisationFacts(ctx.db, todayOf(ctx));
  const result = computeOrganisationResponsibilities(pack, facts);
  return { pack: packRef, organisations: result.organisations.filter((o) => visible.has(o.kommun.id)), findings: result.findings };
}

/**
 * Responsibilities and findings of systems (the caller has checked that they may read them): the
 * organisation facts with the role assignments on these systems, evaluated once for them all.
 */
export async function systemsResponsibilities(
  ctx: Ctx,
  systems: readonly SystemFact[],
): Promise<{ pack: { id: string; version: string }; document: Pack; results: SubjectResult[] }> {
  const { pack } = await getActivePack(ctx);
  const facts = await loadOrganisationFacts(ctx.db, todayOf(ctx), systems.length > 200 ? 'all' : systems.map((s) => s.id));
  return { pack: { id: pack.id, version: pack.version }, document: pack, results: evaluateSystems(pack, facts, systems) };
}

/** The organisation facts with the role assignments on the given systems (or all), as the engine reads them. */
export function organisationFacts(ctx: Ctx, systems: readonly string[] | 'all') {
  return loadOrganisationFacts(ctx.db, todayOf(ctx), systems);
}
