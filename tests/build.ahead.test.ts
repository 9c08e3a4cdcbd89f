import { appendFileSync, cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import type { BuildOptions } from '../src/model/build.js';
import { tempDir } from './support/cli.js';
import { pdfText } from './support/pdf.js';
import { seenWhile } from './support/processes.js';

/**
 * A build guesses its engine and format from the last one and starts it first: every guess, right or wrong, gives the
 * right PDF.
 */
describe('a build with its engine started ahead', () => {
  const src = tempDir('ahead');
  const file = path.join(src, 'resume.md');
  const cacheDir = tempDir('ahead-cache');
  const options: BuildOptions = { file, outDir: path.join(src, 'out'), cacheDir, formats: ['pdf'] };
  writeFileSync(file, readFileSync('resume.md', 'utf8'));
  cpSync('photo.png', path.join(src, 'photo.png'));
  const stampFile = () => path.join(cacheDir, 'stamps', readdirSync(path.join(cacheDir, 'stamps'))[0]!);
  const builtWith = async (line: string, extra: Partial<BuildOptions> = {}) => {
    appendFileSync(file, `\n${line}\n`);
    const result = await build({ ...options, ...extra });
    expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
    return pdfText(result.outputs.pdf!).replace(/\s+/g, ' ');
  };

  it('records the engine and format it ran, and the next build starts on them', async () => {
    await builtWith('First build.');
    const { engine } = JSON.parse(readFileSync(stampFile(), 'utf8')) as { engine: { engine: string; format: string } };
    expect(engine.engine).toBe('pdflatex');
    expect(readdirSync(path.join(cacheDir, 'formats'))).toContain(`${path.basename(engine.format)}.fmt`);
    // The engine is started on a file that is not there yet (TeX then asks for its name), on this cache's format.
    const { result: warm, seen } = await seenWhile(['mdcv-standby-start', engine.format], () =>
      builtWith('Second build, on the waiting engine.'),
    );
    expect(seen.size).toBeGreaterThan(0);
    expect(warm).toContain('Second build, on the waiting engine.');
    // The same text as a build from scratch: the format, the sections kept and the engine started ahead change nothing.
    const cold = await build({ ...options, outDir: path.join(src, 'cold'), cache: false });
    expect(pdfText(cold.outputs.pdf!).replace(/\s+/g, ' ')).toBe(warm);
  });

  it('gets it right when the guess is wrong: another theme, a format gone, no cache', async () => {
    expect(await builtWith('In another theme.', { theme: 'modern' })).toContain('In another theme.');
    const stamp = readFileSync(stampFile(), 'utf8');
    writeFileSync(
      stampFile(),
      stamp.replace(/"format":"[^"]*"/, `"format":"${path.join(cacheDir, 'formats', 'gone')}"`),
    );
    expect(await builtWith('With its format gone.', { theme: 'modern' })).toContain('With its format gone.');
    expect(await builtWith('Without a cache.', { cache: false })).toContain('Without a cache.');
  });

  it('typesets a file whose name has a space on the waiting engine, and keeps trusting the format', async () => {
    const spaced = path.join(src, 'my resume.md');
    cpSync(file, spaced);
    const spacedOptions: BuildOptions = { ...options, file: spaced, cacheDir: tempDir('ahead-space-cache') };
    expect((await build(spacedOptions)).ok).toBe(true);
    appendFileSync(spaced, '\nEdited with a space in the name.\n');
    const { result: again, seen } = await seenWhile(['mdcv-standby-start', spacedOptions.cacheDir!], () =>
      build(spacedOptions),
    );
    expect(seen.size).toBeGreaterThan(0);
    expect(again.ok, JSON.stringify(again.diagnostics)).toBe(true);
    expect(pdfText(again.outputs.pdf!).replace(/\s+/g, ' ')).toContain('Edited with a space in the name.');
    const formats = path.join(spacedOptions.cacheDir!, 'formats');
    const metas = readdirSync(formats).filter((f) => f.endsWith('.json'));
    expect(metas.map((f) => JSON.parse(readFileSync(path.join(formats, f), 'utf8')).usable)).toEqual([true]);
  });

  it('needs XeLaTeX where it guessed pdflatex (no cache)', async () => {
    const chinese = path.join(src, 'chinese.md');
    cpSync('tests/fixtures/scripts/chinese.md', chinese);
    const result = await build({ file: chinese, outDir: path.join(src, 'out'), cache: false, formats: ['pdf'] });
    expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
    expect(pdfText(result.outputs.pdf!).replace(/\s+/g, '')).toContain('至今');
  });
});
