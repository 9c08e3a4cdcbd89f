import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ejectTheme } from '../../../src/render/eject.js';
import { loadTheme, ThemeError } from '../../../src/render/index.js';
import { tempDir } from '../../support/cli.js';

/** A theme folder of its own, with this theme.yaml. */
function userTheme(yaml: string): string {
  const dir = path.join(tempDir('docx-theme'), 'theme');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'theme.yaml'), yaml);
  return dir;
}

describe('the Word look, from theme.yaml', () => {
  it("is classic's under a theme that extends it, with what the theme changes", async () => {
    const modern = (await loadTheme('modern', '/')).docx;
    const classic = (await loadTheme('classic', '/')).docx;
    expect(modern.fonts).toEqual(classic.fonts);
    expect(modern.photo).toEqual({ side: 'right', width: 2.1 });
    // A part a theme names keeps the keys it does not set.
    expect(modern.section).toEqual({
      ...classic.section,
      before: 13,
      after: 4,
      rule: { weight: 0.6, color: '8FC1C6', gap: 2 },
    });
  });

  it("is ejected whole; a theme that extends no built-in one has classic's under its own", async () => {
    const dir = path.join(tempDir('docx-eject'), 'mine');
    await ejectTheme('modern', dir);
    expect((await loadTheme(dir, '/')).docx).toEqual((await loadTheme('modern', '/')).docx);
    writeFileSync(path.join(dir, 'theme.yaml'), 'description: mine\ndocx:\n  name: { color: "AA0000" }\n');
    const look = (await loadTheme(dir, '/')).docx;
    expect(look.name).toEqual({ ...(await loadTheme('classic', '/')).docx.name, color: 'AA0000' });
    expect(look.fonts.charter).toBe('Cambria');
  });

  it('refuses a `docx:` value it does not know, naming the key and the file', async () => {
    const dir = userTheme('extends: classic\ndocx:\n  section: { colour: accent }\n');
    const error = await loadTheme(dir, '/').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThemeError);
    expect((error as ThemeError).message).toMatch(/^theme\.yaml: `docx\.section`: Unrecognized key: "colour"/);
    expect((error as ThemeError).file).toBe(path.join(dir, 'theme.yaml'));
    const size = await loadTheme(userTheme('extends: classic\ndocx:\n  name: { size: big }\n'), '/').catch(
      (e: unknown) => e,
    );
    expect((size as ThemeError).message).toMatch(/^theme\.yaml: `docx\.name\.size`: /);
    const font = await loadTheme(
      userTheme('extends: classic\ndocx:\n  fonts: { charter: "Cam\\u0001bria" }\n'),
      '/',
    ).catch((e: unknown) => e);
    expect((font as ThemeError).message).toBe('theme.yaml: `docx.fonts.charter`: must be a font name such as Cambria');
  });
});
