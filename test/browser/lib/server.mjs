// A tiny static file server on 127.0.0.1 with an ephemeral port, enough to
// serve a built Hugo site (directories map to index.html, unknown paths to
// the site's 404.html with status 404).
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.js': 'text/javascript; charset=utf-8',
};

async function resolve(root, urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  const file = path.join(root, path.normalize(rel));
  if (!file.startsWith(root)) return null;
  for (const candidate of [file, path.join(file, 'index.html')]) {
    try {
      if ((await fs.stat(candidate)).isFile()) return candidate;
    } catch { /* try the next */ }
  }
  return null;
}

// serve starts the server; it resolves to { url, close }.
export async function serve(root) {
  root = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    const file = await resolve(root, req.url);
    if (!file) {
      res.writeHead(404, { 'content-type': types['.html'] });
      res.end(await fs.readFile(path.join(root, '404.html')).catch(() => 'not found'));
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    res.end(await fs.readFile(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
