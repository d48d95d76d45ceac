import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve, sep } from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { accountRoutes, grantRoutes } from './modules/accounts/routes.ts';
import { agreementRoutes } from './modules/agreements/routes.ts';
import { classificationRoutes } from './modules/classifications/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { orgRoutes } from './modules/org/routes.ts';
import { peopleRoutes } from './modules/people/routes.ts';
import { policyRoutes } from './modules/policy/routes.ts';
import { roleAssignmentRoutes } from './modules/roles/routes.ts';
import { matrixRoutes, systemExportRoutes, systemRoutes } from './modules/systems/routes.ts';
import { systemImportRoutes } from './modules/system-import/routes.ts';
import { findingRoutes } from './modules/findings/routes.ts';
import { onboardingRoutes } from './modules/onboarding/routes.ts';
import { maintenanceRoutes } from './modules/maintenance/routes.ts';
import { taskRoutes } from './modules/tasks/routes.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { accessRoutes } from './modules/access/routes.ts';
import { accessOrderRoutes } from './modules/access-orders/routes.ts';
import { accessReviewRoutes } from './modules/access-reviews/routes.ts';
import { notificationJobs } from './modules/notifications/index.ts';
import { findingJobs, startFindings } from './modules/findings/index.ts';
import { accessOrderJobs, startAccessOrders } from './modules/access-orders/index.ts';
import { accessReviewJobs } from './modules/access-reviews/index.ts';
import { ChangeFeedFollower, setFeedInstance } from './platform/changes.ts';
import { uuidv7 } from './platform/ids.ts';
import { JobRunner } from './platform/jobs.ts';
import { startSessionCache } from './platform/auth/session-invalidation.ts';
import { servicesOf } from './platform/context.ts';
import type { DbHandle } from './platform/db/index.ts';
import { AppError, errorBody } from './platform/errors.ts';
import { frameworkErrorHandler, registerErrorHandler } from './platform/http/error-handler.ts';
import { registerGuard } from './platform/http/guard.ts';
import { registerMultipart } from './platform/http/multipart.ts';
import { registerSecurityHeaders } from './platform/http/security.ts';
import { createSerializerCompiler } from './platform/http/serializer.ts';
import { validatorCompiler } from './platform/http/validator.ts';
import { newRequestId } from './platform/http/request-id.ts';
import './platform/http/types.ts';

export interface AppOptions {
  config: Config;
  db: DbHandle;
  now?: () => Date;
  /**
   * Background work: how often this instance looks for due jobs and (PostgreSQL) for other instances' changes,
   * in milliseconds. Absent: none runs by itself (tests run jobs with app.background.jobs.runDue()).
   */
  backgroundPollMs?: number;
  /** Pino logger options; false silences logs (tests). */
  logger?: boolean;
  /** Check every response against its zod schema too (tests turn this on). */
  validateResponses?: boolean;
  /** Where the built web app is; absent or missing means API only. */
  webDir?: string;
}

export const WEB_DIR = resolve(import.meta.dirname, '..', 'dist', 'web');
const JSON_BODY_LIMIT = 256 * 1024;

/** Builds the whole application without listening, so tests can call app.inject(). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const services = servicesOf(options.db, config, options.now);

  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    // A hop count becomes a function: Fastify's types accept it only in that form.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    bodyLimit: JSON_BODY_LIMIT,
    genReqId: newRequestId,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: frameworkErrorHandler(config.secureCookies),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(createSerializerCompiler({ validate: options.validateResponses ?? false }));

  await app.register(cookie);
  await registerMultipart(app);
  registerSecurityHeaders(app, config.secureCookies);
  registerGuard(app, services);
  registerErrorHandler(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Ansvar API',
        version: '0.1.0',
        description:
          'The municipal IT-security policy, live. Sign in with POST /api/auth/login (a session cookie), fetch a CSRF token from GET /api/auth/csrf and send it as x-csrf-token on every state-changing request. Errors: {"error": {"code", "message", "fields"?}}.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ansvar_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  healthRoutes(app, services);
  authRoutes(app, services);
  accountRoutes(app, services);
  grantRoutes(app, services);
  auditRoutes(app, services);
  orgRoutes(app, services);
  roleAssignmentRoutes(app, services);
  peopleRoutes(app, services);
  policyRoutes(app, services);
  systemExportRoutes(app, services);
  systemRoutes(app, services);
  systemImportRoutes(app, services);
  matrixRoutes(app, services);
  findingRoutes(app, services);
  onboardingRoutes(app, services);
  maintenanceRoutes(app, services);
  agreementRoutes(app, services);
  classificationRoutes(app, services);
  taskRoutes(app, services);
  notificationRoutes(app, services);
  accessRoutes(app, services);
  accessOrderRoutes(app, services);
  accessReviewRoutes(app, services);
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  // Findings follow every committed change (modules/findings/refresher.ts); stopped with the app.
  const findings = startFindings(services, (err) => app.log.error({ err }, 'findings refresh failed'));
  // Other instances' changes (PostgreSQL), and jobs that run once across instances (docs/FOLLOW-UP.md).
  const instanceId = `${hostname()}:${process.pid}:${uuidv7().slice(-8)}`;
  setFeedInstance(services.db, instanceId);
  const feed = new ChangeFeedFollower(services, instanceId, (err) => app.log.error({ err }, 'change feed failed'));
  const jobs = new JobRunner(services, instanceId, { ...findingJobs(findings.refresher), ...notificationJobs(), ...accessOrderJobs(), ...accessReviewJobs() }, (err, job) =>
    app.log.error({ err, job: job.kind, key: job.key }, 'job failed'),
  );
  const stopAccessOrders = startAccessOrders(services, (err) => app.log.error({ err }, 'access removals failed'));
  // PostgreSQL: sessions kept between requests, dropped when the database says they changed.
  const stopSessionCache = startSessionCache(options.db);
  app.decorate('background', { jobs, feed, instanceId });
  if (options.backgroundPollMs) {
    await feed.start(Math.min(options.backgroundPollMs, 1000));
    jobs.start(options.backgroundPollMs);
  }
  app.addHook('onClose', async () => {
    feed.stop();
    await jobs.stop();
    findings.stop();
    stopAccessOrders();
    await stopSessionCache();
  });

  await serveWeb(app, options.webDir ?? WEB_DIR);
  return app;
}

const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

/**
 * The built React app. Hashed files under /assets are cached for a year; index.html is revalidated
 * on every load, so an upgrade is picked up at once. Paths that look like files and do not exist
 * get 404; every other non-API path falls back to index.html for client-side routing.
 */
async function serveWeb(app: FastifyInstance, webDir: string): Promise<void> {
  if (!existsSync(join(webDir, 'index.html'))) return;
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') || path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path)) {
      return reply.status(404).send(errorBody(new AppError('not_found'), req.locale));
    }
    return reply.sendFile('index.html');
  });
}
