// Serving a folder on 127.0.0.1: scripts/serve.mjs when the repository has
// it (the same server `npm start` uses), otherwise a minimal one here.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
};

async function fallbackServer(root) {
  const rootDir = resolve(root);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = resolve(rootDir, `.${path}`);
    if (file !== rootDir && !file.startsWith(rootDir + sep)) return void res.writeHead(404).end();
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      if (!path.endsWith('/')) return void res.writeHead(301, { Location: `${path}/` }).end();
      file = join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404\n');
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise((done, fail) => server.once('error', fail).listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections?.();
      }),
  };
}

/**
 * { url, origin (no trailing slash), close(), via } on a free port;
 * `isolated` adds COOP/COEP (null when only the fallback server is there).
 */
export async function startStaticServer({ root, isolated = false }) {
  let server;
  let via = 'scripts/serve.mjs';
  try {
    const { startServer } = await import('../../scripts/serve.mjs');
    server = await startServer({ root, port: 0, isolated, quiet: true });
  } catch (error) {
    if (error.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    if (isolated) return null; // the fallback sends no COOP/COEP headers
    via = 'bench/lib/server.mjs (scripts/serve.mjs not found)';
    server = await fallbackServer(root);
  }
  return { url: server.url, origin: server.url.replace(/\/$/, ''), close: server.close, via };
}
