import { actorFor } from '../../policy/actors.ts';
import { computeOrganisationResponsibilities, systemEvaluator } from '../../policy/engine.ts';
import { pacer } from '../../platform/pace.ts';
import type { Finding, OrganisationFacts } from '../../policy/facts.ts';
import { OrgIndex } from '../../policy/org-index.ts';
import { checkRegister, type SystemRecordFact } from '../../policy/register-checks.ts';
import type { Pack } from '../../policy/schema.ts';
import { cadenceOf, confirmationDue, systemFactOf } from '../systems/index.ts';
import { checkClassification, classificationOf, type ClassificationBasis } from '../../policy/classification.ts';
import { checkAccess } from '../../policy/access-checks.ts';
import type { loadAccessFacts } from './access-repository.ts';
import type { loadAgreements, loadClassifications, loadDependencies, loadSystemRows, loadUnmetRequirements, DerivedFinding } from './repository.ts';

/** What a refresh reads: the systems in scope, their dependencies and agreements. */
export interface RegisterData {
  systems: Awaited<ReturnType<typeof loadSystemRows>>;
  dependencies: Awaited<ReturnType<typeof loadDependencies>>;
  agreements: Awaited<ReturnType<typeof loadAgreements>>;
  classifications: Awaited<ReturnType<typeof loadClassifications>>;
  unmet: Awaited<ReturnType<typeof loadUnmetRequirements>>;
  access: Awaited<ReturnType<typeof loadAccessFacts>>;
}

const RANK = { high: 0, medium: 1, low: 2 } as const;

/** The same gap gives the same fingerprint, whatever names or counts change around it. */
export function fingerprintOf(f: Pick<Finding, 'key' | 'subject' | 'params'>, detailId: string | null = null): string {
  const p = f.params;
  return [f.key, f.subject.kind, f.subject.id ?? '', p.role ?? '', p.fact ?? '', p.area ?? '', p.personId ?? '', p.kind ?? '', p.function ?? '', detailId ?? ''].join('|');
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return map;
}

/**
 * Every finding that should be open now, by fingerprint: the engine's findings for each system that is
 * not avvecklad, the register checks, and (withOrganisation) the organisation-level findings.
 */
export async function desiredFindings(
  pack: Pack,
  facts: OrganisationFacts,
  data: RegisterData,
  today: string,
  now: string,
  withOrganisation: boolean,
): Promise<Map<string, DerivedFinding>> {
  const idx = OrgIndex.of(facts);
  const cadence = cadenceOf(pack);
  const deps = groupBy(data.dependencies, (d) => d.system_id);
  const agreements = groupBy(data.agreements, (a) => a.system_id);
  const classifications = groupBy(data.classifications, (c) => c.system_id);
  const unmet = groupBy(data.unmet, (u) => u.system_id);
  const spec = classificationOf(pack);
  const live = data.systems.filter((s) => s.lifecycle !== 'retired');
  const out = new Map<string, DerivedFinding>();

  const add = (
    f: Finding,
    about: { id: string; owning_unit_id: string } | null,
    detailId: string | null,
    since: string | null,
    actorRoles?: readonly string[],
  ) => {
    // A system's evaluation can find gaps in the organisation (a förvaltning without a nämnd): those
    // belong to the organisation, not the system, and only a full refresh keeps them.
    const system = f.subject.kind === 'system' ? about : null;
    if (!system && !withOrganisation) return;
    const fingerprint = fingerprintOf(f, detailId);
    if (out.has(fingerprint)) return;
    const unitId = system ? system.owning_unit_id : f.subject.kind === 'unit' ? f.subject.id : null;
    const actor = actorFor(pack, idx, f.subject, unitId, actorRoles);
    out.set(fingerprint, {
      id: '',
      fingerprint,
      key: f.key,
      severity: f.severity,
      severity_rank: RANK[f.severity],
      subject_kind: f.subject.kind,
      subject_id: f.subject.id,
      subject_name: f.subject.name,
      system_id: system?.id ?? null,
      unit_id: unitId,
      rule_ids_json: JSON.stringify(f.ruleIds),
      params_json: JSON.stringify(f.params),
      text_sv: f.text.sv,
      text_en: f.text.en,
      actor_person_id: actor?.id ?? null,
      actor_name: actor?.name ?? null,
      since: since ?? now,
      opened_at: now,
    });
  };

  const evaluate = systemEvaluator(pack, facts, { systemFindingsOnly: true });
  // A full refresh evaluates every system: it gives way to other requests as it goes.
  const pace = pacer();
  for (const s of live) {
    await pace();
    for (const f of evaluate(systemFactOf(s)).findings) add(f, s, null, null);
    const record: SystemRecordFact = {
      system: systemFactOf(s),
      lifecycle: s.lifecycle as SystemRecordFact['lifecycle'],
      hosting: s.hosting,
      personalData: s.personal_data as SystemRecordFact['personalData'],
      thirdCountryTransfer: s.third_country_transfer === null ? null : s.third_country_transfer === 1,
      dataLocation: s.data_location,
      thirdCountryBasis: s.third_country_basis,
      confirmationDue: confirmationDue(s, cadence),
      dependencies: (deps.get(s.id) ?? []).map((d) => ({ id: d.id, name: d.name, lifecycle: d.lifecycle })),
      agreements: (agreements.get(s.id) ?? []).map((a) => ({
        id: a.id,
        title: a.title,
        kind: a.kind,
        startDate: a.start_date,
        endDate: a.end_date,
        noticeMonths: a.notice_months,
        autoRenewal: a.auto_renewal === 1,
        dpa: a.kind === 'dpa' || a.clause_dpa === 1,
      })),
    };
    for (const f of checkRegister(record, today)) add(f, s, f.detailId, f.since);
    const own = classifications.get(s.id) ?? [];
    const approved = own.find((c) => c.status === 'approved');
    const submitted = own.filter((c) => c.status === 'submitted').map((c) => c.submitted_at ?? '').sort()[0] ?? null;
    const basis: ClassificationBasis = { hosting: s.hosting, owningUnitId: s.owning_unit_id, personalData: s.personal_data };
    const classification = checkClassification(
      spec,
      {
        system: { id: s.id, name: s.name, samhallsviktig: s.samhallsviktig === 1 },
        lifecycle: s.lifecycle,
        basis,
        approved: approved
          ? {
              levels: {
                confidentiality: approved.level_confidentiality,
                integrity: approved.level_integrity,
                availability: approved.level_availability,
                traceability: approved.level_traceability,
              },
              nextReviewAt: approved.next_review_at,
              basis:
                approved.basis_owning_unit_id === null
                  ? null
                  : { hosting: approved.basis_hosting, owningUnitId: approved.basis_owning_unit_id, personalData: approved.basis_personal_data },
            }
          : null,
        submittedAt: submitted,
        requirementStatus: new Map((unmet.get(s.id) ?? []).map((u) => [u.requirement_key, 'not_met'])),
      },
      today,
    );
    for (const f of classification) add(f, s, f.detailId, f.since, spec.actors);
    const access = data.access.get(s.id);
    if (access) {
      const fact = { system: { id: s.id, name: s.name, samhallsviktig: s.samhallsviktig === 1 }, lifecycle: s.lifecycle, ...access };
      for (const f of checkAccess(pack.access, fact, today)) add(f, s, f.detailId, f.since, pack.access.administrators);
    }
  }

  if (withOrganisation) {
    const org = computeOrganisationResponsibilities(pack, facts);
    for (const f of [...org.findings, ...org.organisations.flatMap((o) => o.findings)]) add(f, null, null, null);
  }
  return out;
}
