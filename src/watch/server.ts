import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { formatDiagnostic } from '../model/diagnostic.js';
import { previewPage } from './page.js';
import type { WatchBuild } from './rebuild.js';

export interface PreviewOptions {
  /** The folder the builds write to; its files are served by name. */
  outDir: string;
  /** The outputs' base name (`resume` for resume.md). */
  name: string;
  /** 0 picks a free port. */
  port: number;
  /** Fail when the port is taken, rather than pick a free one. */
  strictPort?: boolean;
}

export interface PreviewServer {
  url: string;
  /** Tells every open preview about a build; a new one makes them reload. */
  publish(build: WatchBuild): void;
  close(): Promise<void>;
}

/** What a preview page is told of a build. */
interface BuildEvent {
  version: number;
  ok: boolean;
  /** The problems, one `FILE:LINE:COL: severity: message` line each. */
  problems: string[];
}

const TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.html': 'text/html; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.tex': 'text/plain; charset=utf-8',
};

/**
 * The live preview on 127.0.0.1: `/` shows the HTML and the PDF side by side
 * and reloads them by itself when a build writes new ones (server-sent events
 * on `/events`); a failed build shows its problems over the last good preview.
 * Only the output folder's files are served, by name.
 */
export async function servePreview(options: PreviewOptions): Promise<PreviewServer> {
  const clients = new Set<ServerResponse>();
  let last: BuildEvent | undefined;
  const send = (client: ServerResponse, event: BuildEvent): void =>
    void client.write(`event: build\ndata: ${JSON.stringify(event)}\n\n`);

  let hosts = new Set<string>();
  const server = createServer((request, response) => {
    // A page on another site may reach this port through DNS rebinding: its requests name that site's host.
    if (!hosts.has(request.headers.host?.toLowerCase() ?? '')) {
      return reply(response, 421, 'text/plain', 'this preview answers only to 127.0.0.1, localhost and [::1]\n');
    }
    const pathname = pathOf(request.url ?? '/');
    if (pathname === undefined) return reply(response, 400, 'text/plain', 'bad request\n');
    if (pathname === '/') return reply(response, 200, 'text/html; charset=utf-8', previewPage(options.name));
    if (pathname === '/events') {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      clients.add(response);
      request.on('close', () => clients.delete(response));
      if (last) send(response, last);
      return;
    }
    const name = pathname.slice(1);
    const type = TYPES[path.extname(name)];
    if (!type || !/^[\w][\w.-]*$/.test(name)) return reply(response, 404, 'text/plain', 'not found\n');
    readFile(path.join(options.outDir, name)).then(
      (bytes) => reply(response, 200, type, bytes),
      () => reply(response, 404, 'text/plain', 'not built yet\n'),
    );
  });
  await listen(server, options.port).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE' || options.strictPort) throw error;
    return listen(server, 0);
  });
  const { port } = server.address() as AddressInfo;
  hosts = new Set(['127.0.0.1', 'localhost', '[::1]'].map((host) => `${host}:${port}`));
  return {
    url: `http://127.0.0.1:${port}/`,
    publish({ version, result }) {
      const event = { version, ok: result.ok, problems: result.diagnostics.map(formatDiagnostic) };
      // An unchanged save has nothing new to show, unless it brings the problems of a failed build to an end.
      if (result.unchanged && last?.ok !== false) return;
      last = event;
      for (const client of clients) send(client, event);
    },
    close: () =>
      new Promise((resolve) => {
        for (const client of clients) client.end();
        server.close(() => resolve());
      }),
  };
}

/** The request's path, its escapes decoded; undefined when it is not a well-formed one (`/%ff`). */
function pathOf(requested: string): string | undefined {
  try {
    return decodeURIComponent(new URL(requested, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
}

function reply(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

/** Listens on 127.0.0.1 only: the preview is for this machine. */
function listen(server: ReturnType<typeof createServer>, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
