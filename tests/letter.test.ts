import { execFileSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { ejectTheme } from '../src/render/eject.js';
import { validate } from '../src/validate.js';
import { axeViolations, browserForTests } from './support/browser.js';
import { mdcv, tempDir } from './support/cli.js';
import { printed } from './support/diagnostics.js';
import { pdfInfo, pdfText } from './support/pdf.js';
import { firstMissingInOrder } from './support/text.js';

const PHOTO = path.resolve('assets/placeholder-photo.png');
const cacheDir = tempDir('letter-cache');

const RESUME = `---
name: Ada Lovelace
headline: Analyst of Engines
email: ada@example.org
phone: +44 20 7946 0018
location: London, UK
photo: photo.png
---

## Experience

### Analytical Engine | 1842 - 1843

- Wrote the first program.
`;

const BODY = `Dear Mr. Babbage,

I write to offer my *notes* on the [Analytical Engine](https://example.org/engine), which I believe can do more than calculate.

- It could compose music.
- It could weave patterns.

I look forward to your reply.
`;

/** A letter beside its resume in a fresh folder; `frontmatter` goes in the letter's, after `resume:`. */
function project(frontmatter: string, body = BODY, resume = RESUME): { dir: string; letter: string; out: string } {
  const dir = tempDir('letter');
  writeFileSync(path.join(dir, 'resume.md'), resume);
  writeFileSync(path.join(dir, 'photo.png'), readFileSync(PHOTO));
  const letter = path.join(dir, 'letter.md');
  writeFileSync(letter, `---\n${frontmatter}\n---\n\n${body}`);
  return { dir, letter, out: path.join(dir, 'out') };
}

const ADDRESSED =
  'resume: resume.md\nto:\n  - Charles Babbage\n  - 1 Dorset Street\n  - London\nsubject: Notes on the Analytical Engine\ndate: 1843-07-10';

/** What a letter prints, in reading order: the resume's header, then the letter's parts. */
const IN_ORDER = [
  'Ada Lovelace',
  'Analyst of Engines',
  'ada@example.org',
  'London, UK',
  'Charles Babbage',
  '1 Dorset Street',
  'London',
  'July 10, 1843',
  'Notes on the Analytical Engine',
  'Dear Mr. Babbage,',
  // The text keeps the link's address after its words.
  'I write to offer my notes on the Analytical Engine',
  'which I believe can do more than calculate.',
  'It could compose music.',
  'It could weave patterns.',
  'I look forward to your reply.',
  'Sincerely,',
  'Ada Lovelace',
];

describe('a cover letter (a file with `resume:`)', () => {
  it.each(['classic', 'compact', 'modern'])(
    "builds in the %s theme to a one-page PDF: its resume's header, then recipient, subject, body, closing and signature in order",
    async (theme) => {
      const { letter, out } = project(`${ADDRESSED}`);
      const result = await build({ file: letter, outDir: out, theme, formats: ['pdf', 'txt'], cacheDir });
      expect(printed(result.diagnostics.filter((d) => d.severity === 'error'))).toBe('');
      expect(result.ok).toBe(true);
      const pdf = path.join(out, 'letter.pdf');
      expect(pdfInfo(pdf)['Pages']).toBe('1');
      expect(pdfInfo(pdf)['Title']).toBe('Ada Lovelace \u2013 Cover letter');
      const text = pdfText(pdf);
      expect(firstMissingInOrder(IN_ORDER, text)).toBeUndefined();
      // The resume's body is not the letter's.
      expect(text).not.toContain('Wrote the first program');
      expect(firstMissingInOrder(IN_ORDER, readFileSync(path.join(out, 'letter.txt'), 'utf8'))).toBeUndefined();
    },
  );

  it("prints the date and closing in the resume's locale, the recipient from a block of text", async () => {
    const resume = RESUME.replace('photo: photo.png', 'locale: de');
    const { letter, out } = project(
      'resume: resume.md\nto: |\n  Herrn Charles Babbage\n  Dorset Street 1\nsubject: Anmerkungen\ndate: 1843-03-05',
      'Sehr geehrter Herr Babbage,\n\nich schreibe Ihnen.\n',
      resume,
    );
    const result = await build({ file: letter, outDir: out, formats: ['pdf'], cacheDir });
    expect(result.ok).toBe(true);
    expect(
      firstMissingInOrder(
        [
          'Herrn Charles Babbage',
          'Dorset Street 1',
          '5. März 1843',
          'Anmerkungen',
          'Sehr geehrter Herr Babbage,',
          'Mit freundlichen Grüßen',
          'Ada Lovelace',
        ],
        pdfText(path.join(out, 'letter.pdf')),
      ),
    ).toBeUndefined();
  });

  it("is typeset by XeLaTeX when the letter's own text needs it, though its resume is in Latin letters", async () => {
    const { letter, out } = project(
      'resume: resume.md\nto: [Чарльз Бэббидж]\nsubject: Заметки об аналитической машине\ndate: 1843-07-10',
      'Уважаемый господин Бэббидж,\n\nПишу вам.\n',
    );
    const result = await build({ file: letter, outDir: out, formats: ['pdf'], cacheDir });
    expect(printed(result.diagnostics)).toBe('');
    expect(
      firstMissingInOrder(
        [
          'Ada Lovelace',
          'Чарльз Бэббидж',
          'Заметки об аналитической машине',
          'Уважаемый господин Бэббидж,',
          'Пишу вам.',
          'Sincerely,',
        ],
        pdfText(path.join(out, 'letter.pdf')),
      ),
    ).toBeUndefined();
    expect(pdfInfo(path.join(out, 'letter.pdf'))['Producer']).toMatch(/xdvipdfmx/);
  });

  it("prints its frontmatter's text as written, TeX and HTML in it inert", async () => {
    const hostile = '100% of $x & #1 \\input{/etc/passwd} ~^_ <script>alert(1)</script>';
    const { letter, out } = project(
      `resume: resume.md\nto: ['${hostile}']\nsubject: '${hostile}'\nclosing: '${hostile}'`,
    );
    const result = await build({ file: letter, outDir: out, formats: ['pdf', 'html'], cacheDir });
    expect(printed(result.diagnostics)).toBe('');
    const text = pdfText(path.join(out, 'letter.pdf'));
    expect(text.split(hostile)).toHaveLength(4);
    const html = readFileSync(path.join(out, 'letter.html'), 'utf8');
    expect(html).not.toContain('<script>');
    expect(html.split('&lt;script&gt;alert(1)&lt;/script&gt;').length).toBeGreaterThanOrEqual(4);
  });

  it("dates an undated letter today (SOURCE_DATE_EPOCH's day, when set), and takes its own closing", async () => {
    const { letter, out } = project(
      'resume: resume.md\nto: [Charles Babbage]\nsubject: Notes\nclosing: Yours faithfully,',
    );
    process.env['SOURCE_DATE_EPOCH'] = String(Date.UTC(2031, 0, 2, 12) / 1000);
    try {
      expect((await build({ file: letter, outDir: out, formats: ['txt'], cacheDir })).ok).toBe(true);
    } finally {
      delete process.env['SOURCE_DATE_EPOCH'];
    }
    const text = readFileSync(path.join(out, 'letter.txt'), 'utf8');
    expect(
      firstMissingInOrder(['Charles Babbage', 'January 2, 2031', 'Notes', 'Yours faithfully,', 'Ada Lovelace'], text),
    ).toBeUndefined();
    expect(text).not.toContain('Sincerely');
  });

  it('refuses a letter too long for one page, saying so on its last line, and writes nothing', async () => {
    const long = Array.from(
      { length: 40 },
      (_, i) =>
        `Paragraph ${i + 1} of a letter that goes on and on about the engine and all it could do, at some length.`,
    ).join('\n\n');
    const { letter, out } = project(ADDRESSED, `${long}\n`);
    const result = await build({ file: letter, outDir: out, formats: ['pdf', 'html'], cacheDir });
    expect(result.ok).toBe(false);
    const lines = readFileSync(letter, 'utf8').split('\n').length;
    expect(printed(result.diagnostics)).toMatch(
      new RegExp(
        `^${letter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${lines - 1}: error: the letter does not fit on one page: even at 8pt, 70% spacing and 0\\.5in margins it needs \\d\\.\\d\\d pages, \\d+% of a page too long \\(a cover letter is one page: shorten the body\\)\\n`,
      ),
    );
    expect(existsSync(out)).toBe(false);
  });

  it('tightens a letter a little too long, as `pages:` does, and says so', async () => {
    const long = Array.from(
      { length: 22 },
      (_, i) => `Paragraph ${i + 1} of a letter that goes on about the engine and what it could do.`,
    ).join('\n\n');
    const { letter, out } = project(ADDRESSED, `${long}\n`);
    const result = await build({ file: letter, outDir: out, formats: ['pdf'], cacheDir });
    expect(result.ok).toBe(true);
    expect(pdfInfo(path.join(out, 'letter.pdf'))['Pages']).toBe('1');
    expect(result.fitted?.[0]?.name).toBe('letter');
    expect(result.fitted?.[0]?.runs).toBeGreaterThan(1);
    expect(pdfText(path.join(out, 'letter.pdf'))).toContain('Paragraph 22');
  });

  it("uses the resume's own theme folder, one ejected before letters existed (without their templates and partials) too", async () => {
    const resume = RESUME.replace('photo: photo.png', 'photo: photo.png\ntheme: ./old-theme\naccent: "8B0000"');
    const { dir, letter, out } = project(ADDRESSED, BODY, resume);
    const theme = path.join(dir, 'old-theme');
    await ejectTheme('classic', theme);
    for (const file of [
      'letter.tex.hbs',
      'letter.html.hbs',
      'partials/letter-layout.tex.hbs',
      'partials/letter-style.html.hbs',
      'partials/preamble.tex.hbs',
      'partials/head.html.hbs',
      'partials/document-info.tex.hbs',
    ]) {
      rmSync(path.join(theme, file));
    }
    const result = await build({ file: letter, outDir: out, formats: ['pdf', 'html'], cacheDir });
    expect(printed(result.diagnostics)).toBe('');
    expect(firstMissingInOrder(IN_ORDER, pdfText(path.join(out, 'letter.pdf')))).toBeUndefined();
    expect(readFileSync(path.join(out, 'letter.html'), 'utf8')).toContain('--accent: #8B0000');
  });

  it('is rebuilt when its resume changes, and not when nothing did', async () => {
    const { dir, letter, out } = project(ADDRESSED);
    const cache = path.join(dir, 'cache');
    expect((await build({ file: letter, outDir: out, formats: ['txt'], cacheDir: cache })).ok).toBe(true);
    expect((await build({ file: letter, outDir: out, formats: ['txt'], cacheDir: cache })).unchanged).toBe(true);
    writeFileSync(path.join(dir, 'resume.md'), RESUME.replace('ada@example.org', 'countess@example.org'));
    const again = await build({ file: letter, outDir: out, formats: ['txt'], cacheDir: cache });
    expect(again.unchanged).toBeUndefined();
    expect(readFileSync(path.join(out, 'letter.txt'), 'utf8')).toContain('countess@example.org');
  });

  it('writes no JSON Resume, and says so', async () => {
    const { letter, out } = project(ADDRESSED);
    const result = await build({ file: letter, outDir: out, formats: ['txt', 'json'], cacheDir });
    expect(result.ok).toBe(true);
    expect(printed(result.diagnostics)).toBe(
      `${letter}: warning: a cover letter has no JSON Resume: \`json\` is not written\n`,
    );
    expect(Object.keys(result.outputs)).toEqual(['txt']);
  });
});

describe('the resume a letter names', () => {
  const refused = async (resumeLine: string, setup?: (dir: string) => void) => {
    const { dir, letter, out } = project(`resume: ${resumeLine}\nto: [Charles Babbage]\nsubject: Notes`);
    setup?.(dir);
    const result = await build({ file: letter, outDir: out, formats: ['pdf', 'html', 'txt'], cacheDir });
    expect(result.ok).toBe(false);
    expect(existsSync(out)).toBe(false);
    return { text: printed(result.diagnostics), letter, dir };
  };

  it.each([
    // Beside the letter's folder, whatever the depth of the temporary folder.
    [
      'a path out of the folder',
      '../letter-secret.md',
      (dir: string) => writeFileSync(path.join(dir, '..', 'letter-secret.md'), 'root:x:0:0\n'),
    ],
    ['an absolute path', '/etc/passwd', undefined],
    ['a link out of the folder', 'cv.md', (dir: string) => symlinkSync('/etc/passwd', path.join(dir, 'cv.md'))],
  ])('is refused when it is %s, on the `resume:` line, and nothing of it is read', async (_, written, setup) => {
    const { text, letter } = await refused(written, setup);
    expect(text).toBe(
      `${letter}:2:9: error: resume \`${written}\` is outside the letter's folder (keep the resume in the letter's folder (or below it) and name it in \`resume:\`)\n` +
        `  resume: ${written}\n          ^\n`,
    );
    expect(text).not.toMatch(/root:/);
  });

  it("that is missing is one error on the letter's `resume:` line", async () => {
    const { text, letter, dir } = await refused('cv/resume.md');
    expect(text).toBe(
      `${letter}:2:9: error: resume \`cv/resume.md\` not found (the path starts from the letter's folder, ${path.basename(dir)}/)\n` +
        '  resume: cv/resume.md\n          ^\n',
    );
  });

  it('may be in a folder below the letter, with its photo beside it', async () => {
    const { dir, letter, out } = project('resume: cv/resume.md\nto: [Charles Babbage]\nsubject: Notes');
    mkdirSync(path.join(dir, 'cv'));
    writeFileSync(path.join(dir, 'cv', 'resume.md'), RESUME);
    writeFileSync(path.join(dir, 'cv', 'photo.png'), readFileSync(PHOTO));
    const result = await build({ file: letter, outDir: out, formats: ['html'], cacheDir });
    expect(result.ok).toBe(true);
    expect(readFileSync(path.join(out, 'letter.html'), 'utf8')).toContain('data:image/png;base64,');
  });

  it('that is a fifo or too large is refused at once, on the `resume:` line', async () => {
    const fifo = await refused('pipe.md', (dir) => execFileSync('mkfifo', [path.join(dir, 'pipe.md')]));
    expect(fifo.text).toContain(`${fifo.letter}:2:9: error: resume \`pipe.md\` is not a regular file\n`);
    const huge = await refused('huge.md', (dir) =>
      writeFileSync(path.join(dir, 'huge.md'), `---\nname: A\n---\n${'x'.repeat(2 * 1024 * 1024)}`),
    );
    expect(huge.text).toMatch(/letter\.md:2:9: error: resume `huge\.md` is over \d+ MB\n/);
  });

  it('that is a hard link (a file of two names, which may be any file) is refused, nothing of it read', async () => {
    const secret = path.join(tempDir('letter-secret'), 'secret.md');
    writeFileSync(secret, '---\nname: Secret Person\n---\n\nTOKEN-123\n');
    const { text, letter } = await refused('cv.md', (dir) => linkSync(secret, path.join(dir, 'cv.md')));
    expect(text).toContain(`${letter}:2:9: error: resume \`cv.md\` has 2 names (hard links)`);
    expect(text).not.toContain('TOKEN-123');
  });

  it('that is a letter itself is refused', async () => {
    const { text, letter } = await refused('letter.md');
    expect(text).toContain(
      `${letter}:2:9: error: \`letter.md\` is a cover letter (it has \`resume:\`), not a resume\n`,
    );
  });

  it("with an error stops the letter, which names the resume's line", async () => {
    const { text, dir } = await refused('bad.md', (at) =>
      writeFileSync(path.join(at, 'bad.md'), '---\nname: Ada\nfontSize: 99\n---\n'),
    );
    expect(text).toMatch(
      new RegExp(
        `^${path.join(dir, 'bad.md').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: error: \`fontSize\` must be at most 14`,
      ),
    );
  });
});

describe("a letter's frontmatter", () => {
  it('missing `to:` and `subject:` is an error each, and a typo is told with the key meant', async () => {
    const { letter } = project('resume: resume.md\nsubjet: Notes');
    const result = await validate({ file: letter, cacheDir });
    expect(result.ok).toBe(false);
    const text = printed(result.diagnostics);
    expect(text).toContain(`${letter}:3:1: warning: unknown key \`subjet\` is ignored (did you mean \`subject\`?)`);
    expect(text).toMatch(/letter\.md:2:1: error: `to` is missing/);
    expect(text).toMatch(/letter\.md:2:1: error: `subject` is missing/);
  });

  it('passes `mdcv validate` when whole', async () => {
    const { letter } = project(ADDRESSED);
    const result = await validate({ file: letter, cacheDir });
    expect(printed(result.diagnostics)).toBe('');
    expect(result.ok).toBe(true);
  });
});

describe('the CLI with a letter', () => {
  it('`mdcv build letter.md` builds it as it builds a resume; `mdcv export` refuses it in one line', async () => {
    const { dir } = project(ADDRESSED);
    const run = await mdcv(['build', 'letter.md', '--format', 'pdf,txt'], {
      cwd: dir,
      env: { MDCV_CACHE_DIR: cacheDir },
    });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/warning|error/);
    expect(run.stdout).toBe('wrote out/letter.pdf\nwrote out/letter.txt');
    const exported = await mdcv(['export', 'letter.md'], { cwd: dir });
    expect(exported.exitCode).toBe(1);
    expect(exported.stderr.trim()).toBe(
      'letter.md:1: error: this is a cover letter (it has `resume:`), which has no JSON Resume: export the resume it names',
    );
    expect(existsSync(path.join(dir, 'letter.json'))).toBe(false);
  });
});

describe("a letter's HTML page, in Chromium", () => {
  const browser = browserForTests();

  it.each(['classic', 'modern'])(
    "shows its resume's header in the %s theme, then the recipient, date, subject, body, closing and signature",
    async (theme) => {
      const { letter, out } = project(ADDRESSED);
      expect((await build({ file: letter, outDir: out, theme, formats: ['html'], cacheDir })).ok).toBe(true);
      const page = await browser().newPage();
      await page.goto(`file://${path.join(out, 'letter.html')}`);
      expect(await page.locator('header.masthead h1').innerText()).toBe('Ada Lovelace');
      expect(await page.locator('header.masthead .contacts').innerText()).toMatch(/ada@example\.org[\s\S]*London, UK/);
      expect(await page.locator('header.masthead img.photo').count()).toBe(1);
      expect(await page.locator('.recipient').innerText()).toBe('Charles Babbage\n1 Dorset Street\nLondon');
      expect(await page.locator('.date time').getAttribute('datetime')).toBe('1843-07-10');
      expect(firstMissingInOrder(IN_ORDER, await page.locator('main').innerText())).toBeUndefined();
      expect(await page.title()).toBe('Ada Lovelace \u2013 Cover letter');
      // The date sits at the right, as on paper.
      const date = await page.locator('.date').evaluate((el) => getComputedStyle(el).textAlign);
      expect(date).toBe('right');
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    },
  );
});
