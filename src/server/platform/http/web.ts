import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendNotFound } from './problem.js';

const MACHINE_PREFIXES = ['/api/', '/hsds', '/open311', '/opendata', '/healthz', '/readyz', '/metrics'];

/**
 * Serves the built web entry points: the staff app under /app, the public portal everywhere else.
 * Unknown paths of a single-page app get its index.html; unknown machine paths get a 404 problem.
 */
export async function installWeb(app: FastifyInstance, webDir: string): Promise<void> {
  const hasWeb = fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      maxAge: '1h',
      setHeaders(res, file) {
        // Vite puts a content hash in asset names, so they can be cached for a year.
        if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
        else res.setHeader('cache-control', 'no-cache');
      },
    });
  }
  const page = (file: string) => (hasWeb && fs.existsSync(path.join(webDir, file)) ? file : null);
  const portal = page('index.html');
  const staff = page(path.join('app', 'index.html'));

  app.setNotFoundHandler((req: FastifyRequest, reply: FastifyReply) => {
    const url = req.url.split('?')[0] ?? '/';
    const isPage = (req.method === 'GET' || req.method === 'HEAD') && !MACHINE_PREFIXES.some((p) => url.startsWith(p));
    if (isPage && !/\.[a-z0-9]+$/i.test(url)) {
      const file = url === '/app' || url.startsWith('/app/') ? staff : portal;
      if (file) return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile(file);
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(
          'Το περιβάλλον ιστού δεν έχει χτιστεί: εκτελέστε npm run build.\nThe web interface is not built: run npm run build.\n',
        );
    }
    return sendNotFound(req, reply);
  });
}
