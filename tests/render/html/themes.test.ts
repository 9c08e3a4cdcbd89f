import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseResume } from '../../../src/parse/index.js';
import { listThemes, loadTheme, renderHtml } from '../../../src/render/index.js';
import { axeViolations, launchBrowser } from '../../support/browser.js';
import { pdfInfo, pdfText } from '../../support/pdf.js';
import { firstMissingInOrder, seedLines } from '../../support/text.js';
import { tempDir } from '../../support/cli.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
/** Screenshots for a person to look at after a run (out/ is ignored by git). */
const ARTIFACTS = path.join(ROOT, 'out/test-artifacts');
const themes = (await listThemes()).map((t) => t.name);

/** The seed's HTML page in one theme, written to a file of its own, as `mdcv build` writes it. */
async function seedPage(theme: string): Promise<string> {
  const file = path.join(ROOT, 'resume.md');
  const { resume } = parseResume(readFileSync(file, 'utf8'), file);
  const photo = readFileSync(path.join(ROOT, 'photo.png'));
  const html = renderHtml(resume!, await loadTheme(theme, ROOT), {
    fileName: 'photo.png',
    dataUri: `data:image/png;base64,${photo.toString('base64')}`,
  });
  const out = path.join(tempDir(`html-${theme}`), 'resume.html');
  writeFileSync(out, html);
  return out;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

describe.each(themes)("the %s theme's HTML page, in Chromium", (theme) => {
  let file: string;
  let page: Page;
  const requests: string[] = [];
  beforeAll(async () => {
    file = await seedPage(theme);
    page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    // Every request is recorded, and any that would leave the file is refused.
    await page.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.request().url() === `file://${file}` ? route.continue() : route.abort();
    });
    await page.goto(`file://${file}`);
  });
  afterAll(async () => {
    await page?.close();
  });

  it('shows every line of the seed in order and asks for nothing outside the file', async () => {
    expect(firstMissingInOrder(seedLines(), await page.innerText('body'))).toBeUndefined();
    expect(requests).toEqual([`file://${file}`]);
    await page.screenshot({ path: path.join(ARTIFACTS, `html-${theme}-desktop.png`), fullPage: true });
  });

  it('has no accessibility violations (axe-core)', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it('reads on a phone: no sideways scrolling at 390 px', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(scroll).toBeLessThanOrEqual(client);
    await page.screenshot({ path: path.join(ARTIFACTS, `html-${theme}-phone.png`), fullPage: true });
  });

  it('prints on the paper the settings name, with every line of the seed', async () => {
    await page.emulateMedia({ media: 'print' });
    const pdf = path.join(path.dirname(file), 'printed.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true });
    expect(pdfInfo(pdf)['Page size']).toMatch(/^612 x 792 pts/);
    expect(firstMissingInOrder(seedLines(), pdfText(pdf, 'layout'))).toBeUndefined();
  });
});
