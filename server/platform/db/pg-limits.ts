import { PostgresDialect, PostgresQueryCompiler, ValueNode, type LimitNode, type QueryCompiler } from 'kysely';

/**
 * A page's size written into the statement on PostgreSQL (`limit 51`, not `limit $3`). A named statement's plan is
 * kept only when PostgreSQL's generic plan is no worse than planning each call; with the limit a parameter, the
 * generic plan assumes a tenth of the table (a sort of every row) and loses, so every call was planned again — for
 * a page of people, 0.5 ms of planning to 0.2 ms of running. With the number in the text, the generic plan is the
 * custom one and is kept (docs/PERFORMANCE.md, "Fifth round"). A page size is a validated integer, and the few sizes
 * in use make few texts (pg-prepared.ts bounds them). Negative numbers stay parameters: reused.ts's stand-ins.
 */
export class PageSizeCompiler extends PostgresQueryCompiler {
  protected override visitLimit(node: LimitNode): void {
    const n = node.limit;
    if (ValueNode.is(n) && typeof n.value === 'number' && Number.isSafeInteger(n.value) && n.value >= 0) this.append(`limit ${n.value}`);
    else super.visitLimit(node);
  }
}

/** PostgreSQL's dialect with PageSizeCompiler. */
export class PagedPostgresDialect extends PostgresDialect {
  override createQueryCompiler(): QueryCompiler {
    return new PageSizeCompiler();
  }
}
