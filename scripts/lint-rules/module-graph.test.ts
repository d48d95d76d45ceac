import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The modules use each other's faces in one direction only: no module reaches, through faces, back to
 * itself. A circle of faces makes the order in which modules load decide whether a schema built from
 * another module's schema exists yet (DECISIONS.md, issue 10).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MODULES = join(ROOT, 'server', 'modules');

function moduleGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const entry of readdirSync(MODULES, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    const file = join(entry.parentPath, entry.name);
    const own = relative(MODULES, file).split(sep)[0]!;
    const uses = graph.get(own) ?? new Set<string>();
    graph.set(own, uses);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
      const target = relative(MODULES, resolve(dirname(file), spec!)).split(sep);
      if (target.length === 2 && target[1] === 'index.ts' && target[0] !== own && !target[0]!.startsWith('..')) uses.add(target[0]!);
    }
  }
  return graph;
}

/** A circle of modules, if there is one (depth-first search). */
function findCircle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (m: string): string[] | null => {
    if (state.get(m) === 'done') return null;
    if (state.get(m) === 'open') return [...path.slice(path.indexOf(m)), m];
    state.set(m, 'open');
    path.push(m);
    for (const next of graph.get(m) ?? []) {
      const circle = visit(next);
      if (circle) return circle;
    }
    path.pop();
    state.set(m, 'done');
    return null;
  };
  for (const m of graph.keys()) {
    const circle = visit(m);
    if (circle) return circle;
  }
  return null;
}

describe('the modules', () => {
  it('are read from the imports of their faces', () => {
    const graph = moduleGraph();
    expect(graph.get('system-import')).toContain('systems');
    expect(graph.get('roles')).toContain('people');
  });

  it('use each other in one direction only', () => {
    expect(findCircle(moduleGraph())).toBeNull();
  });

  it('a circle is found when there is one', () => {
    const graph = new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])]]);
    expect(findCircle(graph)).toEqual(['a', 'b', 'c', 'a']);
  });
});
