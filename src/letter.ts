import path from 'node:path';
import { budgetOf, prepareLook, type Prepared, type PrepareOptions } from './build/prepare.js';
import { readConfined } from './files/read.js';
import { refusal } from './files/refusal.js';
import { atValue, hasErrors, type Diagnostic } from './model/diagnostic.js';
import type { Letter, LetterContent } from './model/letter.js';
import { formatLongDate, localeFor } from './model/locale.js';
import { messages } from './model/messages.js';
import { outputName } from './model/outputs.js';
import type { Resume } from './model/resume.js';
import { blockTexts, type PrintedText } from './model/scripts.js';
import { parseResumeBounded } from './parse/bounded.js';
import { isLetter, parseLetter } from './parse/letter.js';
import { MAX_BYTES } from './parse/limits.js';
import { decodeSource } from './parse/read.js';
import { letterRenderers } from './render/index.js';

const MAX_MB = MAX_BYTES / 1024 / 1024;

/**
 * A cover letter, prepared as a resume is: its resume read (only from the
 * letter's own folder tree, as a photo is) and parsed, the resume's theme,
 * photo and locale loaded, the engine chosen for the text of both. The
 * `resume` of the result is the letter's document: the resume's person and
 * settings (one page, no variants), and the letter's file and lines for
 * every later diagnostic.
 */
export async function prepareLetter(
  source: string,
  options: PrepareOptions,
): Promise<{ prepared?: Prepared; diagnostics: Diagnostic[] }> {
  const file = options.file;
  const parsed = parseLetter(source, file, budgetOf(options));
  const diagnostics = [...parsed.diagnostics];
  if (!parsed.letter || hasErrors(diagnostics)) return { diagnostics };
  const content = parsed.letter;
  const sourceLines = source.split(/\r?\n/);

  const resumeRead = readResume(content, sourceLines);
  if ('diagnostic' in resumeRead) return { diagnostics: [...diagnostics, resumeRead.diagnostic] };
  const { resume: resumeFile, source: resumeSource } = resumeRead;
  const resumeParsed = await parseResumeBounded(resumeSource, resumeFile, budgetOf(options));
  // The resume's warnings are its own build's to tell; its errors stop the letter too.
  diagnostics.push(...resumeParsed.diagnostics.filter((d) => d.severity === 'error'));
  if (!resumeParsed.resume || hasErrors(diagnostics)) return { diagnostics };

  const letter = settled(content, resumeParsed.resume);
  const look = await prepareLook(
    letter.resume,
    { ...options, name: outputName(file), sourceLines: resumeSource.split(/\r?\n/), printed: printedBy(letter) },
    diagnostics,
  );
  if (!look) return { diagnostics };
  const oneLetterPage = { ...letter.resume.settings, pages: 1, variants: undefined };
  const document: Resume = { ...letter.resume, file, keyLines: content.keyLines, settings: oneLetterPage };
  return { prepared: { ...look, resume: document, sourceLines, render: letterRenderers(letter), letter }, diagnostics };
}

/** The resume named by `resume:`, read as the letter's photo would be: a regular file in the letter's folder tree. */
function readResume(
  letter: LetterContent,
  sourceLines: readonly string[],
): { resume: string; source: string } | { diagnostic: Diagnostic } {
  const folder = path.dirname(path.resolve(letter.file));
  const resume = path.resolve(folder, letter.resumePath);
  const shown = path.relative(folder, resume) || letter.resumePath;
  const at = { ...atValue(letter.file, sourceLines, letter.keyLines['resume']), severity: 'error' as const };
  const read = readConfined(resume, [folder], MAX_BYTES);
  if (!read.ok) {
    const hints = {
      missing: messages.letterResumeMissingHint(path.basename(folder)),
      outside: messages.letterResumeOutsideHint,
      linked: messages.letterResumeLinkedHint,
    };
    const words = { what: 'resume', holder: 'letter', shown, written: letter.resumePath, limitMb: MAX_MB, hints };
    return { diagnostic: { ...at, ...refusal(read, words) } };
  }
  const decoded = decodeSource(resume, read.bytes);
  if (!decoded.ok) return { diagnostic: decoded.diagnostic };
  if (isLetter(decoded.source)) return { diagnostic: { ...at, message: messages.letterResumeIsLetter(shown) } };
  return { resume, source: decoded.source };
}

/** The letter with its resume, its date (today unless given) and its closing (the locale's unless given). */
function settled(content: LetterContent, resume: Resume): Letter {
  const locale = localeFor(resume.settings.locale);
  const written = content.date ?? today();
  const iso = isCalendarDate(written) ? written : undefined;
  const { date: _date, closing, ...rest } = content;
  const date = { text: iso ? formatLongDate(locale, iso) : written, ...(iso && { iso }) };
  return { ...rest, resume, date, closing: closing ?? locale.labels.closing };
}

/** `YYYY-MM-DD` of a day there is (not `2026-02-30`). */
function isCalendarDate(text: string): boolean {
  const [year, month, day] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)?.slice(1).map(Number) ?? [];
  if (year === undefined || month === undefined || day === undefined) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today's date here; with SOURCE_DATE_EPOCH set (a reproducible build), that day's, in UTC. */
function today(): string {
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}

/** What a letter prints beyond its resume's header, for the engine's choice. */
function* printedBy(letter: Letter): Generator<PrintedText> {
  for (const line of letter.to) yield line;
  yield letter.subject;
  yield { text: letter.date.text, line: letter.keyLines['date'] };
  yield { text: letter.closing, line: letter.keyLines['closing'] };
  yield* blockTexts(letter.body);
}
