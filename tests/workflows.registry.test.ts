import { execa, type ResultPromise } from 'execa';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, tempDir } from './support/cli.js';
import { pdfText } from './support/pdf.js';

// A clean environment: under `make test`, the outer make's flags would leak in.
const MAKE_ENV = { MAKEFLAGS: '', MAKELEVEL: '', MFLAGS: '' };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function until(check: () => Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  for (const start = Date.now(); !(await check().catch(() => false)); await new Promise((r) => setTimeout(r, 200))) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
  }
}

/**
 * What a release makes possible, end to end: the packed package is published to a real
 * registry (verdaccio, on 127.0.0.1, passing other packages through from the usual one),
 * and the `run:` steps of the workflow `mdcv init` writes build the resume in a clean
 * folder against it, as a GitHub runner would: `npm install` once (the person's lock file),
 * then `npm ci`, the TeX step and `make`. The runner's `sudo apt-get` is the one part
 * played here: it checks that what the step asks for is what is installed (dpkg), and
 * downloads nothing.
 */
describe('a published mdcv, and the workflow mdcv init writes', () => {
  const home = tempDir('registry-home');
  const project = tempDir('registry-project');
  const shims = path.join(home, 'bin');
  let registry: ResultPromise;
  let url: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    const upstream = (await execa('npm', ['config', 'get', 'registry'])).stdout.trim();
    const port = await freePort();
    url = `http://127.0.0.1:${port}/`;
    const config = path.join(home, 'verdaccio.yaml');
    writeFileSync(
      config,
      [
        `storage: ${path.join(home, 'storage')}`,
        'auth:',
        `  htpasswd: { file: ${path.join(home, 'htpasswd')}, max_users: 1 }`,
        `uplinks:`,
        `  upstream: { url: '${upstream}' }`,
        'packages:',
        "  'mdcv': { access: $all, publish: $authenticated }",
        "  '**': { access: $all, proxy: upstream }",
        'log: { type: stdout, format: pretty, level: warn }',
      ].join('\n'),
    );
    registry = execa(
      'node',
      ['node_modules/verdaccio/bin/verdaccio', '--config', config, '--listen', `127.0.0.1:${port}`],
      { reject: false, stdin: 'ignore', env: { NODE_EXTRA_CA_CERTS: process.env.MDCV_TEST_CA_CERTS } },
    );
    await until(async () => (await fetch(`${url}-/ping`)).ok, 'the registry');

    const user = await fetch(`${url}-/user/org.couchdb.user:mdcv`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'mdcv', password: 'mdcv-test-only' }),
    });
    const { token } = (await user.json()) as { token: string };
    const npmrc = path.join(home, '.npmrc');
    writeFileSync(npmrc, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`);

    // A runner's `sudo`: checks `apt-get install`'s packages are installed, and runs the rest.
    mkdirSync(shims);
    writeFileSync(
      path.join(shims, 'sudo'),
      '#!/usr/bin/env bash\nif [ "$1" = apt-get ]; then\n  [[ " $* " == *" install "* ]] || exit 0\n' +
        '  for p in "$@"; do case $p in apt-get|install|-*|Dir::*) ;; *) dpkg -s "$p" >/dev/null || exit 1 ;; esac; done\n  exit 0\nfi\nexec "$@"\n',
    );
    chmodSync(path.join(shims, 'sudo'), 0o755);
    // The usual npm cache: packages are found there by their integrity hash, whichever registry named them.
    const cache = (await execa('npm', ['config', 'get', 'cache'])).stdout.trim();
    env = {
      ...MAKE_ENV,
      HOME: home,
      USER: 'root',
      NPM_CONFIG_USERCONFIG: npmrc,
      NPM_CONFIG_CACHE: cache,
      PATH: `${shims}${path.delimiter}${process.env.PATH}`,
    };

    const packed = tempDir('registry-pack');
    await execa('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packed]);
    const tarball = path.join(packed, readdirSync(packed)[0]!);
    const publish = await execa('npm', ['publish', tarball], { env, reject: false });
    expect(publish.exitCode, publish.stderr).toBe(0);
  }, 400_000);

  afterAll(() => {
    registry?.kill();
  });

  it('installs the version the project pins, and the workflow builds the resume', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const info = (await (await fetch(`${url}mdcv`)).json()) as { 'dist-tags': { latest: string } };
    expect(info['dist-tags'].latest).toBe(version);

    expect((await execa('node', [CLI, 'init', '-q'], { cwd: project })).exitCode).toBe(0);
    // What the person does once, and commits: the lock file.
    const install = await execa('npm', ['install', '--no-audit', '--no-fund'], { cwd: project, env, reject: false });
    expect(install.exitCode, install.stderr).toBe(0);
    const lock = JSON.parse(readFileSync(path.join(project, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version: string; integrity: string }>;
    };
    expect(lock.packages['node_modules/mdcv']).toMatchObject({ version, integrity: expect.stringMatching(/^sha512-/) });

    const ci = parse(readFileSync(path.join(project, '.github/workflows/ci.yml'), 'utf8')) as {
      jobs: { build: { steps: { run?: string }[] } };
    };
    const runs = ci.jobs.build.steps.flatMap((s) => (s.run ? [s.run] : []));
    expect(runs.length).toBeGreaterThanOrEqual(3);
    for (const run of runs) {
      const step = await execa('bash', ['-eo', 'pipefail', '-c', run], { cwd: project, env, reject: false });
      expect(step.exitCode, `${run}\n${step.stdout}\n${step.stderr}`).toBe(0);
    }
    expect(existsSync(path.join(project, 'node_modules/.bin/mdcv'))).toBe(true);
    expect(pdfText(path.join(project, 'out/resume.pdf'))).toContain('Your Name');
  }, 400_000);
});
