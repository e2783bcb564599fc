#!/usr/bin/env node
// A static file server for the built demo, with no dependencies.
//
//   node scripts/serve.mjs [folder] [--isolated]
//   PORT=8080 node scripts/serve.mjs apps/demo/dist
//
// Listens on 127.0.0.1 only. Serves folder/index.html for directories
// (`/resnet` redirects to `/resnet/`, query kept), `Cache-Control:
// no-cache` on everything, and with --isolated the COOP/COEP headers that
// make the page cross-origin isolated, which onnxruntime-web needs before it
// will use WebAssembly threads. The e2e tests and the benchmark import
// startServer() instead of spawning this file.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.ort': 'application/octet-stream',
  '.bin': 'application/octet-stream',
  '.npy': 'application/octet-stream',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.pfm': 'application/octet-stream',
  '.woff2': 'font/woff2',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
};

const NOT_FOUND_PAGE = `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Not found</title>
<body><h1>404: not found</h1><p><a href="/">Model Walkthroughs</a></p></body>
</html>
`;

/**
 * Starts the server.
 * @param {object} [options]
 * @param {string} [options.root] folder to serve (default apps/demo/dist)
 * @param {number} [options.port] first port to try; 0 picks a free one.
 *   When the port is taken, the next ones are tried (up to 20).
 * @param {boolean} [options.isolated] add COOP/COEP headers
 * @param {boolean} [options.quiet] no request errors on stderr
 * @returns {Promise<{ url: string, port: number, root: string,
 *   close: () => Promise<void> }>} url ends with `/`
 */
export async function startServer({
  root = 'apps/demo/dist',
  port = Number(process.env.PORT ?? 4173),
  isolated = false,
  quiet = false,
} = {}) {
  const rootDir = resolve(root);
  const rootInfo = await stat(rootDir).catch(() => null);
  if (!rootInfo?.isDirectory()) {
    throw new Error(`serve: ${rootDir} is not a folder (build the demo first: npm run build)`);
  }

  const server = createServer((req, res) => {
    handle(req, res, rootDir, isolated).catch((error) => {
      if (!quiet) console.error(`serve: ${req.url}: ${error.message}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('500: internal error\n');
    });
  });

  const listening = await listen(server, port);
  const url = `http://127.0.0.1:${listening}/`;
  return {
    url,
    port: listening,
    root: rootDir,
    close: () => new Promise((done) => {
      server.close(() => done());
      server.closeAllConnections?.();
    }),
  };
}

async function listen(server, port) {
  const attempts = port === 0 ? 1 : 20;
  for (let i = 0; i < attempts; i += 1) {
    try {
      await new Promise((done, fail) => {
        const onError = (error) => {
          server.off('listening', onListening);
          fail(error);
        };
        const onListening = () => {
          server.off('error', onError);
          done();
        };
        server.once('error', onError);
        server.once('listening', onListening);
        server.listen(port + i, '127.0.0.1');
      });
      return server.address().port;
    } catch (error) {
      if (error.code !== 'EADDRINUSE' || i === attempts - 1) throw error;
    }
  }
  throw new Error('serve: no free port');
}

async function handle(req, res, rootDir, isolated) {
  const headers = { 'Cache-Control': 'no-cache' };
  if (isolated) {
    headers['Cross-Origin-Opener-Policy'] = 'same-origin';
    headers['Cross-Origin-Embedder-Policy'] = 'require-corp';
    // cross-origin: an isolated page elsewhere may embed our pages and files.
    headers['Cross-Origin-Resource-Policy'] = 'cross-origin';
  }

  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain' });
    res.end('405: method not allowed\n');
    return;
  }

  const url = new URL(req.url, 'http://x');
  const file = await findFile(rootDir, url.pathname);
  if (file?.redirect) {
    // A folder without its slash: the demo's pages load their assets by
    // relative URLs (Vite base './'), which resolve from the folder only
    // with the slash. The query, the figure's attributes, is kept.
    res.writeHead(301, { ...headers, Location: `${url.pathname}/${url.search}` });
    res.end();
    return;
  }
  if (!file) {
    const page404 = await findFile(rootDir, '/404.html');
    res.writeHead(404, { ...headers, 'Content-Type': MIME_TYPES['.html'] });
    if (req.method === 'HEAD') res.end();
    else if (page404) createReadStream(page404.path).pipe(res);
    else res.end(NOT_FOUND_PAGE);
    return;
  }

  const type = MIME_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, {
    ...headers,
    'Content-Type': type,
    'Content-Length': file.size,
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file.path).pipe(res);
}

/**
 * Maps a URL path to a file under rootDir, or null. Never leaves rootDir:
 * the decoded path is resolved and must stay inside it.
 */
async function findFile(rootDir, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;

  const target = resolve(rootDir, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  if (target !== rootDir && !target.startsWith(rootDir + sep)) return null;

  const info = await stat(target).catch(() => null);
  if (info?.isFile()) return { path: target, size: info.size };

  if (info?.isDirectory()) {
    const index = join(target, 'index.html');
    const indexInfo = await stat(index).catch(() => null);
    if (!indexInfo?.isFile()) return null;
    if (!decoded.endsWith('/')) return { redirect: true };
    return { path: index, size: indexInfo.size };
  }

  // `/embed/skip-connection` without a folder: try the .html file.
  if (!info && !decoded.endsWith('/') && !extname(decoded)) {
    const html = `${target}.html`;
    const htmlInfo = await stat(html).catch(() => null);
    if (htmlInfo?.isFile()) return { path: html, size: htmlInfo.size };
  }
  return null;
}

function parseArgs(argv) {
  const options = { root: 'apps/demo/dist', isolated: false };
  for (const arg of argv) {
    if (arg === '--isolated') options.isolated = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg.startsWith('--')) throw new Error(`serve: unknown option ${arg}`);
    else options.root = arg;
  }
  return options;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log('usage: node scripts/serve.mjs [folder] [--isolated]   (PORT=4173)');
  } else {
    try {
      const { url } = await startServer(options);
      console.log(`Model Walkthroughs demo: ${url}`);
      if (options.isolated) console.log('cross-origin isolated (COOP/COEP): threads enabled');
    } catch (error) {
      console.error(error.message);
      process.exit(1);
    }
  }
}
