import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LOCALE_LANGUAGES, localeFor } from '../../src/model/locale.js';
import { parseResume } from '../../src/parse/index.js';
import { loadTheme, renderHtml } from '../../src/render/index.js';
import { browserForTests } from '../support/browser.js';

const PHOTO = readFileSync(path.resolve(import.meta.dirname, '../../assets/placeholder-photo.png'));
const browser = browserForTests();
/** One page for every case: each sets its content. */
let page: Page | undefined;

/** What a screen reader is told of the page's photo and summary, as Chromium reads them. */
async function told(locale: string, name = 'Ada Lovelace'): Promise<{ photo: string | null; summary: string | null }> {
  const { resume } = parseResume(
    `---\nname: ${name}\nlocale: ${locale}\n---\n\nA summary.\n\n## Experience\n\n- Wrote the first program.\n`,
    '/cv/resume.md',
  );
  const html = renderHtml(resume!, await loadTheme('classic', '/cv'), {
    fileName: 'photo.png',
    dataUri: `data:image/png;base64,${PHOTO.toString('base64')}`,
  });
  page ??= await browser().newPage();
  await page.setContent(html);
  return {
    photo: await page.getByRole('img').getAttribute('alt'),
    summary: await page.getByRole('region').getAttribute('aria-label'),
  };
}

describe("the HTML page speaks the resume's language to a screen reader too", () => {
  it('describes the photo and names the summary in German', async () => {
    expect(await told('de')).toEqual({ photo: 'Foto von Ada Lovelace', summary: 'Zusammenfassung' });
  });

  it.each(LOCALE_LANGUAGES.filter((language) => language !== 'en'))(
    "in %s, no English word: the locale's own, with the name",
    async (language) => {
      const { accessible } = localeFor(language);
      const { photo, summary } = await told(language);
      expect(photo).toBe(accessible.photo.replace('{name}', 'Ada Lovelace'));
      expect(photo).not.toMatch(/Photo of/);
      expect(summary).toBe(accessible.summary);
      expect(summary).not.toBe('Summary');
    },
  );

  it('puts the name in as written, `$&` and all, escaped once', async () => {
    expect((await told('fr', '"Ada $& <Lovelace>"')).photo).toBe('Photo de Ada $& <Lovelace>');
  });
});
