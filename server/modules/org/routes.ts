import type { FastifyInstance } from 'fastify';
import type { Services } from '../../platform/context.ts';

export function orgRoutes(_app: FastifyInstance, _services: Services): void {
  // filled in by the capability
}
