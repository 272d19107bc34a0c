import { z } from 'zod';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { message, negotiateLanguage, type Lang, type MessageKey } from '../i18n/messages.js';

/** An error a service throws to answer with a given status and problem document. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly titleKey: MessageKey,
    readonly detailKey: MessageKey,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detailKey);
  }
}

/** 404 for a record that does not exist or that the caller may not see. */
export const notFound = (detailKey: MessageKey = 'problem.not_found.detail') =>
  new ProblemError(404, 'problem.not_found.title', detailKey);

/** 409 for a write that conflicts with the current state. */
export const conflict = (detailKey: MessageKey) => new ProblemError(409, 'problem.conflict.title', detailKey);

/** 422 for a request that is well-formed but refers to things that do not exist. */
export const unprocessable = (detailKey: MessageKey, field: string) =>
  new ProblemError(422, 'problem.validation.title', detailKey, { errors: [{ field, code: 'unknown_reference' }] });

const ZProblem = z
  .object({ type: z.string(), title: z.string(), status: z.number(), detail: z.string(), requestId: z.string() })
  .loose()
  .describe('RFC 9457 problem document, in Greek or English by Accept-Language');

/** Response schemas of the given error statuses, for a route's OpenAPI description. */
export function problemResponses(...statuses: number[]): Record<number, typeof ZProblem> {
  return Object.fromEntries(statuses.map((s) => [s, ZProblem]));
}

/** An RFC 9457 problem document; `type` is a stable URN per kind of problem. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId: string;
  [extra: string]: unknown;
}

function send(
  reply: FastifyReply,
  req: FastifyRequest,
  status: number,
  type: string,
  titleKey: MessageKey,
  detailKey: MessageKey,
  extra: Record<string, unknown> = {},
) {
  const lang: Lang = negotiateLanguage(req.headers['accept-language']);
  const body: Problem = {
    type: `urn:merimna:problem:${type}`,
    title: message(titleKey, lang),
    status,
    detail: message(detailKey, lang),
    requestId: req.id,
    ...extra,
  };
  return reply.code(status).header('content-language', lang).type('application/problem+json; charset=utf-8').send(body);
}

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: PropertyKey[]; code?: string; message?: string } };
}

/** Lists the fields that failed validation without echoing their values (they may be personal data). */
function validationErrors(err: FastifyError): { field: string; code: string; message: string }[] {
  const issues = (err.validation ?? []) as ValidationIssue[];
  const context = err.validationContext ?? 'body';
  const where = context === 'querystring' ? 'query' : context;
  return issues.map((i) => {
    const zodPath = i.params?.issue?.path;
    const field = zodPath ? zodPath.map(String).join('.') : (i.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    return {
      field: `${where}${field ? '.' + field : ''}`,
      code: i.params?.issue?.code ?? 'invalid',
      message: i.params?.issue?.message ?? i.message ?? '',
    };
  });
}

/** The SQLSTATE of a database error, also when the ORM wrapped it. */
function postgresErrorCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** Whether an error is a unique-key violation (SQLSTATE 23505), also when the ORM wrapped it. */
export function isUniqueViolation(err: unknown): boolean {
  return postgresErrorCode(err) === '23505';
}

/** Installs the error and not-found handlers that answer every failure as problem+json. */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof ProblemError) {
      if (err.status === 429 && typeof err.extra.retryAfter === 'number')
        void reply.header('retry-after', String(err.extra.retryAfter));
      const type = err.detailKey.replace(/^problem\./, '').replace(/\.detail$/, '');
      return send(reply, req, err.status, type, err.titleKey, err.detailKey, err.extra);
    }
    if (hasZodFastifySchemaValidationErrors(err) || err.validation) {
      return send(reply, req, 400, 'validation', 'problem.validation.title', 'problem.validation.detail', {
        errors: validationErrors(err),
      });
    }
    const sqlState = postgresErrorCode(err);
    if (sqlState === '23505') return send(reply, req, 409, 'conflict', 'problem.conflict.title', 'problem.slug_taken.detail');
    if (sqlState === '23503' || sqlState === '23514') {
      return send(reply, req, 422, 'validation', 'problem.validation.title', 'problem.validation.detail', { errors: [] });
    }
    switch (err.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, req, 400, 'bad-json', 'problem.bad_request.title', 'problem.bad_json.detail');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, req, 413, 'too-large', 'problem.too_large.title', 'problem.too_large.detail');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send(
          reply,
          req,
          415,
          'unsupported-media-type',
          'problem.unsupported_media.title',
          'problem.unsupported_media.detail',
        );
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Another client error from Fastify or a plugin (e.g. a bad URL encoding).
      return send(reply, req, status, 'bad-request', 'problem.bad_request.title', 'problem.validation.detail');
    }
    // The ORM puts the query's parameters into its messages: they may be personal data.
    const safeMessage = err.message.replace(/params:[\s\S]*$/, 'params: [redacted]');
    req.log.error({ err: { type: err.name, code: err.code ?? sqlState, message: safeMessage } }, 'unhandled error');
    return send(reply, req, 500, 'internal', 'problem.internal.title', 'problem.internal.detail');
  });
}

/** Answers an unknown API route as a problem document. */
export function sendNotFound(req: FastifyRequest, reply: FastifyReply) {
  return send(reply, req, 404, 'route-not-found', 'problem.not_found.title', 'problem.route_not_found.detail');
}

/** Answers 503 when the database is unreachable (readiness). */
export function sendUnavailable(req: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown>) {
  return send(reply, req, 503, 'unavailable', 'problem.unavailable.title', 'problem.unavailable.detail', extra);
}
