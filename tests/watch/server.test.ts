import http from 'node:http';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePreview, type PreviewServer } from '../../src/watch/server.js';
import { tempDir } from '../support/cli.js';

/** The live preview, asked over real HTTP with the request line and Host header as written (as an attacker would). */
let server: PreviewServer;
let port: number;

beforeAll(async () => {
  const outDir = tempDir('preview');
  writeFileSync(path.join(outDir, 'resume.html'), '<p>the resume</p>');
  server = await servePreview({ outDir, name: 'resume', port: 0 });
  port = Number(new URL(server.url).port);
});
afterAll(() => server.close());

function get(target: string, host: string | undefined): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers = host === undefined ? {} : { host };
    const request = http.request(
      { host: '127.0.0.1', port, path: target, headers, setHost: host !== undefined },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode!, body }));
      },
    );
    request.on('error', reject);
    request.end();
  });
}

describe('the preview server', () => {
  it.each(['127.0.0.1', 'localhost', 'LOCALHOST', '[::1]'])('serves Host %s with its port', async (host) => {
    expect(await get('/resume.html', `${host}:${port}`)).toEqual({ status: 200, body: '<p>the resume</p>' });
  });

  it.each([
    ['another site (DNS rebinding)', () => `attacker.example:${port}`],
    ['a name that starts like ours', () => `127.0.0.1.attacker.example:${port}`],
    ['our name on another port', () => 'localhost:1'],
    ['our name without the port', () => 'localhost'],
  ])('refuses %s', async (_, host) => {
    for (const target of ['/', '/resume.html', '/events']) expect((await get(target, host())).status).toBe(421);
  });

  it('refuses a request with no Host at all (Node answers 400 before the preview sees it)', async () => {
    const answer = await get('/resume.html', undefined);
    expect([400, 421]).toContain(answer.status);
    expect(answer.body).not.toContain('the resume');
  });

  it.each(['/%ff', '/%', '/%E0%A4%A'])('answers a malformed path (%s) with 400, and keeps serving', async (target) => {
    expect((await get(target, `127.0.0.1:${port}`)).status).toBe(400);
    expect((await get('/resume.html', `127.0.0.1:${port}`)).status).toBe(200);
  });
});
