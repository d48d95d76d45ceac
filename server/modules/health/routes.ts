import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../platform/context.ts';
import { ping } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { errors } from '../../platform/http/schemas.ts';

export function healthRoutes(app: FastifyInstance, services: Services): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    config: { access: 'public' },
    schema: {
      tags: ['health'],
      summary: 'Liveness and database check',
      response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }), ...errors(503) },
    },
    handler: async (req) => {
      try {
        await ping(services.db);
      } catch (err) {
        req.log.error({ err }, 'health check: database unreachable');
        throw new AppError('unavailable');
      }
      return { status: 'ok' as const, database: services.dialect };
    },
  });
}
