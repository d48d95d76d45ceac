import {
  OperatorNode,
  PostgresDialect,
  PostgresQueryCompiler,
  PrimitiveValueListNode,
  ValueNode,
  type BinaryOperationNode,
  type LimitNode,
  type QueryCompiler,
} from 'kysely';

/** The length PostgreSQL's planner assumes for an array parameter (selfuncs.c, estimate_array_length). */
const PLANNED_ARRAY_LENGTH = 10;

/**
 * PostgreSQL's compiler, writing statements whose plan PostgreSQL keeps. A named statement's plan is kept only when
 * PostgreSQL's generic plan is no worse than planning each call (docs/DECISIONS.md); the two rules below keep the
 * texts few and their generic plans as good as the custom ones.
 */
export class KeptPlanCompiler extends PostgresQueryCompiler {
  /**
   * A page's size written into the statement (`limit 51`, not `limit $3`). With the limit a parameter, the generic
   * plan assumes a tenth of the table (a sort of every row) and loses, so every call was planned again — for a page
   * of people, 0.5 ms of planning to 0.2 ms of running (docs/PERFORMANCE.md, "Fifth round"). A page size is a
   * validated integer, and the few sizes in use make few texts (pg-prepared.ts bounds them). Negative numbers stay
   * parameters: reused.ts's stand-ins.
   */
  protected override visitLimit(node: LimitNode): void {
    const n = node.limit;
    if (ValueNode.is(n) && typeof n.value === 'number' && Number.isSafeInteger(n.value) && n.value >= 0) this.append(`limit ${n.value}`);
    else super.visitLimit(node);
  }

  /**
   * A list of more than ten values as one array (`x = any($1)`, not `x in ($1, …, $50)`): one text for every such
   * length, so one named statement and its plan serve every call, where each length was a text of its own planned on
   * every call (the org units' ancestors: 0.4 ms of planning a call, docs/PERFORMANCE.md "Eighth round"); and a bulk
   * list is one parameter, not one each. `in` is `= any` and `not in` is `<> all` in PostgreSQL, NULLs included.
   * PostgreSQL plans an array parameter as ten values, so a generic plan for it costs more than the custom plans of a
   * shorter list and would be planned again on every call (a system's holders, one id: 0.5 ms of planning); up to
   * ten values stay a list, whose few lengths make few texts. Lists of expressions (`fixed(…)`, tuples) and subqueries
   * are written as they are.
   */
  protected override visitBinaryOperation(node: BinaryOperationNode): void {
    const op = OperatorNode.is(node.operator) ? node.operator.operator : null;
    if ((op === 'in' || op === 'not in') && PrimitiveValueListNode.is(node.rightOperand) && node.rightOperand.values.length > PLANNED_ARRAY_LENGTH) {
      this.visitNode(node.leftOperand);
      this.append(op === 'in' ? ' = any(' : ' <> all(');
      this.appendValue([...node.rightOperand.values]);
      this.append(')');
    } else super.visitBinaryOperation(node);
  }
}

/** PostgreSQL's dialect with KeptPlanCompiler. */
export class KeptPlanDialect extends PostgresDialect {
  override createQueryCompiler(): QueryCompiler {
    return new KeptPlanCompiler();
  }
}
