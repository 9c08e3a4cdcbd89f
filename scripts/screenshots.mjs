#!/usr/bin/env node
// Screenshots of each built-in theme for the README: page 1 of the PDF, and the HTML page
// on a desktop (1200 px) and a phone (390 px), of the seed with a full contact line; and
// the seed's first page beside its cover letter (letter.md), in the classic theme.
// Needs `make` first (dist/) and the test tools (pdftoppm, Chromium): `node scripts/screenshots.mjs`.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'assets/screenshots');
const work = mkdtempSync(path.join(os.tmpdir(), 'mdcv-screenshots-'));
const contacts = [
  'phone: +1 555 0100',
  'location: Seattle, WA',
  'website: https://your.example.com',
  'links:',
  '  - https://github.com/your-name',
  '  - https://www.linkedin.com/in/your-name',
].join('\n');
writeFileSync(
  path.join(work, 'resume.md'),
  readFileSync(path.join(ROOT, 'resume.md'), 'utf8').replace(
    'email: you@example.com',
    `email: you@example.com\n${contacts}`,
  ),
);
copyFileSync(path.join(ROOT, 'photo.png'), path.join(work, 'photo.png'));
copyFileSync(path.join(ROOT, 'letter.md'), path.join(work, 'letter.md'));
mkdirSync(OUT, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
for (const theme of ['classic', 'compact', 'modern']) {
  const dir = path.join(work, theme);
  execFileSync(
    'node',
    [
      path.join(ROOT, 'dist/bin/mdcv.js'),
      'build',
      path.join(work, 'resume.md'),
      '--out',
      dir,
      '--theme',
      theme,
      '--format',
      'pdf,html',
    ],
    { stdio: 'ignore' },
  );
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '50',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    path.join(dir, 'resume.pdf'),
    path.join(OUT, `${theme}-pdf`),
  ]);
  for (const [device, width, height] of [
    ['desktop', 1200, 900],
    ['phone', 390, 844],
  ]) {
    // Half the pixels (a device scale of 0.5): enough to see the layout, a fraction of the bytes.
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 0.5 });
    await page.goto(`file://${path.join(dir, 'resume.html')}`);
    const file = path.join(OUT, `${theme}-html-${device}.png`);
    await page.screenshot({ path: file });
    await page.close();
  }
}

// The resume and its letter side by side, on a grey ground as pages lie on a desk.
const classic = path.join(work, 'classic');
execFileSync(
  'node',
  [path.join(ROOT, 'dist/bin/mdcv.js'), 'build', path.join(work, 'letter.md'), '--out', classic, '--format', 'pdf'],
  { stdio: 'ignore' },
);
const pages = ['resume', 'letter'].map((name) => {
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    path.join(classic, `${name}.pdf`),
    path.join(work, name),
  ]);
  return `<img src="data:image/png;base64,${readFileSync(path.join(work, `${name}.png`)).toString('base64')}">`;
});
const side = await browser.newPage({ viewport: { width: 1060, height: 700 } });
await side.setContent(
  `<body style="margin:0;padding:20px;background:#d9dce1;display:flex;gap:20px;width:max-content">${pages.join('')}</body>`,
);
await side.locator('body').screenshot({ path: path.join(OUT, 'resume-and-letter.png') });
await browser.close();
