import type { FactValues } from './facts.ts';
import type { Condition } from './schema.ts';

/** Three-valued (Kleene) logic: a fact that is not known makes a test unknown, not false. */
export type Truth = true | false | 'unknown';

export function evaluate(c: Condition | undefined, facts: FactValues): Truth {
  if (!c) return true;
  if (c.fact !== undefined) {
    const v = facts[c.fact];
    if (v === undefined || v === null) return 'unknown';
    if (c.equals !== undefined) return v === c.equals;
    return (c.in ?? []).includes(v);
  }
  if (c.all) {
    const results = c.all.map((s) => evaluate(s, facts));
    if (results.includes(false)) return false;
    return results.includes('unknown') ? 'unknown' : true;
  }
  if (c.any) {
    const results = c.any.map((s) => evaluate(s, facts));
    if (results.includes(true)) return true;
    return results.includes('unknown') ? 'unknown' : false;
  }
  if (c.not) {
    const r = evaluate(c.not, facts);
    return r === 'unknown' ? 'unknown' : !r;
  }
  return 'unknown';
}

/** The facts a condition names that have no value here (for "fact missing" findings). */
export function unknownFacts(c: Condition | undefined, facts: FactValues): string[] {
  if (!c) return [];
  if (c.fact !== undefined) return facts[c.fact] === undefined || facts[c.fact] === null ? [c.fact] : [];
  const subs = [...(c.all ?? []), ...(c.any ?? []), ...(c.not ? [c.not] : [])];
  return [...new Set(subs.flatMap((s) => unknownFacts(s, facts)))];
}
