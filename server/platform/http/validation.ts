import type { FieldProblem } from '../errors.ts';

/** The parts of a zod issue that we translate; kept structural so it works for every zod issue kind. */
interface IssueLike {
  code: string;
  path: PropertyKey[];
  input?: unknown;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  keys?: string[];
  params?: { key?: FieldProblem['key']; [k: string]: unknown };
  errors?: IssueLike[][];
}

/** Turns zod issues into field problems with message keys, translated per request later. */
export function issuesToFields(issues: readonly IssueLike[]): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    switch (issue.code) {
      case 'invalid_type':
        out.push({ path, key: issue.input === undefined || issue.input === null ? 'field.required' : 'field.invalid_type' });
        break;
      case 'too_small':
        if (issue.origin === 'string')
          out.push(Number(issue.minimum) <= 1 ? { path, key: 'field.required' } : { path, key: 'field.too_short', params: { min: Number(issue.minimum) } });
        else out.push({ path, key: 'field.too_small', params: { min: Number(issue.minimum) } });
        break;
      case 'too_big':
        out.push(
          issue.origin === 'string'
            ? { path, key: 'field.too_long', params: { max: Number(issue.maximum) } }
            : { path, key: 'field.too_big', params: { max: Number(issue.maximum) } },
        );
        break;
      case 'invalid_format':
        out.push({ path, key: issue.format === 'email' ? 'field.invalid_email' : 'field.invalid_format' });
        break;
      case 'invalid_value':
        out.push({ path, key: 'field.invalid_option' });
        break;
      case 'unrecognized_keys':
        for (const k of issue.keys ?? []) out.push({ path: path ? `${path}.${k}` : k, key: 'field.unknown_field' });
        break;
      case 'custom':
        out.push({ path, key: issue.params?.key ?? 'field.invalid' });
        break;
      case 'invalid_union': {
        // E.g. '' | id in a query filter: when one alternative failed on its own rule (a control
        // character), that message says more than "invalid value".
        const telling = issue.errors?.find((branch) => branch[0]?.code === 'custom');
        if (telling) out.push(...issuesToFields(telling.map((i) => ({ ...i, path: [...issue.path, ...i.path] }))));
        else out.push({ path, key: 'field.invalid' });
        break;
      }
      default:
        out.push({ path, key: 'field.invalid' });
    }
  }
  return out;
}
