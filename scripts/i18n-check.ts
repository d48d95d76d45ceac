/**
 * Checks the web app's translations (web/src/i18n/{sv,en}.json):
 *  - every key exists in both languages,
 *  - no value is empty,
 *  - every key used in web/src as a literal t('…') / i18next.t('…') exists in sv.json
 *    (a plural key "x" is satisfied by "x_one", "x_other", …).
 * Exit code 1 with a list of problems, otherwise one line saying OK.
 * Run: npx tsx scripts/i18n-check.ts
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const i18nDir = join(root, 'web/src/i18n');
const srcDir = join(root, 'web/src');
const LANGUAGES = ['sv', 'en'] as const;
const PLURAL_SUFFIXES = ['zero', 'one', 'two', 'few', 'many', 'other'];

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) flatten(value, path, out);
    else out.set(path, value);
  }
  return out;
}

function load(lang: string): Map<string, unknown> {
  const file = join(i18nDir, `${lang}.json`);
  return flatten(JSON.parse(readFileSync(file, 'utf8')) as Tree);
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (/\.(tsx?|jsx?)$/.test(name)) files.push(path);
  }
  return files;
}

/** t('key'), t("key"), t(`key`) without ${…}; also i18next.t('key') and i18n.t('key'). */
const T_CALL = /(?<![\w$])t\(\s*(['"`])([^'"`$\n]+?)\1/g;

function hasKey(keys: Map<string, unknown>, key: string): boolean {
  return keys.has(key) || PLURAL_SUFFIXES.some((suffix) => keys.has(`${key}_${suffix}`));
}

const problems: string[] = [];
const tables = Object.fromEntries(LANGUAGES.map((lang) => [lang, load(lang)])) as Record<(typeof LANGUAGES)[number], Map<string, unknown>>;

for (const lang of LANGUAGES) {
  for (const other of LANGUAGES) {
    if (other === lang) continue;
    for (const key of tables[lang].keys()) {
      if (!tables[other].has(key)) problems.push(`${other}.json is missing "${key}" (present in ${lang}.json)`);
    }
  }
  for (const [key, value] of tables[lang]) {
    if (typeof value !== 'string') problems.push(`${lang}.json: "${key}" is not a string`);
    else if (value.trim() === '') problems.push(`${lang}.json: "${key}" is empty`);
  }
}

let used = 0;
for (const file of sourceFiles(srcDir)) {
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(T_CALL)) {
    const key = match[2] as string;
    used++;
    if (!hasKey(tables.sv, key)) {
      const line = text.slice(0, match.index).split('\n').length;
      problems.push(`${relative(root, file)}:${line}: t('${key}') is missing from sv.json`);
    }
  }
}

if (problems.length > 0) {
  console.error(`i18n check failed (${problems.length}):`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`i18n OK: ${tables.sv.size} keys in ${LANGUAGES.join(' and ')}, ${used} literal t() calls in web/src all found.`);
