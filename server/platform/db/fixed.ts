import { sql, type RawBuilder } from 'kysely';

/**
 * A value that is part of a query's shape — a status, a kind — written into the statement's text instead of sent as
 * a parameter. PostgreSQL keeps a named statement's generic plan only when it costs no more than the custom plans
 * of its first calls; with a skewed column's value a parameter (`status = $1`, where 'submitted' is rare and
 * 'draft' common) the generic plan assumes an average value, loses, and every call is planned again — for the
 * classifications to approve, 0.45 ms of planning to 0.02 ms of running. With the value in the text the generic
 * plan is the custom one and is kept (docs/PERFORMANCE.md, "Seventh round"). Only for the code's own constants,
 * never for input: that stays a parameter.
 */
export const fixed = <T extends string>(value: T): RawBuilder<T> => sql.lit(value);
