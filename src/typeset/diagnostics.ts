import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { messages } from '../model/messages.js';
import type { Resume } from '../model/resume.js';
import type { TypesetResult } from './engine.js';
import { installHint } from './install.js';
import type { LogProblem, LostCharacter, Overflow } from './log.js';
import type { Requirement } from './requirements.js';
import { OUTPUT_LIMIT } from './run.js';
import { FOLDER_LIMIT } from './sandbox.js';

/** What the engine's errors are read against. */
export interface EngineContext {
  /** The generated LaTeX, with its source markers (see src/render/latex/language.ts). */
  tex: string;
  /** The timeout the run had, in ms. */
  timeout: number;
  /** The Markdown's lines, to show the one an error is on. */
  sourceLines: readonly string[];
  /** The photo's file name in the build folder, if there is a photo. */
  photoFile?: string;
}

const MARKER = /(?<!\\)%mdcv line (\d+)$/;

/**
 * Turns a failed engine run into diagnostics a person can act on: a TeX
 * error is placed on the Markdown line its generated text came from, with
 * the log lines that show it; the whole log rides along for --verbose. A
 * missing engine or font names the package that brings it.
 */
export function engineDiagnostics(
  result: Extract<TypesetResult, { ok: false }>,
  resume: Resume,
  context: EngineContext,
): Diagnostic[] {
  const file = resume.file;
  const { engine } = result;
  switch (result.reason) {
    case 'missing-engine':
      return [
        {
          file,
          severity: 'error',
          message: messages.engineMissing(engine),
          hint: installHint(undefined, undefined, [{ kind: 'engine', name: engine }]),
        },
      ];
    case 'timeout':
      return [
        {
          file,
          severity: 'error',
          message: messages.engineTimeout(engine, context.timeout / 1000),
          hint: messages.timeoutHint,
          log: result.log,
        },
      ];
    case 'overran': {
      const what = result.overran ?? 'output';
      const mb = (what === 'output' ? OUTPUT_LIMIT : FOLDER_LIMIT) / 1024 / 1024;
      const message = messages.engineOverran(engine, what, mb);
      return [{ file, severity: 'error', message, hint: messages.engineOverranHint, log: result.log }];
    }
    case 'error': {
      const font = missingFont(result.problems);
      if (font)
        return [
          {
            file,
            severity: 'error',
            message: messages.fontMissing(font.name),
            hint: installHint(undefined, undefined, [font]),
            log: result.log,
          },
        ];
      const first = result.problems[0] ?? { message: 'see the log', context: [] };
      const detail = first.context.length > 0 ? first.context.join('\n') : undefined;
      const at = { file, severity: 'error' as const, detail, log: result.log };
      if (
        context.photoFile &&
        resume.person.photo &&
        [first.message, ...first.context].some((l) => l.includes(context.photoFile!))
      ) {
        const problem = first.message.replace(/^(pdf|xe)latex \(file [^)]*\): /, '');
        return [
          {
            ...at,
            line: resume.keyLines.photo,
            message: messages.photoUnreadable(path.basename(resume.person.photo), problem),
            hint: messages.photoCorruptHint,
          },
        ];
      }
      const line = first.texLine === undefined ? undefined : markdownLine(context.tex, first.texLine);
      if (line !== undefined) {
        const sourceLine = context.sourceLines[line - 1];
        return [
          {
            ...at,
            line,
            column: columnOf(first.context, sourceLine),
            message: messages.engineFailed(first.message),
            sourceLine,
          },
        ];
      }
      const themeFile = first.texLine === undefined ? undefined : themeFileLine(context.tex, first.texLine);
      if (themeFile)
        return [
          {
            ...at,
            file: path.join(path.dirname(file), themeFile.file),
            line: themeFile.line,
            message: messages.engineFailed(first.message),
          },
        ];
      const message =
        first.texLine === undefined
          ? messages.engineFailed(first.message)
          : messages.engineFailedInTemplate(first.message, first.texLine);
      return [{ ...at, message, hint: messages.engineLogHint }];
    }
  }
}

/** Less than this past the margin does not show on the page. */
const VISIBLE_OVERFLOW_PT = 1;
const MM_PER_PT = 25.4 / 72.27;

/**
 * Warnings for lines of a PDF that run into the right margin (a word longer
 * than a line, which TeX cannot break): one per Markdown line, the widest,
 * at the line's longest word. The PDF is made all the same.
 */
export function overflowDiagnostics(
  overflows: readonly Overflow[],
  resume: Resume,
  context: Pick<EngineContext, 'tex' | 'sourceLines'>,
): Diagnostic[] {
  const widest = new Map<number | undefined, number>();
  for (const { texLine, pt } of overflows) {
    if (pt < VISIBLE_OVERFLOW_PT) continue;
    // Above the first source marker is the header, made from the frontmatter: the longest word there.
    const line =
      markdownLine(context.tex, texLine) ?? longestWordLine(context.sourceLines, frontmatterLines(context.sourceLines));
    widest.set(line, Math.max(widest.get(line) ?? 0, pt));
  }
  return [...widest].map(([line, pt]): Diagnostic => {
    const at = {
      file: resume.file,
      severity: 'warning' as const,
      message: messages.lineOverflows(Math.max(1, Math.round(pt * MM_PER_PT))),
      hint: messages.lineOverflowsHint,
    };
    if (line === undefined) return at;
    const sourceLine = context.sourceLines[line - 1]!;
    const word = longestWord(sourceLine);
    return { ...at, line, column: [...sourceLine.slice(0, sourceLine.indexOf(word))].length + 1, sourceLine };
  });
}

function longestWord(line: string): string {
  return line.split(/\s+/).reduce((longest, w) => (w.length > longest.length ? w : longest), '');
}

/** The 1-based line, among `lines` (indexes), with the longest word; none when there are none. */
function longestWordLine(sourceLines: readonly string[], lines: readonly number[]): number | undefined {
  let best: number | undefined;
  for (const i of lines)
    if (best === undefined || longestWord(sourceLines[i]!).length > longestWord(sourceLines[best]!).length) best = i;
  return best === undefined ? undefined : best + 1;
}

/** The indexes of the frontmatter's lines, between its `---` lines. */
function frontmatterLines(sourceLines: readonly string[]): number[] {
  if (sourceLines[0]?.trim() !== '---') return [];
  const end = sourceLines.findIndex((l, i) => i > 0 && l.trim() === '---');
  return end < 0 ? [] : Array.from({ length: end - 1 }, (_, i) => i + 1);
}

/**
 * The Markdown line behind a line of the generated .tex: the nearest source
 * marker above it. Above the first marker are the header and the theme's own code.
 */
function markdownLine(tex: string, texLine: number): number | undefined {
  const lines = tex.split('\n');
  for (let i = Math.min(texLine, lines.length) - 1; i >= 0; i--) {
    const marker = MARKER.exec(lines[i]!);
    if (marker) return Number(marker[1]);
  }
  return undefined;
}

/**
 * Where on the Markdown line TeX stopped: TeX's `l.80 ...` line ends with the
 * input it had read, so its last word, when the source line holds it just
 * once, marks the spot. Column 1 when that cannot be told.
 */
function columnOf(context: readonly string[], sourceLine: string | undefined): number {
  const read = context.map((l) => /^l\.\d+ (.*)$/.exec(l)?.[1]).find((l) => l !== undefined);
  const word = read
    ?.trimEnd()
    .split(/[\s{}\\]/)
    .at(-1);
  if (!word || sourceLine === undefined) return 1;
  const at = sourceLine.indexOf(word);
  return at >= 0 && sourceLine.indexOf(word, at + 1) < 0 ? [...sourceLine.slice(0, at)].length + 1 : 1;
}

const THEME_FILE = /^%mdcv file (.+)$/;

/**
 * The theme file (macros.tex, relative to the resume's folder) and line behind a
 * line of the preamble: the nearest `%mdcv file` marker above it, within the
 * preamble (the theme inserts its macros last there).
 */
function themeFileLine(tex: string, texLine: number): { file: string; line: number } | undefined {
  const lines = tex.split('\n');
  for (let i = Math.min(texLine, lines.length) - 1; i >= 0; i--) {
    if (lines[i]!.startsWith('%%% mdcv:')) return undefined;
    const marker = THEME_FILE.exec(lines[i]!);
    if (marker) return { file: marker[1]!, line: texLine - i - 1 };
  }
  return undefined;
}

/** fontspec's error for a font family fontconfig does not know. */
function missingFont(problems: readonly LogProblem[]): Requirement | undefined {
  for (const p of problems) {
    const match = /fontspec Error: The font "([^"]+)" cannot be found/.exec(p.message);
    if (match) return { kind: 'font', name: match[1]! };
  }
  return undefined;
}

/**
 * An error for each place a character the engine left out is written (the log says which
 * characters, not where), so one build names them all; one not in the Markdown (a locale's
 * word) is told without a line.
 */
export function lostCharacterDiagnostics(
  lost: readonly LostCharacter[],
  file: string,
  sourceLines: readonly string[],
  log: string,
): Diagnostic[] {
  const found = lost.flatMap(({ char, code }): Diagnostic[] => {
    const at = {
      file,
      severity: 'error' as const,
      message: messages.glyphMissing(char, code),
      hint: messages.glyphMissingHint,
    };
    const places = sourceLines.flatMap((sourceLine, i) =>
      sourceLine.includes(char)
        ? [{ ...at, line: i + 1, column: [...sourceLine.slice(0, sourceLine.indexOf(char))].length + 1, sourceLine }]
        : [],
    );
    return places.length > 0 ? places : [at];
  });
  // In the order of the file; the log, for --verbose, once.
  found.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0));
  return found.map((d, i) => (i === 0 ? { ...d, log } : d));
}
