import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { DomainError } from '../domain/shared/errors.js';
import type { Deps } from './deps.js';
import { errorHandler, sendError } from './http/errors.js';
import { idempotencyOnSend } from './http/idempotency.js';
import { registerModules } from './modules/index.js';

export interface AppOptions {
  logger?: FastifyServerOptions['logger'];
}

/** Fastify wiring only: plugins, error mapping, OpenAPI, the web app, and the modules' routes. */
export async function buildApp(deps: Omit<Deps, 'log'>, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 256 * 1024,
    trustProxy: process.env.TRUST_PROXY === '1',
    ajv: undefined,
    genReqId: () => crypto.randomUUID(),
  });
  const fullDeps: Deps = { ...deps, log: app.log };
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // The API speaks JSON only: anything else is refused with 415 instead of being parsed as a string.
  app.removeContentTypeParser('text/plain');

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: deps.config.secureCookies ? undefined : false,
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Schakel API',
        version: deps.version,
        description:
          'Chain coordination for multi-problem households. Cookie session; send X-CSRF-Token on every ' +
          'non-GET request, If-Match on updates, Idempotency-Key on POST.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Swagger UI sets a few inline styles (its syntax highlighter); allow those, nothing else.
    transformStaticCSP: (header) =>
      header.replace("style-src 'self' https:", "style-src 'self' 'unsafe-inline'"),
  });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, () => app.swagger());

  app.addHook('onSend', idempotencyOnSend(fullDeps));
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  registerModules(app, fullDeps);

  const webDir = deps.config.webDir;
  const indexHtml = path.join(webDir, 'index.html');
  const hasWeb = fs.existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const url = request.url;
    if (
      url.startsWith('/api/') ||
      url === '/healthz' ||
      request.method !== 'GET' ||
      !hasWeb ||
      path.extname(url.split('?')[0]!)
    ) {
      return sendError(reply, new DomainError('NOT_FOUND', 'No such resource.'));
    }
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
