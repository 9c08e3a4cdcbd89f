import { execa } from 'execa';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';

/**
 * The worker is a file of the built library (dist/parse/parse-worker.js): run from the TypeScript sources, as the
 * rest of the tests are, there is none to start, so these run the built modules in a Node process of their own.
 * What the worker's memory cap stops is tested on the command (tests/parse/markdown.test.ts).
 */
const DIST = path.join(import.meta.dirname, '../../dist/parse');

/** Runs `script`, an ES module that has `source` and the built `parseResumeBounded`: what it prints, as JSON. */
async function inNode(script: string, source: string): Promise<unknown> {
  const dir = tempDir('bounded');
  writeFileSync(path.join(dir, 'resume.md'), source);
  const preamble = [
    "const source = (await import('node:fs')).readFileSync('resume.md', 'utf8');",
    `const { parseResumeBounded, WORKER_FROM } = await import(${JSON.stringify(`file://${DIST}/bounded.js`)});`,
    `const { parseResume } = await import(${JSON.stringify(`file://${DIST}/index.js`)});`,
  ];
  writeFileSync(path.join(dir, 'run.mjs'), [...preamble, script].join('\n'));
  const run = await execa('node', ['run.mjs'], { cwd: dir });
  return JSON.parse(run.stdout);
}

const sections = Array.from({ length: 2000 }, (_, i) => `## Topic ${i}\n\nDid *thing* number ${i}.\n\n`).join('');
const LONG = `---\nname: Ada Lovelace\n---\n\n${sections}`;

describe('parsing a long resume in a worker', () => {
  it('gives what parsing it here gives', { timeout: 120_000 }, async () => {
    const script = `
      if (source.length < WORKER_FROM) throw new Error('too short for the worker');
      let workers = 0;
      process.on('worker', () => workers++);
      const bounded = await parseResumeBounded(source, 'resume.md');
      console.log(JSON.stringify([bounded, parseResume(source, 'resume.md'), workers]));`;
    const [bounded, here, workers] = (await inNode(script, LONG)) as [unknown, unknown, number];
    expect(workers).toBe(1);
    expect(bounded).toEqual(here);
    expect(JSON.stringify(bounded)).toContain('Topic 1999');
  });

  it(
    "keeps the build's clock: a parse already past its timeout stops before its first part",
    { timeout: 120_000 },
    async () => {
      const script = `
      const budget = { since: performance.now() - 5000, timeout: 1000 };
      console.log(JSON.stringify(await parseResumeBounded(source, 'resume.md', budget)));`;
      const result = (await inNode(script, LONG)) as { resume?: unknown; diagnostics: unknown[] };
      expect(result.resume).toBeUndefined();
      expect(result.diagnostics).toMatchObject([
        { line: 1, message: expect.stringContaining("the build's timeout (1 s)") },
      ]);
    },
  );
});
