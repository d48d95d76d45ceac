import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * One contract: every enumeration both sides use is written once, in shared/. This fails when server/ or
 * web/ writes the values of a shared enum again as an array of string literals (a list to loop over or a
 * z.enum), in any order; in web/ also as a union of string literal types (the web takes its types from
 * shared/ or the generated API types). Tests and the generated web/src/api/schema.gen.ts are not looked at.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GENERATED = 'web/src/api/schema.gen.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
    .filter((file) => file !== GENERATED);
}

interface Found {
  /** The values, sorted and joined: the same set in any order gives the same key. */
  key: string;
  where: string;
}

const keyOf = (values: string[]): string => [...values].sort().join('|');

/** Every list of two or more string literals in the file: array literals, and (if asked) unions of literal types. */
function stringLists(file: string, text: string, unions: boolean): Found[] {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: Found[] = [];
  const where = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isArrayLiteralExpression(node) && node.elements.length > 1 && node.elements.every(ts.isStringLiteral)) {
      found.push({ key: keyOf(node.elements.map((e) => (e as ts.StringLiteral).text)), where: where(node) });
    }
    if (unions && ts.isUnionTypeNode(node) && node.types.length > 1) {
      const literals = node.types.flatMap((t) => (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) ? [t.literal.text] : []));
      if (literals.length === node.types.length) found.push({ key: keyOf(literals), where: where(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The enums of shared/: exported `as const` arrays, by the set of their values. */
async function sharedEnums(): Promise<Map<string, string>> {
  const enums = new Map<string, string>();
  for (const file of sourceFiles('shared')) {
    const module = (await import(join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (Array.isArray(value) && value.length > 1 && value.every((v) => typeof v === 'string')) enums.set(keyOf(value), `${file} ${name}`);
    }
  }
  return enums;
}

describe('enums are written once', () => {
  it('finds the shared enums', async () => {
    const enums = await sharedEnums();
    expect([...enums.values()]).toEqual(expect.arrayContaining(['shared/org.ts UNIT_KINDS', 'shared/permissions.ts PERMISSIONS']));
  });

  it('no shared enum is written again in server/ or web/', async () => {
    const enums = await sharedEnums();
    const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
    const copies = [
      ...sourceFiles('server').flatMap((f) => stringLists(f, read(f), false)),
      ...sourceFiles('web/src').flatMap((f) => stringLists(f, read(f), true)),
    ]
      .filter((f) => enums.has(f.key))
      .map((f) => `${f.where} repeats ${enums.get(f.key)}: import it from shared/ instead`);
    expect(copies).toEqual([]);
  });

  it('catches a copy in any order, as an array or (in the web) as a union type', async () => {
    const enums = await sharedEnums();
    const text = "const FUNCTIONS = ['kansli', 'it_unit'] as const;\ntype Fn = 'it_unit' | 'kansli';\nconst other = ['kansli', 'x'];";
    const copies = (unions: boolean) =>
      stringLists('fixture.ts', text, unions)
        .filter((f) => enums.has(f.key))
        .map((f) => f.where);
    expect(copies(true)).toEqual(['fixture.ts:1', 'fixture.ts:2']);
    expect(copies(false)).toEqual(['fixture.ts:1']);
  });
});
