import { z } from 'zod';

/** Field building blocks shared by the supplier and agreement schemas. */

export const id = z.string().trim().min(1).max(64);
/** Optional text: trimmed, and empty means not given (null). */
export const text = (max: number) => z.string().trim().max(max).nullable().transform((v) => v || null);

/** An http(s) address, or empty for none. */
export const httpUrl = (key: 'suppliers.website_invalid' | 'agreements.document_url_invalid') =>
  z
    .string()
    .trim()
    .max(2000)
    .nullable()
    .refine((v) => !v || isHttpUrl(v), { params: { key } })
    .transform((v) => v || null);

function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

