import { execa } from 'execa';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// A clean environment: under `make test`, the outer make's flags would leak in.
const env = { MAKEFLAGS: '', MAKELEVEL: '', MFLAGS: '' };
const make = (...args: string[]) => execa('make', ['--no-print-directory', ...args], { env });

describe('the Makefile', () => {
  it('follows the conventions: make, make test, make watch, make clean, make help', async () => {
    const help = await make('-s', 'help');
    expect(help.stdout.split('\n').map((line) => line.split('\t')[0])).toEqual(
      expect.arrayContaining(['all', 'test', 'watch', 'clean', 'help']),
    );
    const watch = await make('-n', 'watch');
    expect(watch.stdout).toMatch(/^env -u NODE_EXTRA_CA_CERTS node dist\/bin\/mdcv\.js watch resume\.md --out out$/m);
  });

  it('builds every cover letter here (a Markdown file with `resume:`) beside the resume, again when the resume changes', async () => {
    for (const changed of ['letter.md', 'resume.md']) {
      const dry = await make('-n', '-W', changed, 'all');
      expect(dry.stdout, changed).toMatch(
        /^env -u NODE_EXTRA_CA_CERTS node dist\/bin\/mdcv\.js build letter\.md --out out --format pdf,html,tex,txt,docx$/m,
      );
    }
    // The README shows a letter's frontmatter in its text: no letter of its own.
    expect((await make('-n', '-W', 'README.md', 'all')).stdout).not.toMatch(/build README\.md/);
  });

  it('installs what every resume the tests build needs, the corpus too, on a fresh machine', async () => {
    const tools = await make('-n', 'test-tools');
    const needs = /doctor --needs (.*?) \|/.exec(tools.stdout)?.[1]?.split(' ') ?? [];
    const built = [...readdirSync('tests/fixtures/scripts'), ...readdirSync('tests/fixtures/corpus')].length;
    expect(needs).toEqual(
      expect.arrayContaining(['resume.md', 'tests/fixtures/scripts/chinese.md', 'tests/fixtures/corpus/chinese.md']),
    );
    expect(needs).toHaveLength(built + 1);
  });
});
