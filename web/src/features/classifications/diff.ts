import { ASPECTS, CLASSIFICATION_FLAGS, type Aspect, type Classification } from '../../api/classifications.ts';

/** One difference between two versions of a classification. */
export type Difference =
  | { kind: 'level'; aspect: Aspect; from: number | null; to: number | null }
  | { kind: 'flag'; flag: keyof Classification['flags']; from: boolean | string | null; to: boolean | string | null }
  | { kind: 'justification'; aspect: Aspect; from: string | null; to: string | null }
  | { kind: 'method'; from: Classification['method']; to: Classification['method'] }
  | { kind: 'reference'; from: string | null; to: string | null };

/** What changed from one version to another: levels, flags, justifications, method and reference (in that order). */
export function differences(a: Classification, b: Classification): Difference[] {
  const out: Difference[] = [];
  for (const aspect of ASPECTS) if (a.levels[aspect] !== b.levels[aspect]) out.push({ kind: 'level', aspect, from: a.levels[aspect], to: b.levels[aspect] });
  for (const flag of CLASSIFICATION_FLAGS) if (a.flags[flag] !== b.flags[flag]) out.push({ kind: 'flag', flag, from: a.flags[flag], to: b.flags[flag] });
  for (const aspect of ASPECTS) {
    const from = a.justifications[aspect] ?? null;
    const to = b.justifications[aspect] ?? null;
    if (from !== to) out.push({ kind: 'justification', aspect, from, to });
  }
  if (a.method !== b.method) out.push({ kind: 'method', from: a.method, to: b.method });
  if (a.reference !== b.reference) out.push({ kind: 'reference', from: a.reference, to: b.reference });
  return out;
}
