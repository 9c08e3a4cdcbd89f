import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseResume } from '../../../src/parse/index.js';
import { listThemes, loadTheme, renderHtml } from '../../../src/render/index.js';
import { axeViolations, browserForTests } from '../../support/browser.js';
import { tempDir } from '../../support/cli.js';
import { words } from '../../support/source.js';

/** The fixture resume with every CommonMark and GFM construct, as each theme's page shows it in Chromium. */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const DIR = path.join(ROOT, 'tests/fixtures/constructs');
const VISIBLE = readFileSync(path.join(DIR, 'visible.txt'), 'utf8');
const ARTIFACTS = path.join(ROOT, 'out/test-artifacts');
const themes = (await listThemes()).map((t) => t.name);

const browser = browserForTests();
mkdirSync(ARTIFACTS, { recursive: true });

describe.each(themes)("every construct on the %s theme's page, in Chromium", (theme) => {
  let page: Page;
  beforeAll(async () => {
    const file = path.join(DIR, 'resume.md');
    const { resume } = parseResume(readFileSync(file, 'utf8'), file);
    const out = path.join(tempDir(`constructs-${theme}`), 'resume.html');
    writeFileSync(out, renderHtml(resume!, await loadTheme(theme, DIR)));
    page = await browser().newPage({ viewport: { width: 1100, height: 1400 } });
    await page.goto(`file://${out}`);
  });
  afterAll(async () => {
    await page?.close();
  });

  it('shows every word a reader sees, in order', async () => {
    expect(words(await page.innerText('body'))).toEqual(words(VISIBLE));
    await page.screenshot({ path: path.join(ARTIFACTS, `constructs-${theme}.png`), fullPage: true });
  });

  it('shows the table as a table, its columns aligned as the Markdown says', async () => {
    const table = await page.evaluate(() => {
      const cells = [...document.querySelectorAll('table tr')].map((tr) =>
        [...tr.children].map((c) => [c.textContent, getComputedStyle(c).textAlign]),
      );
      const tops = [...document.querySelectorAll('table tr:nth-child(1) td')].map(
        (td) => td.getBoundingClientRect().top,
      );
      return { cells, tops };
    });
    expect(table.cells[0]).toEqual([
      ['Area', 'left'],
      ['Level', 'center'],
      ['Years', 'right'],
    ]);
    expect(table.cells[3]).toEqual([
      ['Nanosecond wires', 'left'],
      ['Teaching', 'center'],
      ['20', 'right'],
    ]);
    expect(new Set(table.tops).size).toBe(1);
  });

  it('strikes struck text, and links reference links', async () => {
    expect(await page.$eval('del', (del) => [del.textContent, getComputedStyle(del).textDecorationLine])).toEqual([
      'first',
      'line-through',
    ]);
    const links = await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(
      expect.arrayContaining(['https://example.com/notes', 'https://example.org/navy', 'http://www.example.com']),
    );
  });

  it('has no accessibility violations (axe-core), and no sideways scrolling on a phone', async () => {
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(scroll).toBeLessThanOrEqual(client);
  });
});
