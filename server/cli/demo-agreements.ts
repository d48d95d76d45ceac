import { createAgreement, createSupplier } from '../modules/agreements/index.ts';
import { getActivePack, uploadPack } from '../modules/policy/index.ts';
import { createRoleAssignment } from '../modules/roles/index.ts';
import type { Grant } from '../platform/access/permissions.ts';
import type { Ctx } from '../platform/context.ts';
import { todayOf } from '../platform/dates.ts';
import type { Auth } from '../platform/http/types.ts';

/**
 * The demo's suppliers and agreements: most systems run by a supplier have one in force, with the supplier
 * as driftansvarig. Deliberate gaps that stand out: Förskoleappen's agreement is in its notice period,
 * Bibliotekssystemet's has ended, E-tjänsteplattformen's has no personuppgiftsbiträdesavtal, and
 * Trygghetslarm (sensitive personal data, SaaS) has no agreement at all.
 */
interface DemoAgreement {
  system: string; // DEMO_SYSTEMS key
  supplier: string;
  orgNumber: string;
  title: string;
  kind: 'supplier_agreement' | 'license' | 'saas' | 'service_agreement';
  /** When it ends, in months from today (negative: it has ended). */
  endsInMonths: number;
  noticeMonths: number;
  dpa: boolean | null;
  /** The supplier holds driftansvarig for the system. */
  operates: boolean;
}

export const DEMO_AGREEMENTS: DemoAgreement[] = [
  { system: 'm365', supplier: 'Molnkontoret Sverige AB', orgNumber: '556000-0101', title: 'Licensavtal Microsoft 365', kind: 'license', endsInMonths: 20, noticeMonths: 3, dpa: true, operates: false },
  { system: 'ekonomi', supplier: 'Ekonomitjänst i Norden AB', orgNumber: '556000-0202', title: 'Drift och förvaltning av ekonomisystemet', kind: 'supplier_agreement', endsInMonths: 30, noticeMonths: 6, dpa: true, operates: true },
  { system: 'lon', supplier: 'Lönepartner AB', orgNumber: '556000-0303', title: 'Lönesystem som tjänst', kind: 'saas', endsInMonths: 26, noticeMonths: 6, dpa: true, operates: true },
  { system: 'skolplattform', supplier: 'Skolsystem Norden AB', orgNumber: '556000-0404', title: 'Skolplattformen', kind: 'saas', endsInMonths: 14, noticeMonths: 3, dpa: true, operates: true },
  { system: 'forskoleapp', supplier: 'Barnappen AB', orgNumber: '556000-0505', title: 'Förskoleappen', kind: 'saas', endsInMonths: 2, noticeMonths: 3, dpa: true, operates: true },
  { system: 'bibliotek', supplier: 'Bibliotekstjänst AB', orgNumber: '556000-0606', title: 'Bibliotekssystem som tjänst', kind: 'saas', endsInMonths: -3, noticeMonths: 3, dpa: true, operates: true },
  { system: 'eservice', supplier: 'E-tjänstebolaget AB', orgNumber: '556000-0707', title: 'E-tjänsteplattformen', kind: 'saas', endsInMonths: 18, noticeMonths: 3, dpa: false, operates: true },
  { system: 'scada', supplier: 'VA-automation AB', orgNumber: '556000-0808', title: 'Service och support driftövervakning VA', kind: 'service_agreement', endsInMonths: 24, noticeMonths: 6, dpa: null, operates: true },
  { system: 'miljotillsyn', supplier: 'Miljödata AB', orgNumber: '556000-0909', title: 'Miljötillsynssystemet, drift hos leverantören', kind: 'supplier_agreement', endsInMonths: 12, noticeMonths: 3, dpa: true, operates: true },
  { system: 'elevregister', supplier: 'Elevdata AB', orgNumber: '556000-1111', title: 'Support och förvaltning av elevregistret', kind: 'supplier_agreement', endsInMonths: 16, noticeMonths: 3, dpa: true, operates: false },
  { system: 'bokning', supplier: 'Bokningsportalen AB', orgNumber: '556000-1010', title: 'Lokalbokning som tjänst', kind: 'saas', endsInMonths: 9, noticeMonths: 3, dpa: true, operates: true },
];

/** The systems whose driftansvarig is their supplier (the demo gives them no person for it). */
export const SUPPLIER_OPERATED = new Set(DEMO_AGREEMENTS.filter((a) => a.operates).map((a) => a.system));

/** An ISO day `months` calendar months from `day` (the 28th at most, so every month has it). */
function monthsFrom(day: string, months: number): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(Math.min(Number(day.slice(8, 10)), 28)).padStart(2, '0')}`;
}

export async function createDemoAgreements(ctx: Ctx, grants: Grant[], systemIds: Map<string, string>): Promise<{ suppliers: number; agreements: number }> {
  const auth = demoAuth(grants);
  const today = todayOf(ctx);
  for (const a of DEMO_AGREEMENTS) {
    const supplier = await createSupplier(ctx, auth, { name: a.supplier, orgNumber: a.orgNumber });
    const systemId = systemIds.get(a.system)!;
    await createAgreement(ctx, auth, {
      kind: a.kind,
      title: a.title,
      supplierId: supplier.id,
      startDate: monthsFrom(today, Math.min(a.endsInMonths, 0) - 36),
      endDate: monthsFrom(today, a.endsInMonths),
      noticeMonths: a.noticeMonths,
      autoRenewal: false,
      clauses: { logging: true, backup: true, destruction: true, dpa: a.dpa },
      systemIds: [systemId],
    });
    if (a.operates) await createRoleAssignment(ctx, grants, { roleKey: 'driftansvarig', subjectKind: 'system', subjectId: systemId, principal: { kind: 'supplier', id: supplier.id } });
  }
  return { suppliers: DEMO_AGREEMENTS.length, agreements: DEMO_AGREEMENTS.length };
}

/**
 * The policy as the demo kommun adopted it: the seed policy with the kommun's own name in its id, title and
 * text, and an adoption (kommunfullmäktige, a date, a diarienummer), as a new version of the pack.
 */
export async function adoptDemoPolicy(ctx: Ctx, grants: Grant[], kommun: string): Promise<void> {
  const { pack } = await getActivePack(ctx);
  const seedKommun = / – (.+)$/.exec(pack.title.sv)?.[1];
  const renamed = seedKommun ? (JSON.parse(JSON.stringify(pack).replaceAll(seedKommun, kommun)) as typeof pack) : pack;
  const slug = kommun.split(' ')[0]!.toLocaleLowerCase('sv').normalize('NFD').replace(/[^a-z0-9]/g, '');
  await uploadPack(ctx, demoAuth(grants), {
    document: {
      ...renamed,
      id: `${slug}-it-sakerhetspolicy`,
      adoption: { body: 'Kommunfullmäktige', date: monthsFrom(todayOf(ctx), -18), reference: 'KS 2025/117' },
    },
    message: `Antagen av kommunfullmäktige i ${kommun}`,
  });
}

/** The demo acts with every right, as no user. */
function demoAuth(grants: Grant[]): Auth {
  return { grants, session: { sessionId: 'demo', csrfToken: '', userId: '', email: '', name: 'Ansvar (demo)', locale: null } };
}
