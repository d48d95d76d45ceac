import type { Rule } from 'eslint';
export declare const TABLE_OWNERS: Record<string, string>;
export declare const tableOwners: Rule.RuleModule;
