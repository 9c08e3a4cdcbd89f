import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

// A clean environment: under `make test`, the outer make's flags would leak in.
const env = { MAKEFLAGS: '', MAKELEVEL: '', MFLAGS: '' };
const make = (...args: string[]) => execa('make', ['--no-print-directory', ...args], { env });

describe('the Makefile', () => {
  it('follows the conventions: make, make test, make watch, make clean, make help', async () => {
    const help = await make('-s', 'help');
    expect(help.stdout.split('\n').map((line) => line.split('\t')[0])).toEqual(expect.arrayContaining(['all', 'test', 'watch', 'clean', 'help']));
    const watch = await make('-n', 'watch');
    expect(watch.stdout).toMatch(/^node dist\/bin\/mdcv\.js watch resume\.md --out out$/m);
  });
});
