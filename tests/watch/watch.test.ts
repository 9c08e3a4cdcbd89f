import { execa, type ResultPromise } from 'execa';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { BUILTIN_THEMES_DIR } from '../../src/render/theme.js';
import { watchResume, type WatchBuild } from '../../src/watch/rebuild.js';
import { launchBrowser } from '../support/browser.js';
import { CLI, tempDir } from '../support/cli.js';
import { pdfText } from '../support/pdf.js';

interface BuildEvent {
  version: number;
  ok: boolean;
  problems: string[];
}

/** Reads the preview's server-sent events as they come. */
function listen(url: string): BuildEvent[] {
  const events: BuildEvent[] = [];
  http.get(`${url}events`, (response) => {
    let buffer = '';
    response.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const data = /^data: (.*)$/m.exec(buffer.slice(0, end))?.[1];
        if (data) events.push(JSON.parse(data) as BuildEvent);
        buffer = buffer.slice(end + 2);
      }
    });
  });
  return events;
}

async function until<T>(check: () => T | undefined, what: string, ms = 30_000): Promise<T> {
  for (const start = Date.now(); Date.now() - start < ms; await new Promise((r) => setTimeout(r, 20))) {
    const value = check();
    if (value !== undefined && value !== false) return value;
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('mdcv watch', () => {
  const dir = tempDir('watch');
  const file = path.join(dir, 'r.md');
  const pdf = path.join(dir, 'out', 'r.pdf');
  const seed = readFileSync('resume.md', 'utf8');
  let child: ResultPromise;
  let url: string;
  let events: BuildEvent[];
  let browser: Browser;
  let page: Page;
  const save = (text: string): void => writeFileSync(file, text);
  const latest = (): BuildEvent | undefined => events.at(-1);

  beforeAll(async () => {
    writeFileSync(file, seed);
    cpSync('photo.png', path.join(dir, 'photo.png'));
    child = execa('node', [CLI, 'watch', 'r.md', '--port', '0'], {
      cwd: dir,
      env: { MDCV_CACHE_DIR: tempDir('watch-cache') },
      reject: false,
      stdin: 'ignore',
    });
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    url = await until(() => /preview at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)?.[1], 'the preview URL');
    events = listen(url);
    await until(() => latest()?.version === 1, 'the first build');
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(url);
  });

  afterAll(async () => {
    await browser?.close();
    child?.kill();
  });

  it('serves the preview page, the HTML and the PDF, on 127.0.0.1 only', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    const [pageHtml, html, pdfBytes] = await Promise.all([fetch(url), fetch(`${url}r.html`), fetch(`${url}r.pdf`)]);
    expect(await pageHtml.text()).toContain('EventSource');
    expect(await html.text()).toContain('Your Name');
    expect(
      Buffer.from(await pdfBytes.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await fetch(`${url}..%2Fr.md`)).status).toBe(404);
  });

  it('updates the open page by itself after a save', async () => {
    await expect
      .poll(() => page.frameLocator('#html').locator('body').textContent(), { timeout: 10_000 })
      .toContain('Work on ExP team.');
    save(seed.replace('Work on ExP team.', 'Work on the Contoso team.'));
    await until(() => latest()?.version === 2, 'the build after the save');
    await expect
      .poll(() => page.frameLocator('#html').locator('body').textContent(), { timeout: 10_000 })
      .toContain('Work on the Contoso team.');
    expect(pdfText(pdf)).toContain('Work on the Contoso team.');
  });

  it('gives one build for a burst of saves', async () => {
    const before = events.length;
    for (let i = 1; i <= 5; i++) save(seed.replace('Work on ExP team.', `Work on team ${i}.`));
    await until(() => events.length > before, 'the build after the burst');
    // Long enough for any second build to have been announced.
    await new Promise((r) => setTimeout(r, 1500));
    expect(events.slice(before)).toEqual([{ version: 3, ok: true, problems: [] }]);
    expect(pdfText(pdf)).toContain('Work on team 5.');
  });

  it('waits out a save that empties the file for a moment (truncate, then write)', async () => {
    const before = events.length;
    save('');
    await new Promise((r) => setTimeout(r, 300));
    save(seed.replace('Work on ExP team.', 'Work on team 6.'));
    await until(() => events.length > before, 'the build after the write');
    await new Promise((r) => setTimeout(r, 1000));
    expect(events.slice(before)).toEqual([{ version: 4, ok: true, problems: [] }]);
  });

  it('shows the problems of a broken save and keeps the last good preview', async () => {
    const good = readFileSync(pdf);
    save(seed.replace('name: Your Name', 'name: Your Name\npaper: a5'));
    const failed = await until(() => (latest()?.ok === false ? latest() : undefined), 'the failed build');
    expect(failed.problems.join('\n')).toMatch(/^r\.md:\d+:\d+: error: .*paper/m);
    expect(readFileSync(pdf).equals(good)).toBe(true);
    await expect.poll(() => page.locator('#problems').textContent()).toContain('paper');
    expect(await page.frameLocator('#html').locator('body').textContent()).toContain('Work on team 6.');
  });

  it('writes the same PDF text as a build without any cache', async () => {
    save(seed.replace('Work on ExP team.', 'Work on the final team.'));
    await until(() => latest()?.ok === true && latest()!.version === 5, 'the build after the fix');
    await expect.poll(() => page.locator('#problems').isVisible()).toBe(false);
    const cold = await build({ file, outDir: path.join(dir, 'cold'), cache: false });
    expect(cold.ok).toBe(true);
    expect(pdfText(pdf)).toBe(pdfText(cold.outputs.pdf!));
  });
});

describe('watching what the resume is made of', () => {
  it('follows the theme folder and the photo a save names, without a build of its own to find them', async () => {
    const dir = tempDir('watch-follow');
    const file = path.join(dir, 'r.md');
    const html = path.join(dir, 'out', 'r.html');
    const seed = readFileSync('resume.md', 'utf8');
    cpSync(path.join(BUILTIN_THEMES_DIR, 'classic'), path.join(dir, 'mine'), { recursive: true });
    mkdirSync(path.join(dir, 'pics'));
    cpSync('photo.png', path.join(dir, 'pics', 'me.png'));
    writeFileSync(file, seed.replace('photo: photo.png', 'photo: pics/me.png\ntheme: ./mine'));
    const builds: WatchBuild[] = [];
    const watcher = watchResume(
      { file, outDir: path.join(dir, 'out'), formats: ['html'], cacheDir: tempDir('watch-follow-cache') },
      (b) => builds.push(b),
    );
    try {
      await until(() => builds.at(-1)?.version === 1, 'the first build');
      expect(builds[0]!.result.sources).toEqual({
        themes: [path.join(dir, 'mine')],
        photo: path.join(dir, 'pics', 'me.png'),
      });
      // A rule added to the theme's stylesheet, then another photo under the same name: each gives a build.
      writeFileSync(
        path.join(dir, 'mine', 'style.css'),
        `${readFileSync(path.join(dir, 'mine', 'style.css'), 'utf8')}\n.followed { color: red }\n`,
      );
      await until(() => readFileSync(html, 'utf8').includes('.followed') || undefined, 'the theme edit');
      const before = readFileSync(html, 'utf8');
      writeFileSync(
        path.join(dir, 'pics', 'me.png'),
        Buffer.concat([readFileSync('photo.png'), Buffer.from('more bytes')]),
      );
      await until(() => readFileSync(html, 'utf8') !== before || undefined, 'the new photo');
      expect(builds.every((b) => b.result.ok)).toBe(true);
    } finally {
      watcher.close();
    }
  });
});

describe('watching a cover letter', () => {
  it("builds it again when its resume is saved, with the resume's new header", async () => {
    const dir = tempDir('watch-letter');
    const resume = path.join(dir, 'resume.md');
    writeFileSync(resume, '---\nname: Ada Lovelace\nemail: ada@example.org\n---\n');
    writeFileSync(
      path.join(dir, 'letter.md'),
      '---\nresume: resume.md\nto: [Charles Babbage]\nsubject: Notes\n---\n\nDear Mr. Babbage,\n',
    );
    const builds: boolean[] = [];
    const watcher = watchResume(
      {
        file: path.join(dir, 'letter.md'),
        outDir: path.join(dir, 'out'),
        formats: ['txt'],
        cacheDir: tempDir('watch-letter-cache'),
      },
      (b) => builds.push(b.result.ok),
    );
    try {
      await until(() => builds.length === 1, 'the first build');
      // The watch follows the resume once the first build has read the letter.
      await new Promise((r) => setTimeout(r, 200));
      expect(builds.length).toBe(1);
      writeFileSync(resume, '---\nname: Ada Lovelace\nemail: countess@example.org\n---\n');
      await until(() => builds.length === 2, "the build after the resume's save");
      expect(builds).toEqual([true, true]);
      expect(readFileSync(path.join(dir, 'out', 'letter.txt'), 'utf8')).toContain('countess@example.org');
    } finally {
      watcher.close();
    }
  });
});

describe('a watch session follows every folder of the theme', () => {
  it('builds again when a file of the theme folder the theme extends changes', async () => {
    const dir = tempDir('watch-chain');
    for (const [file, content] of Object.entries({
      'themes/base/theme.yaml': 'extends: classic\n',
      'themes/base/style.css': '/* one */\n',
      'themes/mine/theme.yaml': 'extends: ../base\n',
      'resume.md': '---\nname: Ada Lovelace\ntheme: ./themes/mine\n---\n\nText.\n',
    })) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), content);
    }
    const builds: { ok: boolean; html: string }[] = [];
    const options = {
      file: path.join(dir, 'resume.md'),
      outDir: path.join(dir, 'out'),
      formats: ['html' as const],
      cacheDir: tempDir('watch-chain-cache'),
    };
    const watcher = watchResume(options, ({ result }) =>
      builds.push({ ok: result.ok, html: result.outputs.html ? readFileSync(result.outputs.html, 'utf8') : '' }),
    );
    try {
      await until(() => builds.length >= 1, 'the first build');
      expect(builds[0]).toMatchObject({ ok: true, html: expect.stringContaining('/* one */') });
      // The session follows the theme once it has read the frontmatter, just after the first build.
      await new Promise((resolve) => setTimeout(resolve, 500));
      writeFileSync(path.join(dir, 'themes/base/style.css'), '/* two */\n');
      await until(() => builds.some((b) => b.html.includes('/* two */')), 'a build after the base theme changed');
    } finally {
      watcher.close();
    }
  });
});
