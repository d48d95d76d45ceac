import type { EngineFindingKey, Finding } from './facts.ts';
import type { FindingDraft } from './parties.ts';
import type { Pack, Text } from './schema.ts';

type Lang = 'sv' | 'en';
const t = (text: Text | undefined, lang: Lang): string => (text ? (lang === 'en' ? (text.en ?? text.sv) : text.sv) : '');

/** What a missing unit is, by kind or function. */
const WHAT: Record<string, Text> = {
  it_unit: { sv: 'enhet markerad som IT-enheten', en: 'unit marked as the IT unit' },
  kansli: { sv: 'enhet markerad som kansliet', en: 'unit marked as the kansli' },
  kommunstyrelse: { sv: 'kommunstyrelse', en: 'kommunstyrelse (municipal executive board)' },
  namnd: { sv: 'nämnd', en: 'nämnd (committee)' },
  forvaltning: { sv: 'förvaltning', en: 'förvaltning (administration)' },
  avdelning: { sv: 'avdelning', en: 'department' },
  enhet: { sv: 'enhet', en: 'unit' },
  kommunalt_bolag: { sv: 'kommunalt bolag', en: 'municipal company' },
  kommunalforbund: { sv: 'kommunalförbund', en: 'association of municipalities' },
  kommun: { sv: 'kommun', en: 'kommun' },
  annan: { sv: 'enhet av annat slag', en: 'unit of another kind' },
};

const FACT_LABELS: Record<string, Text> = {
  'system.insideNetwork': { sv: 'om det finns lokalt inom kommunens nätverk', en: 'whether it is inside the municipal network' },
  'system.kommungemensamt': { sv: 'om det är ett centralt (kommungemensamt) system', en: 'whether it is a central (kommun-wide) system' },
  'system.samhallsviktig': { sv: 'om det är samhällsviktigt', en: 'whether it is critical to society' },
};

const STATUS: Record<string, Text> = {
  left: { sv: 'slutat', en: 'left' },
  disabled: { sv: 'inaktiverats', en: 'been disabled' },
};

interface Ctx {
  lang: Lang;
  p: Record<string, string | number>;
  subject: string;
  role: string;
  areas: string;
}

type Template = (c: Ctx) => string;
const both = (sv: Template, en: Template) => ({ sv, en });
const areasSv = (c: Ctx, lead: string) => (c.areas ? ` ${lead}: ${c.areas}.` : '');

const TEMPLATES: Record<EngineFindingKey, { sv: Template; en: Template }> = {
  kommun_missing: both(
    () => 'Ingen kommun är registrerad i organisationen, så policyns ansvar kan inte fördelas.',
    () => 'No kommun is registered in the organisation, so the responsibilities of the policy cannot be assigned.',
  ),
  unit_missing: both(
    (c) => `${c.p.kommun} har ingen ${t(WHAT[c.p.function ?? c.p.kind ?? ''], 'sv')}.${areasSv(c, 'Policyn pekar ut den för')}`,
    (c) => `${c.p.kommun} has no ${t(WHAT[c.p.function ?? c.p.kind ?? ''], 'en')}.${areasSv(c, 'The policy names it for')}`,
  ),
  forvaltning_without_namnd: both(
    (c) =>
      `${c.p.unit} har ingen nämnd eller kommunstyrelse över sig i organisationen, så det går inte att avgöra vilken nämnd som ansvarar.${areasSv(c, 'Gäller')}`,
    (c) =>
      `${c.p.unit} has no nämnd or kommunstyrelse above it in the organisation, so it cannot be decided which nämnd is responsible.${areasSv(c, 'Concerns')}`,
  ),
  owning_unit_missing: both(
    (c) => `Systemet ${c.p.system} har ingen ägande förvaltning registrerad.`,
    (c) => `The system ${c.p.system} has no owning förvaltning registered.`,
  ),
  owning_forvaltning_missing: both(
    (c) => `Systemet ${c.p.system} ägs av ${c.p.unit}, som inte ligger i någon förvaltning.`,
    (c) => `The system ${c.p.system} is owned by ${c.p.unit}, which is not part of any förvaltning.`,
  ),
  role_vacant: both(
    (c) =>
      (Number(c.p.count ?? 0) === 0
        ? `${c.subject} saknar ${c.role} (minst ${c.p.min} behövs).`
        : `${c.subject} har ${c.p.count} aktiva innehavare av rollen ${c.role}; minst ${c.p.min} behövs.`) +
      areasSv(c, 'Policyn pekar ut rollen för'),
    (c) =>
      (Number(c.p.count ?? 0) === 0
        ? `${c.subject} has no ${c.role} (at least ${c.p.min} needed).`
        : `${c.subject} has ${c.p.count} active holders of the role ${c.role}; at least ${c.p.min} needed.`) +
      areasSv(c, 'The policy names the role for'),
  ),
  role_only_inactive_holders: both(
    (c) => `Rollen ${c.role} för ${c.subject} innehas bara av personer som har slutat eller är inaktiverade: ${c.p.people}.`,
    (c) => `The role ${c.role} for ${c.subject} is held only by people who have left or are disabled: ${c.p.people}.`,
  ),
  role_holder_inactive: both(
    (c) => `${c.p.person} har ${t(STATUS[c.p.status ?? ''], 'sv')} men innehar fortfarande rollen ${c.role} för ${c.subject}.`,
    (c) => `${c.p.person} has ${t(STATUS[c.p.status ?? ''], 'en')} but still holds the role ${c.role} for ${c.subject}.`,
  ),
  role_too_many_holders: both(
    (c) => `Rollen ${c.role} för ${c.subject} har ${c.p.count} innehavare; högst ${c.p.max} är tillåtet. Gör en överlämning i stället.`,
    (c) => `The role ${c.role} for ${c.subject} has ${c.p.count} holders; at most ${c.p.max} are allowed. Use a handover instead.`,
  ),
  role_holder_unit_inactive: both(
    (c) => `${c.p.unit} är inaktiverad i organisationen men innehar fortfarande rollen ${c.role} för ${c.subject}. Ge rollen till en aktiv enhet eller person.`,
    (c) => `${c.p.unit} is deactivated in the organisation but still holds the role ${c.role} for ${c.subject}. Give the role to an active unit or person.`,
  ),
  role_holder_agreement_missing: both(
    (c) =>
      `Rollen ${c.role} för ${c.subject} innehas av leverantören ${c.p.supplier}, men inget gällande avtal med leverantören är registrerat${c.p.on === 'system' ? ' för systemet' : ''}.`,
    (c) =>
      `The role ${c.role} for ${c.subject} is held by the supplier ${c.p.supplier}, but no agreement in force with the supplier is registered${c.p.on === 'system' ? ' for the system' : ''}.`,
  ),
  system_fact_missing: both(
    (c) =>
      `För systemet ${c.p.system} är det inte registrerat ${t(FACT_LABELS[c.p.fact ?? ''], 'sv')}, så ansvaret kan inte avgöras.${areasSv(c, 'Gäller')}`,
    (c) =>
      `For the system ${c.p.system} it is not registered ${t(FACT_LABELS[c.p.fact ?? ''], 'en')}, so responsibility cannot be decided.${areasSv(c, 'Concerns')}`,
  ),
  area_without_responsible: both(
    (c) => `Policyn anger ingen ansvarig för ${c.areas || c.p.area} när det gäller systemet ${c.p.system}.`,
    (c) => `The policy names nobody responsible for ${c.areas || c.p.area} for the system ${c.p.system}.`,
  ),
};

/** Gives a merged finding its texts in both languages, with the pack's names of roles and areas. */
const lookups = new WeakMap<Pack, { rules: Map<string, Pack['rules'][number]>; areas: Map<string, Pack['areas'][number]>; roles: Map<string, Pack['roles'][number]> }>();

/** The pack's rules, areas and roles by key, built once per pack. */
function lookupsOf(pack: Pack) {
  let l = lookups.get(pack);
  if (!l) {
    l = {
      rules: new Map(pack.rules.map((r) => [r.id, r])),
      areas: new Map(pack.areas.map((a) => [a.key, a])),
      roles: new Map(pack.roles.map((r) => [r.key, r])),
    };
    lookups.set(pack, l);
  }
  return l;
}

export function withTexts(d: FindingDraft, pack: Pack): Finding {
  const { rules, areas, roles } = lookupsOf(pack);
  const areaKeys = [
    ...new Set([...d.ruleIds.map((id) => rules.get(id)?.area), d.key === 'area_without_responsible' ? d.params.area : undefined]),
  ].filter((k): k is string => typeof k === 'string');
  const text = (lang: Lang) =>
    TEMPLATES[d.key][lang]({
      lang,
      p: d.params,
      subject: d.subject.name ?? '',
      role: d.roleKey ? t(roles.get(d.roleKey)?.name, lang) || d.roleKey : '',
      areas: areaKeys.map((k) => t(areas.get(k)?.title, lang) || k).join(', '),
    });
  return {
    key: d.key,
    severity: d.severity,
    subject: d.subject,
    ruleIds: d.ruleIds,
    params: d.params,
    text: { sv: text('sv'), en: text('en') },
  };
}
