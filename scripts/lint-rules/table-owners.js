// Each table has one owning module, and only that module writes it. The map is the one in
// docs/ARCHITECTURE.md ("Who owns which table"); a test checks that every migrated table is in it.
// Owners that are not modules (platform/…) write through platform code, which this rule does not check.

/** @type {Record<string, string>} table → owning module (server/modules/<name>) or platform part */
export const TABLE_OWNERS = {
  users: 'accounts',
  account_tokens: 'accounts',
  permission_grants: 'accounts',
  sessions: 'platform/auth',
  login_failures: 'platform/auth',
  audit_events: 'platform/audit',
  audit_chain_head: 'platform/audit',
  ansvar_migrations: 'platform/db',
  ansvar_migrations_lock: 'platform/db',
  org_units: 'org',
  org_unit_closure: 'org',
  role_assignments: 'roles',
  people: 'people',
  people_imports: 'people',
  policy_packs: 'policy',
  systems: 'systems',
  system_units: 'systems',
  system_dependencies: 'systems',
  systems_search: 'systems', // SQLite only: the FTS5 index of the register, kept by triggers
  suppliers: 'agreements',
  supplier_contacts: 'agreements',
  agreements: 'agreements',
  agreement_systems: 'agreements',
  system_imports: 'system-import',
  findings: 'findings',
  classifications: 'classifications',
  system_requirements: 'classifications',
  notifications: 'notifications',
  email_log: 'notifications',
  reminder_settings: 'notifications',
  access_roles: 'access',
  access_accounts: 'access',
  access_grants: 'access',
  access_imports: 'access',
  access_orders: 'access-orders',
  access_reviews: 'access-reviews',
  access_review_systems: 'access-reviews',
  access_review_items: 'access-reviews',
  access_review_reviewers: 'access-reviews',
  access_review_tallies: 'access-reviews',
  jobs: 'platform/jobs',
  change_feed: 'platform/changes', // committed changes, for the other instances (written on PostgreSQL only)
};

const WRITES = new Set(['insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto']);
const MODULE = /(?:^|[\\/])server[\\/]modules[\\/]([^\\/]+)[\\/]/;

/** @type {import('eslint').Rule.RuleModule} */
export const tableOwners = {
  meta: {
    type: 'problem',
    docs: { description: 'A module writes only the tables it owns' },
    messages: {
      foreign: "The {{module}} module writes '{{table}}', which the {{owner}} module owns; call a function of that module's index.ts instead.",
      unknown: "'{{table}}' has no owner; add it to scripts/lint-rules/table-owners.js and docs/ARCHITECTURE.md.",
      dynamic: 'Name the table written as a string literal, so its owner can be checked.',
      outside: "Write tables only in the module's repository (repository.ts or <part>-repository.ts); use cases call it.",
    },
    schema: [],
  },
  create(context) {
    const module = MODULE.exec(context.filename)?.[1];
    if (!module) return {};
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier' || !WRITES.has(callee.property.name)) return;
        const arg = node.arguments[0];
        if (!arg) return;
        if (!/repository\.ts$/.test(context.filename)) return context.report({ node: callee.property, messageId: 'outside' });
        const text = arg.type === 'Literal' && typeof arg.value === 'string' ? arg.value : arg.type === 'TemplateLiteral' && !arg.expressions.length ? arg.quasis[0].value.cooked : null;
        if (text === null) return context.report({ node: arg, messageId: 'dynamic' });
        const table = text.trim().split(/\s+/)[0];
        const owner = TABLE_OWNERS[table];
        if (!owner) return context.report({ node: arg, messageId: 'unknown', data: { table } });
        if (owner !== module) context.report({ node: arg, messageId: 'foreign', data: { module, table, owner } });
      },
    };
  },
};
