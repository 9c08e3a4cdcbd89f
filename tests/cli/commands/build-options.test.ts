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
    tagged = await mdcv(['build', 'cv.md', '--out', 'tagged', '--format', 'txt', '--tag', 'frontend', '-t', 'unused'], { cwd: dir });
  });

  it('writes NAME-variant files beside the full resume', () => {
    expect(all.exitCode, all.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'all')).sort()).toEqual(['cv-backend.html', 'cv-backend.tex', 'cv-backend.txt', 'cv.html', 'cv.tex', 'cv.txt']);
    expect(read('all/cv.txt')).toContain('Made its UI.');
    expect(read('all/cv-backend.txt')).toContain('Wrote the scheduler.');
    expect(read('all/cv-backend.txt')).not.toMatch(/Made its UI|Website/);
  });

  it('never prints the tags', () => {
    for (const file of readdirSync(path.join(dir, 'all'))) expect(read(`all/${file}`), file).not.toMatch(/backend|distributed|frontend/);
  });

  it('with --tag, keeps the untagged and the chosen, and warns of a tag nothing carries', () => {
    expect(tagged.exitCode).toBe(0);
    expect(readdirSync(path.join(dir, 'tagged'))).toEqual(['cv.txt']);
    expect(read('tagged/cv.txt')).toContain('Website');
    expect(read('tagged/cv.txt')).not.toContain('Scheduler');
    expect(tagged.stderr).toContain('cv.md: warning: no entry, role or item is tagged `{.unused}`');
  });
});
