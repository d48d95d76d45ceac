import { z } from 'zod';
import { idInput, optionalLine, optionalText, singleLineCheck } from '../../platform/http/schemas.ts';

/** Field building blocks shared by the supplier and agreement schemas. */

export const id = idInput;
/** Optional one-line text: trimmed, and empty means not given (null). */
export const text = optionalLine;
/** Optional text that may span lines (notes): trimmed, and empty means not given (null). */
export const longText = optionalText;

/** An http(s) address, or empty for none. */
export const httpUrl = (key: 'suppliers.website_invalid' | 'agreements.document_url_invalid') =>
  z
    .string()
    .trim()
    .max(2000)
    .check(singleLineCheck)
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

