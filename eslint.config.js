import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { moduleBoundaries } from './scripts/lint-rules/module-boundaries.js';
import { tableOwners } from './scripts/lint-rules/table-owners.js';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', 'web/src/api/schema.gen.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'jsx-a11y': jsxA11y, 'react-hooks': reactHooks },
    rules: {
      ...jsxA11y.flatConfigs.strict.rules,
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    // A module's index.ts is its only entrance, and a module writes only the tables it owns
    // (docs/ARCHITECTURE.md, "Modules and their faces"). Tests may reach inside to test internals.
    files: ['server/**/*.ts'],
    ignores: ['**/*.test.ts'],
    plugins: { ansvar: { rules: { 'module-boundaries': moduleBoundaries, 'table-owners': tableOwners } } },
    rules: { 'ansvar/module-boundaries': 'error', 'ansvar/table-owners': 'error' },
  },
  {
    // The policy engine stays pure: no database, no HTTP.
    files: ['server/policy/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/platform/db/**', 'fastify', 'kysely', 'pg', 'better-sqlite3'] }],
    },
  },
);
