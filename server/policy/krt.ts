import { ASPECTS, type Aspect } from '../../shared/classification.ts';

/**
 * K/R/T as registers write it (docs/CLASSIFICATION.md, "From the register"): one cell "3/2/2" (also with -, ,
 * or spaces; a fourth number is spårbarhet; "–" or "?" for a level not known), "K3 R2 T2" (also "K:3, R=2",
 * with S for spårbarhet), or the English "C3 I2 A2". Pure; a text it cannot read gives null.
 */
export type KrtLevels = Record<Aspect, number | null>;

/** A letter and its level: "K3", "K: 3", "R=2", "S–"; levels are one digit. */
const LETTERED = /([a-zåäö]+)\s*[:=]?\s*(\d|[–—?-])(?=[\s,;/]|[a-zåäö]|$)/gi;
const NONE = /^(?:[–—-]|\?|x)$/i;
const SWEDISH: Record<string, Aspect> = { k: 'confidentiality', r: 'integrity', t: 'availability', s: 'traceability' };
const ENGLISH: Record<string, Aspect> = { c: 'confidentiality', i: 'integrity', a: 'availability' };

export function parseKrt(input: string): KrtLevels | null {
  const text = input.normalize('NFC').trim();
  if (!text || text.length > 60) return null;
  const out: KrtLevels = { confidentiality: null, integrity: null, availability: null, traceability: null };
  const lettered = [...text.matchAll(LETTERED)];
  if (lettered.length) {
    // Every part of the text must be a letter with its level: "K3 R2 T2", not "K3 och lite till".
    const rest = text.replace(LETTERED, '').replace(/[\s,;/]+/g, '');
    if (rest) return null;
    const letters = lettered.map((m) => m[1]!.toLowerCase());
    const map = letters.every((l) => l in ENGLISH) ? ENGLISH : letters.every((l) => l in SWEDISH) ? SWEDISH : null;
    if (!map) return null;
    for (const m of lettered) {
      const aspect = map[m[1]!.toLowerCase()]!;
      if (out[aspect] !== null) return null;
      out[aspect] = level(m[2]!);
    }
  } else {
    const parts = text.split(/\s*[/,;]\s*|\s+-\s+|\s+|(?<=\d)-(?=\d|[–—?])|(?<=[–—?])-(?=\d)/).filter((p) => p !== '');
    if (parts.length < 3 || parts.length > 4) return null;
    if (!parts.every((p) => /^\d$/.test(p) || NONE.test(p))) return null;
    // In the order K, R, T, S.
    parts.forEach((p, i) => (out[ASPECTS[i]!] = level(p)));
  }
  return Object.values(out).some((v) => v !== null) ? out : null;
}

const level = (s: string): number | null => (/^\d+$/.test(s) ? Number(s) : null);

/** The line an earlier import put in a system's note ("K/R/T: 3/2/2"). */
export const KRT_NOTE_LINE = /^K\/R\/T: (.*)$/m;
