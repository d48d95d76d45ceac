// A module's index.ts is its face: code outside server/modules/<name>/ may import that module only through
// server/modules/<name>/index.ts. The one exception is the composition root, server/app.ts, which registers
// each module's HTTP routes from its routes.ts (routes are kept out of the faces: they pull in every schema,
// and a face that re-exports them turns harmless import cycles between modules into undefined schemas at
// start-up). Tests (tests/, *.test.ts) may reach inside to test internals.
import { dirname, relative, resolve, sep } from 'node:path';

const MODULES = `server${sep}modules${sep}`;

/** The module a path is inside ('systems' for server/modules/systems/export/x.ts), or null. */
function moduleOf(path) {
  const rel = relative(process.cwd(), path);
  if (!rel.startsWith(MODULES)) return null;
  return rel.slice(MODULES.length).split(sep)[0] ?? null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: "Import another module only through its index.ts (its face)" },
    messages: {
      deep: "'{{source}}' is inside the {{module}} module; import from its face, server/modules/{{module}}/index.ts.",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const own = moduleOf(file);
    function check(node) {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = resolve(dirname(file), source.value);
      const module = moduleOf(target);
      if (!module || module === own) return;
      const face = resolve(process.cwd(), MODULES, module, 'index.ts');
      const routes = resolve(process.cwd(), MODULES, module, 'routes.ts');
      if (target === routes && file === resolve(process.cwd(), 'server', 'app.ts')) return;
      if (target !== face) context.report({ node: source, messageId: 'deep', data: { source: source.value, module } });
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
