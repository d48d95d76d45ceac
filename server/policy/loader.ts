import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import type { Locale } from '../../shared/roles.ts';
import * as texts from '../messages/policy.ts';
import { findBadText } from '../platform/characters.ts';
import { PATTERNS, packSchema, type Pack } from './schema.ts';
import { crossCheck, type PackProblem } from './validate.ts';

/**
 * Text (YAML, or JSON — which is YAML too) or an already parsed object → a validated pack, or every
 * problem found, each with its path in the pack and a message. Nothing here touches a database.
 */
export type LoadResult = { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] };

export const MAX_PACK_TEXT = 1_000_000;
const MAX_DEPTH = 32;

export function loadPackText(text: string): LoadResult {
  if (text.length > MAX_PACK_TEXT) return fail([], 'policy.problem.too_long', { max: MAX_PACK_TEXT });
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        path: [],
        key: 'policy.problem.syntax',
        params: { line: e.linePos?.[0].line ?? 0, col: e.linePos?.[0].col ?? 0, detail: e.message.split('\n')[0] ?? e.code },
      })),
    };
  }
  return loadPackObject(doc.toJS({ maxAliasCount: 50 }));
}

export function loadPackObject(input: unknown): LoadResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return fail([], 'policy.problem.not_a_pack');
  const deep = tooDeep(input, MAX_DEPTH);
  if (deep) return fail(deep, 'policy.problem.too_deep', { max: MAX_DEPTH });
  // Every text of the pack (and every key) keeps the rules of request text: no NUL or other control characters.
  const bad = findBadText(input);
  if (bad) return fail(bad, 'policy.problem.control_characters');
  const parsed = packSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.flatMap(issueToProblems) };
  const problems = crossCheck(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, pack: parsed.data };
}

/** A problem as a person reads it: "rules[3].when.fact: unknown fact 'system.insidNetwork' (…)". */
export function describeProblem(p: PackProblem, locale: Locale = 'en'): { path: string; message: string } {
  const template: string = (locale === 'sv' ? texts.sv : texts.en)[p.key];
  const message = p.params ? template.replace(/\{(\w+)\}/g, (m, k: string) => (k in p.params! ? String(p.params![k]) : m)) : template;
  return { path: displayPath(p.path), message };
}

/** rules.3.when.fact (the API's field key) */
export const fieldPath = (path: PackProblem['path']): string => path.map(String).join('.');

/** rules[3].when.fact (for people) */
export const displayPath = (path: PackProblem['path']): string =>
  path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '') || '(document)';

export function formatProblems(problems: PackProblem[], locale: Locale = 'en'): string {
  return problems
    .map((p) => describeProblem(p, locale))
    .map((d) => `${d.path}: ${d.message}`)
    .join('\n');
}

// ——— the default pack ———

export const DEFAULT_PACK_FILE = join(import.meta.dirname, 'default-pack.yaml');
let defaultPack: { text: string; pack: Pack } | undefined;

/** The seed policy as a pack, read and validated once. A broken default pack is a programming error. */
export function defaultPackText(): string {
  return loadDefault().text;
}

export function getDefaultPack(): Pack {
  return loadDefault().pack;
}

function loadDefault(): { text: string; pack: Pack } {
  if (!defaultPack) {
    const text = readFileSync(DEFAULT_PACK_FILE, 'utf8');
    const result = loadPackText(text);
    if (!result.ok) throw new Error(`The default policy pack is invalid:\n${formatProblems(result.problems)}`);
    defaultPack = { text, pack: result.pack };
  }
  return defaultPack;
}

// ——— zod issues → problems ———

interface Issue {
  code: string;
  path: PropertyKey[];
  input?: unknown;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  pattern?: string;
  values?: unknown[];
  keys?: string[];
}

const EXPECTED: Record<string, PackProblem['key']> = {
  string: 'policy.problem.expected_string',
  number: 'policy.problem.expected_number',
  int: 'policy.problem.expected_int',
  boolean: 'policy.problem.expected_boolean',
  object: 'policy.problem.expected_object',
  array: 'policy.problem.expected_array',
};

const FORMATS: Array<[RegExp, PackProblem['key']]> = [
  [PATTERNS.key, 'policy.problem.format_key'],
  [PATTERNS.ruleId, 'policy.problem.format_rule_id'],
  [PATTERNS.packId, 'policy.problem.format_pack_id'],
  [PATTERNS.date, 'policy.problem.format_date'],
];

function issueToProblems(issue: Issue): PackProblem[] {
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
  const one = (key: PackProblem['key'], params?: PackProblem['params']): PackProblem[] => [{ path, key, ...(params ? { params } : {}) }];
  const n = (v: number | bigint | undefined) => Number(v);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return one('policy.problem.required');
      return one(EXPECTED[issue.expected ?? ''] ?? 'policy.problem.expected_other', { expected: issue.expected ?? '?' });
    case 'invalid_union':
      return one('policy.problem.expected_scalar');
    case 'invalid_value':
      return one('policy.problem.one_of', { options: (issue.values ?? []).map(String).join(', ') });
    case 'unrecognized_keys':
      return (issue.keys ?? []).map((k) => ({ path: [...path, k], key: 'policy.problem.unknown_field', params: { field: k } }));
    case 'too_small':
      if (issue.origin === 'string')
        return n(issue.minimum) <= 1 ? one('policy.problem.empty') : one('policy.problem.too_short', { min: n(issue.minimum) });
      if (issue.origin === 'array') return one('policy.problem.too_few', { min: n(issue.minimum) });
      return one('policy.problem.too_small', { min: n(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return one('policy.problem.too_long', { max: n(issue.maximum) });
      if (issue.origin === 'array') return one('policy.problem.too_many', { max: n(issue.maximum) });
      return one('policy.problem.too_big', { max: n(issue.maximum) });
    case 'invalid_format': {
      const known = FORMATS.find(([re]) => String(re) === issue.pattern);
      return one(known?.[1] ?? 'policy.problem.invalid');
    }
    default:
      return one('policy.problem.invalid');
  }
}

function fail(path: PackProblem['path'], key: PackProblem['key'], params?: PackProblem['params']): LoadResult {
  return { ok: false, problems: [{ path, key, ...(params ? { params } : {}) }] };
}

/** The path of the first value nested deeper than max, or null; checked before zod walks the input. */
function tooDeep(value: unknown, max: number): PackProblem['path'] | null {
  const stack: Array<{ v: unknown; path: PackProblem['path'] }> = [{ v: value, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (path.length >= max) return path;
    if (Array.isArray(v)) v.forEach((item, i) => stack.push({ v: item, path: [...path, i] }));
    else for (const [k, item] of Object.entries(v)) stack.push({ v: item, path: [...path, k] });
  }
  return null;
}
