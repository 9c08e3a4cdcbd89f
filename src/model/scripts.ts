import type { Diagnostic } from './diagnostic.js';
import { localeFor, type Locale } from './locale.js';
import { messages } from './messages.js';
import { PDFLATEX_CHARACTERS } from './pdflatex-characters.js';
import type { Block, Resume, RichText, Role } from './resume.js';

/**
 * The engine follows the text: pdflatex (small, fast, Type 1 fonts) when it can
 * set every character the resume prints, XeLaTeX with OpenType fonts otherwise.
 */
export type EngineName = 'pdflatex' | 'xelatex';

/** Which regional forms of the shared Han characters to print (an OpenType language of the CJK fonts). */
export type CjkLanguage = 'Chinese Simplified' | 'Chinese Traditional' | 'Japanese' | 'Korean';

export interface EngineChoice {
  engine: EngineName;
  /** The first character pdflatex cannot set, its script and line: why XeLaTeX. */
  because?: { char: string; script: string; line?: number };
  /** Present when the resume prints CJK text. */
  cjk?: CjkLanguage;
  /** The scripts the resume prints beyond Latin, in order of appearance. */
  scripts: string[];
}

/**
 * Code points set in the CJK fonts (Han, kana, Hangul, CJK punctuation, fullwidth
 * forms). The XeLaTeX preamble switches font on these same ranges.
 */
export const CJK_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x11ff], // Hangul Jamo
  [0x2e80, 0x2fdf], // CJK and Kangxi radicals
  [0x2ff0, 0x303f], // ideographic description, CJK symbols and punctuation
  [0x3040, 0x31ff], // kana, Bopomofo, Hangul compatibility Jamo, Kanbun, strokes
  [0x3200, 0x9fff], // enclosed CJK, CJK compatibility, ideographs (extension A and unified)
  [0xa960, 0xa97f], // Hangul Jamo extended A
  [0xac00, 0xd7ff], // Hangul syllables, Jamo extended B
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xffef], // halfwidth and fullwidth forms
  [0x20000, 0x3134f], // ideographs, extensions B to G
];

const PDFLATEX_RANGES: readonly (readonly [number, number])[] = PDFLATEX_CHARACTERS.split(' ').map((range) => {
  const [from, to = from] = range.split('-').map((hex) => parseInt(hex, 16));
  return [from!, to!] as const;
});

/** Dropped or replaced by the LaTeX escaping, so they never reach the engine as themselves. */
const ESCAPED_AWAY = /[\u0000-\u001f\u007f\u00ad\u200b]/u;

const SCRIPTS = [
  'Cyrillic',
  'Greek',
  'Han',
  'Hiragana',
  'Katakana',
  'Hangul',
  'Arabic',
  'Hebrew',
  'Devanagari',
  'Thai',
  'Armenian',
  'Georgian',
  'Latin',
].map((name) => ({ name, pattern: new RegExp(`\\p{Script=${name}}`, 'u') }));

export function pdflatexCanSet(char: string): boolean {
  const code = char.codePointAt(0)!;
  // Printable ASCII, most of any resume, first.
  if (code >= 0x20 && code <= 0x7e) return true;
  if (ESCAPED_AWAY.test(char)) return true;
  return inRanges(code, PDFLATEX_RANGES);
}

export function isCjk(char: string): boolean {
  return inRanges(char.codePointAt(0)!, CJK_RANGES);
}

/** How many columns a text takes in a monospaced font, or roughly in a proportional one: CJK characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isCjk(char) ? 2 : 1;
  return width;
}

/** The Unicode script of a character, for messages (`symbols` when it belongs to none named here). */
export function scriptOf(char: string): string {
  return SCRIPTS.find((s) => s.pattern.test(char))?.name ?? (isCjk(char) ? 'CJK symbols' : 'symbols');
}

/**
 * Picks the engine for a resume from every character it prints (its text and its
 * locale's words, and `printed`: a cover letter's text) and the frontmatter's `engine:`. Asking for pdflatex when the
 * text needs more is an error at the `engine:` line.
 */
export function chooseEngine(
  resume: Resume,
  printed: Iterable<PrintedText> = [],
): { choice: EngineChoice; diagnostics: Diagnostic[] } {
  const locale = localeFor(resume.settings.locale);
  const scripts: string[] = [];
  // Where pdflatex meets a script it cannot set first, and each symbol (an emoji, a star) it cannot.
  const beyond = new Map<string, NonNullable<EngineChoice['because']>>();
  const seen = { kana: false, hangul: false, cjk: false };
  for (const { text, line } of [...printedTexts(resume, locale), ...printed]) {
    for (const char of text) {
      if (pdflatexCanSet(char)) continue;
      const script = scriptOf(char);
      if (!scripts.includes(script)) scripts.push(script);
      const key = script.endsWith('symbols') ? char : script;
      if (!beyond.has(key)) beyond.set(key, { char, script, line });
      if (isCjk(char)) seen.cjk = true;
      if (script === 'Hiragana' || script === 'Katakana') seen.kana = true;
      if (script === 'Hangul') seen.hangul = true;
    }
  }
  const because = beyond.values().next().value;
  const requested = resume.settings.engine;
  const engine: EngineName = requested === 'auto' ? (because ? 'xelatex' : 'pdflatex') : requested;
  // Asked for pdflatex: all it cannot set at once, not one per build.
  const diagnostics: Diagnostic[] = [...(engine === 'pdflatex' ? beyond.values() : [])].map(
    ({ char, script, line }) => ({
      file: resume.file,
      line: resume.keyLines.engine,
      severity: 'error',
      message: messages.engineCannotSet('pdflatex', script, char, line),
      hint: messages.engineCannotSetHint,
    }),
  );
  const cjk = seen.cjk ? cjkLanguage(locale, seen) : undefined;
  return { choice: { engine, because, cjk, scripts }, diagnostics };
}

/**
 * The locale says which regional forms a CJK reader expects; failing that, kana mean Japanese and Hangul alone Korean.
 */
function cjkLanguage(locale: Locale, seen: { kana: boolean; hangul: boolean }): CjkLanguage {
  const [language, ...rest] = locale.tag.split('-').map((part) => part.toLowerCase());
  if (language === 'ja') return 'Japanese';
  if (language === 'ko') return 'Korean';
  if (language === 'zh')
    return rest.some((part) => ['tw', 'hk', 'mo', 'hant'].includes(part))
      ? 'Chinese Traditional'
      : 'Chinese Simplified';
  if (seen.kana) return 'Japanese';
  if (seen.hangul) return 'Korean';
  return 'Chinese Simplified';
}

/** A piece of text the layout prints, with the source line it comes from. */
export interface PrintedText {
  text: string;
  line?: number;
}

/** Every piece of text the layout prints, with the source line it comes from. */
function* printedTexts(resume: Resume, locale: Locale): Generator<PrintedText> {
  const { person, keyLines } = resume;
  for (const key of ['name', 'headline', 'email', 'phone', 'location', 'website'] as const) {
    const value = person[key];
    if (value) yield { text: value, line: keyLines[key] };
  }
  for (const link of person.links) yield { text: link.label, line: keyLines.links };
  for (const label of Object.values(locale.labels)) yield { text: label, line: keyLines.locale };
  yield* blockTexts(resume.summary);
  for (const section of resume.sections) {
    yield rich(section.title, section.line);
    yield* blockTexts(section.blocks);
    for (const entry of section.entries) for (const role of [entry, ...entry.roles]) yield* roleTexts(role);
  }
}

function* roleTexts(role: Role): Generator<{ text: string; line?: number }> {
  yield rich(role.title, role.line);
  if (role.aside) yield rich(role.aside, role.line);
  for (const detail of role.details) {
    if (detail.type === 'fact') {
      yield { text: detail.label, line: detail.line };
      yield rich(detail.value, detail.line);
    } else {
      yield rich(detail.text, detail.line);
      if (detail.aside) yield rich(detail.aside, detail.line);
    }
  }
  yield* blockTexts(role.blocks);
}

export function* blockTexts(blocks: readonly Block[]): Generator<{ text: string; line?: number }> {
  for (const block of blocks) {
    if (block.type === 'paragraph') yield rich(block.text, block.line);
    else if (block.type === 'table')
      for (const row of [block.head, ...block.rows]) for (const cell of row.cells) yield rich(cell.text, row.line);
    else for (const item of block.items) for (const it of [item, ...item.items]) yield rich(it.text, it.line);
  }
}

function rich(text: RichText, line: number): { text: string; line: number } {
  return { text: text.plain, line };
}

function inRanges(code: number, ranges: readonly (readonly [number, number])[]): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [from, to] = ranges[mid]!;
    if (code < from) high = mid - 1;
    else if (code > to) low = mid + 1;
    else return true;
  }
  return false;
}
