import { describe, expect, it } from 'vitest';
import { evaluateOrganisation, evaluateSystem } from './engine.ts';
import type { Party, Responsibility, SubjectResult } from './facts.ts';
import { getDefaultPack } from './loader.ts';
import { SYSTEMS, fixture } from './testing/fixture.ts';

/**
 * Every rule of the default pack, at organisation level and for the four kinds of system the seed
 * policy tells apart (A inside+central, B inside, C outside, D outside+central). An entry is the
 * parties the rule names there; '-' = the rule does not apply; 'per_system' = decided per system;
 * a trailing '?' = conditional (depends on facts of a system, so only at organisation level).
 */
type Exp = string | string[];
const IT = ['it'];
const SF = ['p-sf'];
const SA = ['p-sa'];
const CHEFS = ['role_holders:chef:5'];

const TABLE: Record<string, { org: Exp; A: Exp; B: Exp; C: Exp; D: Exp }> = {
  'overgripande.kommunstyrelsen': { org: ['ks', '?'], A: ['ks'], B: ['ks'], C: '-', D: '-' },
  'overgripande.namnden': { org: ['ks', 'sn', '?'], A: '-', B: '-', C: ['sn'], D: ['ks'] },
  'overgripande.kansliet_radgivande': { org: ['kansli', '?'], A: '-', B: '-', C: ['kansli'], D: ['kansli'] },
  'overgripande.it_enheten_radgivande': { org: ['it', '?'], A: '-', B: '-', C: IT, D: IT },
  'overgripande.it_chef': { org: ['p-itchef'], A: '-', B: '-', C: '-', D: '-' },
  'systemforteckning.forvaltningen': { org: ['klf', 'sof'], A: ['klf'], B: ['sof'], C: ['sof'], D: ['klf'] },
  'behorighetsadministration.systemforvaltare': { org: 'per_system', A: SF, B: SF, C: SF, D: SF },
  'behorighetsbestallning.chef': { org: CHEFS, A: CHEFS, B: CHEFS, C: CHEFS, D: CHEFS },
  'behorighetsbestallning.it_enheten': { org: IT, A: IT, B: IT, C: IT, D: IT },
  'behorighetskontroll.chef': { org: CHEFS, A: CHEFS, B: CHEFS, C: CHEFS, D: CHEFS },
  'behorighetskontroll.systemforvaltare': { org: 'per_system', A: SF, B: SF, C: SF, D: SF },
  'loggning.it_enheten_centrala': { org: ['it', '?'], A: IT, B: '-', C: '-', D: IT },
  'loggning.forvaltningen': { org: ['klf', 'sof', '?'], A: '-', B: ['sof'], C: ['sof'], D: '-' },
  'distansarbete.chef': { org: CHEFS, A: '-', B: '-', C: '-', D: '-' },
  'distansarbete.medarbetare': { org: ['employees'], A: '-', B: '-', C: '-', D: '-' },
  'drift.it_enheten_central': { org: ['it', '?'], A: IT, B: IT, C: '-', D: '-' },
  'drift.driftansvarig': { org: ['p-drift', '?'], A: ['p-drift2'], B: ['p-drift'], C: '-', D: '-' },
  'drift.lopande_driftansvarig': { org: ['p-drift'], A: ['p-drift2'], B: ['p-drift'], C: ['p-drift'], D: ['p-drift'] },
  'drift.lopande_systemforvaltare': { org: 'per_system', A: SF, B: SF, C: SF, D: SF },
  'drift.systemforvaltare_lopande_arbete': { org: 'per_system', A: SF, B: SF, C: SF, D: SF },
  'drift.systemagare_forvaltning': { org: 'per_system', A: SA, B: SA, C: SA, D: SA },
  'tilltradesskydd.it_enheten': { org: IT, A: '-', B: '-', C: '-', D: '-' },
  'sakerhetskopiering.it_enheten': { org: ['it', '?'], A: IT, B: IT, C: '-', D: '-' },
  'avveckling.it_enheten_destruktion': { org: IT, A: '-', B: '-', C: '-', D: '-' },
  'avveckling.systemagare_upphandling': { org: 'per_system', A: SA, B: SA, C: SA, D: SA },
  'informationsklassning.forvaltningen': { org: ['klf', 'sof'], A: ['klf'], B: ['sof'], C: ['sof'], D: ['klf'] },
  'informationsklassning.digitaliseringsstrateg': { org: ['p-digi'], A: ['p-digi'], B: ['p-digi'], C: ['p-digi'], D: ['p-digi'] },
  'epost.it_enheten': { org: IT, A: '-', B: '-', C: '-', D: '-' },
  'epost.medarbetare_gallring': { org: ['employees'], A: '-', B: '-', C: '-', D: '-' },
  'systemforvaltarplan.systemagare': { org: 'per_system', A: SA, B: SA, C: SA, D: SA },
  'systemforvaltarplan.systemforvaltare': { org: 'per_system', A: SF, B: SF, C: SF, D: SF },
  'systemforvaltarplan.digitaliseringsstrateg': { org: ['p-digi'], A: ['p-digi'], B: ['p-digi'], C: ['p-digi'], D: ['p-digi'] },
};

const pack = getDefaultPack();
const facts = fixture();
const partyId = (p: Party) =>
  p.type === 'collective' ? (p.key === 'employees' ? 'employees' : `role_holders:${p.roleKey}:${p.count}`) : p.id;

function observed(result: SubjectResult, ruleId: string): Exp {
  const r: Responsibility | undefined = result.areas.flatMap((a) => a.responsibilities).find((x) => x.ruleId === ruleId);
  if (!r) return '-';
  if (r.resolution === 'per_system') return 'per_system';
  return [...r.parties.map(partyId), ...(r.conditional ? ['?'] : [])];
}

describe('every rule of the default pack', () => {
  it('is in the table, and the table names no other rule', () => {
    expect(Object.keys(TABLE).sort()).toEqual(pack.rules.map((r) => r.id).sort());
  });

  const org = evaluateOrganisation(pack, facts, 'k');
  const systems = Object.fromEntries(Object.entries(SYSTEMS).map(([k, s]) => [k, evaluateSystem(pack, facts, s)])) as Record<
    keyof typeof SYSTEMS,
    SubjectResult
  >;

  it.each(Object.entries(TABLE))('%s', (ruleId, exp) => {
    expect(observed(org, ruleId)).toEqual(exp.org);
    for (const k of ['A', 'B', 'C', 'D'] as const) expect([k, observed(systems[k], ruleId)]).toEqual([k, exp[k]]);
  });

  it('a complete organisation has no findings at organisation level', () => {
    expect(org.findings).toEqual([]);
  });

  it('systems inside the network have someone responsible in every area; outside, backup has nobody', () => {
    expect(systems.A.findings).toEqual([]);
    expect(systems.B.findings).toEqual([]);
    for (const k of ['C', 'D'] as const) {
      expect(systems[k].findings.map((f) => [f.key, f.params.area])).toEqual([
        ['area_without_responsible', 'sakerhetskopiering_och_lagring'],
      ]);
    }
  });

  it('orders areas as the pack does and keeps each rule with its capacity and explanation', () => {
    expect(org.areas.map((a) => a.area)).toEqual(pack.areas.map((a) => a.key));
    const backup = systems.B.areas.find((a) => a.area === 'sakerhetskopiering_och_lagring')!.responsibilities[0]!;
    expect(backup).toMatchObject({
      ruleId: 'sakerhetskopiering.it_enheten',
      capacity: 'accountable',
      conditional: false,
      resolution: 'resolved',
    });
    expect(backup.explanation.sv).toMatch(/ansvarar IT-enheten för säkerhetskopiering/);
    const namnd = systems.C.areas[0]!.responsibilities.find((r) => r.ruleId === 'overgripande.namnden')!;
    expect(namnd.through).toEqual({ agreement: 'service_agreement' });
  });
});
