import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isSingleLine } from '../characters.ts';
import { AppError } from '../errors.ts';

/** Upload limits for every multipart route; a route may only narrow them (see readUpload). */
export const UPLOAD_LIMITS = {
  /** Bytes per file. */
  fileSize: 10 * 1024 * 1024,
  files: 1,
  fields: 20,
  /** Bytes per non-file field. */
  fieldSize: 64 * 1024,
  parts: 21,
  headerPairs: 100,
} as const;

/**
 * Multipart uploads (@fastify/multipart), parsed as a stream by the route that wants them, never
 * buffered by a body parser and never written to disk. Fastify's JSON body limit does not apply to
 * multipart, so these limits are the only ones: a file over the limit, a second file or too many
 * fields end the request with 413.
 */
export async function registerMultipart(app: FastifyInstance): Promise<void> {
  await app.register(multipart, { limits: { ...UPLOAD_LIMITS }, throwFileSizeLimit: true });
}

export interface Upload {
  /** The one file, or null when the request carried none. */
  file: { fieldName: string; fileName: string; mimeType: string; data: Buffer } | null;
  /** Plain fields; a field sent twice keeps its first value. */
  fields: Record<string, string>;
}

/**
 * Reads a multipart request into memory (bounded by UPLOAD_LIMITS). Errors become AppErrors: a
 * request that is not multipart is a 400 naming `fileField`, a limit is a 413.
 */
export async function readUpload(req: FastifyRequest, fileField = 'file'): Promise<Upload> {
  if (!req.isMultipart()) {
    throw new AppError('validation_failed', { fields: [{ path: fileField, key: 'field.required' }] });
  }
  const upload: Upload = { file: null, fields: {} };
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.fieldname === fileField && !upload.file) {
          // The name is shown and stored: it keeps the rules of request text (characters.ts).
          if (!isSingleLine(part.filename)) throw new AppError('validation_failed', { fields: [{ path: fileField, key: 'field.single_line' }] });
          upload.file = { fieldName: part.fieldname, fileName: part.filename, mimeType: part.mimetype, data };
        }
      } else if (!(part.fieldname in upload.fields) && typeof part.value === 'string') {
        upload.fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    throw toAppError(err);
  }
  return upload;
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: unknown }).code;
  const status = (err as { statusCode?: unknown }).statusCode;
  if (code === 'FST_REQ_FILE_TOO_LARGE' || status === 413) return new AppError('payload_too_large');
  return new AppError('bad_request');
}
