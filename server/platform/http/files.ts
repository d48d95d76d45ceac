import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/** Downloads: the XLSX type, the OpenAPI shape of a file response, and the headers of an attachment. */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file response for the OpenAPI document: the body is the file, not JSON. */
export const fileResponse = (mime: string, description: string) => ({
  description,
  content: { [mime]: { schema: z.string().meta({ description, format: 'binary' }) } },
});

/** The file is downloaded, never shown; the API's headers already say no-store and nosniff. */
export const attachment = (reply: FastifyReply, mime: string, name: string): FastifyReply =>
  reply.type(mime).header('content-disposition', `attachment; filename="${name}"`);
