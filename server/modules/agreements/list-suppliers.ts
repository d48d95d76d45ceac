import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/schemas.ts';
import type { Auth } from '../../platform/http/types.ts';
import { assertSomewhere } from './access.ts';
import { presentSupplier, type Supplier } from './present.ts';
import { listSuppliers } from './repository.ts';
import type { SuppliersQuery } from './supplier-schemas.ts';

const cursorSchema = z.object({ n: z.string(), id: z.string() });

/** Suppliers by name, keyset-paginated on (name_sort, id); installation-wide registry data. */
export async function listSuppliersPage(ctx: Ctx, auth: Auth, q: SuppliersQuery): Promise<{ items: Supplier[]; nextCursor: string | null }> {
  assertSomewhere(auth, 'systems:read');
  const after = decodeCursor(q.cursor, cursorSchema);
  const { rows, hasMore } = await listSuppliers(ctx.db, { q: q.q || undefined, after }, q.limit);
  const last = rows[rows.length - 1];
  return { items: rows.map(presentSupplier), nextCursor: hasMore && last ? encodeCursor({ n: last.name_sort, id: last.id }) : null };
}
