import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mdcv, tempDir } from '../../support/cli.js';

const CV = `---
name: Ada Lovelace
variants:
  backend: [backend, distributed]
---

## Experience

### Scheduler | 2022 - 2025 {.backend}

- Wrote the scheduler. {.distributed}
- Made its UI. {.frontend}
- Kept the lights on.

### Website | 2020 {.frontend}

- Built it.
`;

describe('tailored variants', () => {
  const dir = tempDir('variants');
  const read = (name: string): string => readFileSync(path.join(dir, name), 'utf8');
  let all: Awaited<ReturnType<typeof mdcv>>;
  let tagged: Awaited<ReturnType<typeof mdcv>>;
  beforeAll(async () => {
    writeFileSync(path.join(dir, 'cv.md'), CV);
    all = await mdcv(['build', 'cv.md', '--out', 'all', '--format', 'txt,html,tex'], { cwd: dir });
    tagged = await mdcv(['build', 'cv.md', '--out', 'tagged', '--format', 'txt', '--tag', 'frontend', '-t', 'unused'], {
      cwd: dir,
    });
  });

  it('writes NAME-variant files beside the full resume', () => {
    expect(all.exitCode, all.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'all')).sort()).toEqual([
      'cv-backend.html',
      'cv-backend.tex',
      'cv-backend.txt',
      'cv.html',
      'cv.tex',
      'cv.txt',
    ]);
    expect(read('all/cv.txt')).toContain('Made its UI.');
    expect(read('all/cv-backend.txt')).toContain('Wrote the scheduler.');
    expect(read('all/cv-backend.txt')).not.toMatch(/Made its UI|Website/);
  });

  it('with --tag, writes NAME-TAG.* beside the full resume and never over it', async () => {
    const full = read('all/cv.txt');
    const backend = await mdcv(['build', 'cv.md', '--out', 'all', '--format', 'txt', '--tag', 'frontend'], {
      cwd: dir,
    });
    expect(backend.exitCode, backend.stderr).toBe(0);
    expect(backend.stdout.trim()).toBe(`wrote ${path.join('all', 'cv-frontend.txt')}`);
    expect(read('all/cv.txt')).toBe(full);
    expect(read('all/cv-frontend.txt')).toContain('Website');
    expect(read('all/cv-frontend.txt')).not.toContain('Scheduler');
    // The full resume's build is still the one its stamp knows: unchanged.
    const again = await mdcv(['build', 'cv.md', '--out', 'all', '--format', 'txt,html,tex'], { cwd: dir });
    expect(again.stdout).toMatch(/^unchanged /m);
  });

  it('refuses a tag that is not one, such as a path', async () => {
    const run = await mdcv(['build', 'cv.md', '--tag', '../x'], { cwd: dir });
    expect(run.exitCode).toBe(64);
    expect(run.stderr.trim()).toBe(
      "mdcv build: error: option '-t, --tag <name>' argument '../x' is invalid. a tag is letters, digits, `_` and `-`, as in {.backend}; got `../x` (see `mdcv build --help`)",
    );
  });

  it('never prints the tags', () => {
    for (const file of readdirSync(path.join(dir, 'all')))
      expect(read(`all/${file}`), file).not.toMatch(/backend|distributed|frontend/);
  });

  it('with --tag, keeps the untagged and the chosen, and warns of a tag nothing carries', () => {
    expect(tagged.exitCode).toBe(0);
    expect(readdirSync(path.join(dir, 'tagged'))).toEqual(['cv-frontend-unused.txt']);
    expect(read('tagged/cv-frontend-unused.txt')).toContain('Website');
    expect(read('tagged/cv-frontend-unused.txt')).not.toContain('Scheduler');
    expect(tagged.stderr).toContain('cv.md: warning: no entry, role or item is tagged `{.unused}`');
  });
});

describe('names people use', () => {
  it('--format json-resume is --format json, as `mdcv export --format` calls it', async () => {
    const dir = tempDir('json-resume');
    writeFileSync(path.join(dir, 'cv.md'), CV);
    const named = await mdcv(['build', 'cv.md', '--out', 'a', '--format', 'json-resume'], { cwd: dir });
    const short = await mdcv(['build', 'cv.md', '--out', 'b', '--format', 'json'], { cwd: dir });
    expect(named.exitCode, named.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'a')).sort()).toEqual(['cv-backend.json', 'cv.json']);
    expect(readFileSync(path.join(dir, 'a/cv.json'), 'utf8')).toBe(readFileSync(path.join(dir, 'b/cv.json'), 'utf8'));
    expect(short.exitCode).toBe(0);
  });

  it('a misspelt theme gets the nearest built-in, with a caret under it in the frontmatter', async () => {
    const dir = tempDir('theme-typo');
    writeFileSync(path.join(dir, 'cv.md'), CV.replace('name: Ada Lovelace\n', 'name: Ada Lovelace\ntheme: modrn\n'));
    const frontmatter = await mdcv(['build', 'cv.md', '--format', 'txt'], { cwd: dir });
    expect(frontmatter.exitCode).toBe(1);
    expect(frontmatter.stderr).toBe(
      'cv.md:3:8: error: no theme `modrn`; the built-in themes are classic, compact, modern (did you mean `modern`?)\n  theme: modrn\n         ^',
    );
    const option = await mdcv(['build', 'cv.md', '--format', 'txt', '--theme', 'clasic'], { cwd: dir });
    expect(option.exitCode).toBe(1);
    expect(option.stderr).toBe(
      'mdcv: error: no theme `clasic`; the built-in themes are classic, compact, modern (did you mean `classic`?)',
    );
    const far = await mdcv(['build', 'cv.md', '--format', 'txt', '--theme', 'elegant'], { cwd: dir });
    expect(far.stderr).not.toContain('did you mean');
  });
});
