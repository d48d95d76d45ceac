import type { RegisterFindingKey } from '../../shared/policy.ts';
import type { Finding, FindingSubject, SystemFact } from './facts.ts';
import { agreementStatus, noticeStart } from './dates.ts';
import type { Severity } from './schema.ts';

/**
 * The checks of the system register against the policy that need more than the organisation: agreements,
 * personal data, third-country transfers, dependencies and confirmation. Pure: the caller gives the
 * record and today's date; every finding carries its texts in Swedish and English.
 *
 * The policy's grounds: systems outside the network are "reglerat genom serviceavtal" (an agreement);
 * personal data handled by a supplier needs a personuppgiftsbiträdesavtal (GDPR art. 28); transfers to
 * a third country need a stated basis (GDPR ch. V); "samtliga IT-system … förtecknade" — kept true by
 * confirmation on the pack's cadence.
 */

export interface AgreementFact {
  id: string;
  title: string;
  kind: string;
  startDate: string | null;
  endDate: string | null;
  noticeMonths: number | null;
  autoRenewal: boolean;
  /** A personuppgiftsbiträdesavtal: the agreement is one, or has the clause. */
  dpa: boolean;
}

export interface SystemRecordFact {
  system: SystemFact;
  lifecycle: 'planned' | 'implementing' | 'in_operation' | 'retiring' | 'retired';
  hosting: string | null;
  personalData: 'none' | 'personal' | 'sensitive' | null;
  thirdCountryTransfer: boolean | null;
  dataLocation: string | null;
  thirdCountryBasis: string | null;
  /** ISO date by which the record must be confirmed again. */
  confirmationDue: string;
  dependencies: Array<{ id: string; name: string; lifecycle: string }>;
  agreements: AgreementFact[];
}

export type { RegisterFindingKey };

/** A register finding: like the engine's, with a detail id (agreement, dependency) and since when the gap exists. */
export interface RegisterFinding extends Finding {
  key: RegisterFindingKey;
  detailId: string | null;
  /** ISO date the gap began, when the record says (e.g. the due date); null = when it was first seen. */
  since: string | null;
}

/** Hosting models where someone other than the IT unit runs the system: they need an agreement. */
const EXTERNAL = new Set(['internal_supplier', 'supplier_hosted', 'saas', 'cloud_tenant', 'public_body']);

type Draft = { key: RegisterFindingKey; severity: Severity; detailId?: string; since?: string; params?: Record<string, string | number> };

const HOSTING_TEXT: Record<string, { sv: string; en: string }> = {
  internal_supplier: { sv: 'i kommunens nätverk, drivs av leverantör', en: 'inside the municipal network, run by a supplier' },
  supplier_hosted: { sv: 'hos leverantör', en: 'hosted by a supplier' },
  saas: { sv: 'molntjänst (SaaS)', en: 'SaaS' },
  cloud_tenant: { sv: 'kommunens molnmiljö', en: "the kommun's cloud tenant" },
  public_body: { sv: 'hos annan offentlig aktör', en: 'run by another public body' },
};

const TEXTS: Record<RegisterFindingKey, (p: Record<string, string | number>) => { sv: string; en: string }> = {
  agreement_missing: (p) => ({
    sv: `Systemet ${p.system} drivs utanför IT-enheten (${HOSTING_TEXT[p.hosting!]?.sv ?? p.hosting}) men har inget gällande avtal registrerat.`,
    en: `The system ${p.system} is run outside the IT unit (${HOSTING_TEXT[p.hosting!]?.en ?? p.hosting}) but has no agreement in force registered.`,
  }),
  agreement_ended: (p) => ({
    sv: `Avtalet ${p.agreement} för systemet ${p.system} upphörde ${p.date}, och inget annat avtal gäller.`,
    en: `The agreement ${p.agreement} for the system ${p.system} ended on ${p.date}, and no other agreement is in force.`,
  }),
  agreement_in_notice: (p) => ({
    sv: `Avtalet ${p.agreement} för systemet ${p.system} löper ut ${p.date} och är inne i sin uppsägningstid sedan ${p.since}.`,
    en: `The agreement ${p.agreement} for the system ${p.system} expires on ${p.date} and has been inside its notice period since ${p.since}.`,
  }),
  dpa_missing: (p) => ({
    sv: `Systemet ${p.system} behandlar ${p.data === 'sensitive' ? 'känsliga personuppgifter' : 'personuppgifter'} hos en extern part men har inget personuppgiftsbiträdesavtal registrerat.`,
    en: `The system ${p.system} processes ${p.data === 'sensitive' ? 'sensitive personal data' : 'personal data'} with an external party but has no data processing agreement (personuppgiftsbiträdesavtal) registered.`,
  }),
  third_country_basis_missing: (p) => ({
    sv: `Systemet ${p.system} för över personuppgifter till tredje land utan angiven rättslig grund för överföringen.`,
    en: `The system ${p.system} transfers personal data to a third country without a stated legal basis for the transfer.`,
  }),
  dependency_retired: (p) => ({
    sv: `Systemet ${p.system} är beroende av ${p.other}, som är avvecklat.`,
    en: `The system ${p.system} depends on ${p.other}, which is retired.`,
  }),
  confirmation_overdue: (p) => ({
    sv: `Uppgifterna om systemet ${p.system} skulle ha bekräftats senast ${p.due}.`,
    en: `The record of the system ${p.system} should have been confirmed by ${p.due}.`,
  }),
};

/** A register finding's texts from its params (the findings list words one again when it must leave a name out). */
export const registerFindingText = (key: RegisterFindingKey, params: Record<string, string | number>): { sv: string; en: string } =>
  TEXTS[key](params);

/** The register checks of one system on `today`. An avvecklad system has no findings; a planned one only data checks. */
export function checkRegister(r: SystemRecordFact, today: string): RegisterFinding[] {
  if (r.lifecycle === 'retired') return [];
  const drafts: Draft[] = [];
  const live = r.lifecycle !== 'planned';
  const inOperation = r.lifecycle === 'in_operation';
  const external = r.hosting !== null && EXTERNAL.has(r.hosting);

  if (external && live) {
    const statuses = r.agreements.map((a) => ({ a, status: agreementStatus(a, today) }));
    const inForce = statuses.filter((s) => s.status === 'active' || s.status === 'in_notice_period');
    if (!r.agreements.length) {
      drafts.push({ key: 'agreement_missing', severity: inOperation ? 'high' : 'medium', params: { hosting: r.hosting! } });
    } else if (!inForce.length) {
      const ended = statuses.filter((s) => s.status === 'ended').map((s) => s.a);
      const last = ended.sort((x, y) => (y.endDate ?? '').localeCompare(x.endDate ?? ''))[0];
      if (last) drafts.push({ key: 'agreement_ended', severity: 'high', detailId: last.id, since: last.endDate!, params: { agreement: last.title, date: last.endDate! } });
      else drafts.push({ key: 'agreement_missing', severity: 'medium', params: { hosting: r.hosting! } });
    } else if (inForce.every((s) => s.status === 'in_notice_period' && !s.a.autoRenewal)) {
      // Every agreement in force runs out soon (one that renews itself is not running out).
      for (const { a } of inForce) {
        const since = noticeStart(a)!;
        drafts.push({ key: 'agreement_in_notice', severity: 'medium', detailId: a.id, since, params: { agreement: a.title, date: a.endDate!, since } });
      }
    }
    const personal = r.personalData === 'personal' || r.personalData === 'sensitive';
    if (personal && !inForce.some((s) => s.a.dpa)) {
      drafts.push({ key: 'dpa_missing', severity: 'high', params: { data: r.personalData! } });
    }
  }
  const transfer = r.thirdCountryTransfer === true || (r.dataLocation === 'third_country' && r.personalData !== 'none');
  if (transfer && !r.thirdCountryBasis) drafts.push({ key: 'third_country_basis_missing', severity: 'high' });
  if (live) {
    for (const d of r.dependencies) {
      if (d.lifecycle === 'retired') drafts.push({ key: 'dependency_retired', severity: inOperation ? 'medium' : 'low', detailId: d.id, params: { other: d.name } });
    }
  }
  if (r.confirmationDue < today) {
    drafts.push({
      key: 'confirmation_overdue',
      severity: r.system.samhallsviktig ? 'high' : 'medium',
      since: r.confirmationDue,
      params: { due: r.confirmationDue },
    });
  }
  const subject: FindingSubject = { kind: 'system', id: r.system.id, name: r.system.name };
  return drafts.map((d) => {
    const params = { system: r.system.name, ...d.params };
    return { key: d.key, severity: d.severity, subject, ruleIds: [], params, text: TEXTS[d.key](params), detailId: d.detailId ?? null, since: d.since ?? null };
  });
}
