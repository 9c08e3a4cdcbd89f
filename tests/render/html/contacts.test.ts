import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseResume } from '../../../src/parse/index.js';
import { listThemes, loadTheme, renderHtml } from '../../../src/render/index.js';
import { launchBrowser } from '../../support/browser.js';
import { tempDir } from '../../support/cli.js';

/**
 * The contact line of each theme's page in Chromium, with the long contact line of
 * tests/fixtures/polish: where it wraps, no separator is seen at a line's start or end,
 * no contact splits, and icons (modern) are drawn but neither read nor announced; and the
 * fixture's quotes are typographic.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const FIXTURE = path.join(ROOT, 'tests/fixtures/polish/resume.md');
const themes = (await listThemes()).map((t) => t.name);

interface Item {
  text: string;
  left: number;
  right: number;
  top: number;
  /** The boxes its text takes: one per line it is on. */
  rects: number;
  icon?: { hidden: boolean; width: number };
}

/** Each contact as rendered: its text's box (the separator drawn before it is not text), and its icon. */
function contactItems(page: Page): Promise<Item[]> {
  return page.$$eval('.contacts li', (items) =>
    items.map((li) => {
      const range = document.createRange();
      range.selectNodeContents(li);
      const box = range.getBoundingClientRect();
      const svg = li.querySelector('svg');
      const text = li.querySelector('a') ?? li;
      const textRange = document.createRange();
      textRange.selectNodeContents(text.lastChild ?? text);
      return {
        text: li.textContent ?? '',
        left: box.left,
        right: box.right,
        top: Math.round(box.top),
        rects: new Set([...textRange.getClientRects()].map((r) => Math.round(r.top))).size,
        icon: svg
          ? { hidden: svg.getAttribute('aria-hidden') === 'true', width: svg.getBoundingClientRect().width }
          : undefined,
      };
    }),
  );
}

type Box = { x: number; y: number; width: number; height: number };

/** How many dark pixels the page shows in each box (CSS pixels), from one screenshot decoded by the browser itself. */
async function inkIn(page: Page, boxes: Box[]): Promise<number[]> {
  const png = await page.screenshot();
  const reader = await browser.newPage();
  try {
    return await reader.evaluate(
      async ([data, boxes]) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const pixels = context.getImageData(0, 0, image.width, image.height).data;
        return boxes.map((box) => {
          let dark = 0;
          for (
            let y = Math.max(0, Math.round(box.y));
            y < Math.min(image.height, Math.round(box.y + box.height));
            y++
          ) {
            for (
              let x = Math.max(0, Math.round(box.x));
              x < Math.min(image.width, Math.round(box.x + box.width));
              x++
            ) {
              const i = (y * image.width + x) * 4;
              if (Math.min(pixels[i]!, pixels[i + 1]!, pixels[i + 2]!) < 170) dark++;
            }
          }
          return dark;
        });
      },
      [png.toString('base64'), boxes] as const,
    );
  } finally {
    await reader.close();
  }
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(themes.flatMap((theme) => [1200, 390].map((width) => [theme, width] as const)))(
  "the %s theme's contact line at %i px",
  (theme, width) => {
    let page: Page;
    let items: Item[];
    beforeAll(async () => {
      const { resume } = parseResume(readFileSync(FIXTURE, 'utf8'), FIXTURE);
      const file = path.join(tempDir(`contacts-${theme}`), 'resume.html');
      writeFileSync(file, renderHtml(resume!, await loadTheme(theme, ROOT)));
      page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`file://${file}`);
      items = await contactItems(page);
    });
    afterAll(async () => {
      await page?.close();
    });

    it('wraps between contacts, never inside one', () => {
      expect(new Set(items.map((i) => i.top)).size, 'the line wraps').toBeGreaterThan(1);
      for (const item of items) expect(item.rects, item.text).toBe(1);
    });

    it("shows a separator between two contacts of a line, and none at a line's start or end", async () => {
      const separated = await page.$eval(
        '.contacts li + li',
        (li) => getComputedStyle(li, '::before').content !== 'none',
      );
      const list = await page.$eval('.contacts', (ul) => ul.parentElement!.getBoundingClientRect().toJSON() as DOMRect);
      const checks: { what: string; box: Box; inked: boolean }[] = [];
      for (const [index, item] of items.entries()) {
        const previous = items[index - 1];
        const next = items[index + 1];
        const startsLine = !previous || previous.top !== item.top;
        // The space before the contact: from the previous one on its line, or from past the text's edge.
        const from = startsLine ? list.left - 30 : previous.right + 1;
        const band = { y: item.top + 2, height: 10 };
        checks.push({
          what: `before ${item.text}`,
          box: { x: from, width: item.left - 1 - from, ...band },
          inked: separated && !startsLine,
        });
        if (!next || next.top !== item.top) {
          checks.push({
            what: `after ${item.text}`,
            box: { x: item.right + 1, width: list.right + 30 - item.right, ...band },
            inked: false,
          });
        }
      }
      const ink = await inkIn(
        page,
        checks.map((c) => c.box),
      );
      expect(checks.map((c) => `${c.what}: ${c.inked ? 'ink' : 'blank'}`)).toEqual(
        checks.map((c, i) => `${c.what}: ${ink[i]! > 0 ? 'ink' : 'blank'}`),
      );
    });

    it('shows typographic quotes, but code and addresses as written', async () => {
      const text = await page.innerText('body');
      expect(text).toContain('Sam O\u2019Neil');
      expect(text).toContain("\u201ckeeps the lights on\u201d. Led the unit\u2019s move to it's 'raw' tooling");
      expect(text).toContain("https://example.com/it's");
    });

    it(theme === 'modern' ? 'draws an icon for each contact, hidden from readers' : 'draws no icons', async () => {
      for (const item of items) {
        if (theme === 'modern') expect(item.icon, item.text).toMatchObject({ hidden: true, width: expect.any(Number) });
        else expect(item.icon).toBeUndefined();
      }
      expect(await page.innerText('.contacts')).not.toMatch(/[^\w\s@.,:/+\-’]/);
    });
  },
);
