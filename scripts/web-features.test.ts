import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The web's features lean on each other one way only: no two features import each other, and
 * features/shared (pickers, role forms, labels used by several features) imports no feature.
 */

const FEATURES = fileURLToPath(new URL('../web/src/features', import.meta.url));

/** feature → the other features its files import. */
function featureImports(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const entry of readdirSync(FEATURES, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
    const feature = relative(FEATURES, entry.parentPath).split('/')[0] as string;
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const [, other] of text.matchAll(/from '\.\.\/([\w-]+)\//g)) {
      if (other && other !== feature) graph.set(feature, (graph.get(feature) ?? new Set()).add(other));
    }
  }
  return graph;
}

describe('web features', () => {
  const graph = featureImports();

  it('no two features import each other', () => {
    const pairs = [...graph].flatMap(([a, others]) => [...others].filter((b) => a < b && graph.get(b)?.has(a)).map((b) => `${a} <-> ${b}`));
    expect(pairs).toEqual([]);
  });

  it('features/shared imports no feature', () => {
    expect([...(graph.get('shared') ?? [])]).toEqual([]);
  });
});
