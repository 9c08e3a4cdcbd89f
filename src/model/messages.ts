/**
 * The texts of mdcv's messages about a person's input, in one table, so they
 * read alike and can be reviewed (or translated) in one place. Stages pick a
 * message here and attach it to a diagnostic; they never print.
 */

/** How a YAML value's type reads in a message. */
export function describeType(type: string): string {
  return (
    {
      string: 'text',
      number: 'a number',
      boolean: 'true/false',
      array: 'a list',
      object: 'a set of `key: value` pairs',
      null: 'empty',
      undefined: 'missing',
    }[type] ?? type
  );
}

export const messages = {
  // Reading the file
  fileMissing: 'cannot read the file: no such file',
  fileIsFolder: 'cannot read the file: it is a folder',
  fileUnreadable: (reason: string) => `cannot read the file: ${reason}`,
  fileTooLarge: (megabytes: string, limit: string) => `the file is ${megabytes} MB; a resume is at most ${limit} MB`,
  fileTooLargeHint: 'is this the right file?',
  fileBinary: 'this is binary data, not a text file',
  fileBinaryHint: 'a resume is a UTF-8 Markdown file',
  fileUtf16: 'the file is saved as UTF-16',
  fileEncodingHint: 'save it with the UTF-8 encoding',
  fileNotUtf8: (byte: string) => `invalid UTF-8 (byte 0x${byte})`,
  fileEmpty: 'the file is empty',
  fileEmptyHint: 'start with a frontmatter: a `---` line, `name: Your Name`, and another `---` line',
  nestedTooDeep: (depth: number, limit: number) => `nested ${depth} levels deep; at most ${limit} are read`,
  nestedTooDeepHint: 'lists nest one level deep in a resume',
  emphasisTooMany: (limit: number) =>
    `this paragraph has over ${limit} \`*\` or \`_\` marks, too many to read (pairing them up would take minutes)`,
  emphasisTooManyHint: 'a blank line ends a paragraph; a literal star is `\\*`',

  // Frontmatter
  frontmatterUnclosed: 'the frontmatter starting on line 1 is never closed',
  frontmatterUnclosedHint: 'end it with a `---` line',
  frontmatterNotMap: 'the frontmatter must be a set of `key: value` lines',
  jsonNotMarkdown: 'this is JSON (a JSON Resume?), not Markdown',
  jsonNotMarkdownHint: (file: string) =>
    `\`mdcv import ${file}\` writes a JSON Resume as Markdown, with a warning for anything left out; build that`,
  noName: 'no name: add `name:` to the frontmatter or start the body with `# Your Name`',
  noNameNoFrontmatter:
    'no name, and no frontmatter: start the file with a `---` line, `name: Your Name`, and another `---` line',
  localeNoWords: (tag: string, languages: readonly string[]) =>
    `mdcv has no words for \`${tag}\` yet, so it prints its own in English ("Present", "Page"); it has ${languages.join(', ')}`,
  localeNoWordsHint: (tag: string) =>
    `a language is one file of words in mdcv's locales/ folder: ${tag.split('-')[0]!.toLowerCase()}.yaml, like en.yaml`,
  unknownKey: (key: string) => `unknown key \`${key}\` is ignored`,
  foreignKeyRead: (key: string, as: string) => `\`${key}:\` is read as ${as}`,
  foreignKeyHint: (written: string) => `in mdcv's own words: \`${written}\``,
  foreignKeyNotText: (key: string) => `\`${key}:\` is not text; left out`,
  foreignKeyLeftOut: (key: string, target: string) => `\`${key}:\` is left out: \`${target}:\` is set`,
  nameFromKey: (key: string) => `\`${key}:\` is read as the name`,
  nameKeyLeftOut: (key: string, value: string, name: string) => `\`${key}: ${value}\` is left out: the name is ${name}`,
  didYouMean: (key: string) => `did you mean \`${key}\`?`,
  yamlUnclosedQuote: (quote: string) => `this ${quote} quote is never closed`,
  yamlUnclosedQuoteHint: (quote: string) => `end the value with ${quote}`,
  yamlTab: 'a tab indents this line; YAML indents with spaces only',
  yamlDuplicateKey: (key: string) => `\`${key}\` is set more than once`,
  yamlDuplicateKeyHint: 'keep one',
  yamlNestedMapping: 'a second `key: value` inside a value',
  yamlNestedMappingHint: 'put a value that contains `: ` in quotes, and check the indentation',
  yamlNotKeyValue: 'this line is not `key: value`',
  yamlNotKeyValueHint: 'check for a missing `:` or a stray indentation',
  yamlUnclosedFlow: (bracket: string) => `a \`${bracket}\` is never closed`,
  yamlReservedStart: (char: string) => `a value cannot start with \`${char}\``,
  yamlQuoteHint: 'put the value in quotes',
  yamlTooDeep: 'the frontmatter nests too deeply',
  yamlAliasBomb: 'the frontmatter expands too many aliases (`*name`)',
  yamlAliasBombHint: 'write the values out; aliases are not needed in a resume',
  yamlOther: (message: string) => `YAML: ${message}`,
  valueWrongType: (expected: string, received: string) => `must be ${expected}, not ${received}`,
  valueMissing: 'is missing',
  valueEmpty: 'must not be empty',
  valueChoice: (choices: readonly string[], received: string) =>
    `must be ${choices.map((c) => `\`${c}\``).join(' or ')}, not \`${received}\``,
  valueUnknownKey: (key: string) => `has an unknown key \`${key}\``,
  valueOther: (message: string) => message,

  // The body
  namesDisagree: (heading: string, frontmatter: string) =>
    `the \`# ${heading}\` heading and the frontmatter's \`name: ${frontmatter}\` disagree`,
  namesDisagreeHint: 'keep one, or make them the same',
  nameHeadingLate: '`# Name` belongs at the top of the body; this one is kept as a paragraph',
  entryBeforeSection: 'an entry heading before the first `## Section` is kept as a paragraph',
  roleOutsideEntry: 'a `####` role outside a `###` entry is read as an entry',
  dateBadMonth: (date: string) => `\`${date}\` is not a month: the part after the year runs 01 to 12`,
  dateBadMonthHint: 'write it as `2022-03` or `Mar 2022`',
  headingTooDeep: (depth: number) =>
    `\`${'#'.repeat(depth)}\` headings are not part of the format; kept as a paragraph`,
  codeBlock: 'a code block is printed as plain lines',
  listTooDeep: 'lists nest one level deep; deeper items are kept at the second level',
  inlineImage: 'an image in the text is not shown; its alt text is printed instead',
  badgesLeftOut: (names: readonly string[]) =>
    `the images above the name (a README's badges or photo) are left out: ${names.join(', ')}`,
  badgesLeftOutHint:
    "they are not resume content: a photo goes in `photo:`, and a badge's link may be written as a link below the name",
  inlineImageHint: 'use `photo:` in the frontmatter for a photo',

  // Links and raw markup
  attributeListLeftOut: 'kramdown attribute lists (`{: .class}`) style nothing here; they are left out',
  htmlTagsStripped: (count: number) =>
    `${count} HTML tag${count === 1 ? ' was' : 's were'} taken out (the first is here); the text is kept`,
  htmlTagsStrippedHint:
    '<b>, <i>, <del>, <a href> and <br> become bold, italic, struck text, links and line breaks; write Markdown for anything else',
  htmlCommentsLeftOut: (count: number) =>
    `${count} HTML comment${count === 1 ? ' was' : 's were'} left out (the first is here); ${count === 1 ? 'its' : 'their'} text is in no output`,
  htmlCommentsLeftOutHint: 'a comment is a note to yourself: take away `<!--` and `-->` to print its text',
  htmlContentDropped: (tag: string) => `the content of this <${tag}> element is code, not text: it is left out`,
  rawLatex: (command: string) => `raw LaTeX \`${command}\` is not passed through; it is printed as written`,
  linkDropped: (url: string) =>
    `link target \`${url}\` is dropped (only http, https, mailto and tel links are kept); its text is kept`,
  /** `where` is already quoted: "`website`", "`links` item 2". */
  frontmatterLinkDropped: (where: string, url: string) =>
    `${where}: link target \`${url}\` is dropped (only http, https, mailto and tel links are kept)`,

  // Photo
  photoType: (name: string) => `photo \`${name}\` must be a png, jpg or pdf file`,
  /** A file the build reads from the person's folder (`what`: the photo, a letter's resume) and would not read. */
  notRead: {
    missing: (what: string, file: string) => `${what} \`${file}\` not found`,
    outside: (what: string, file: string, holder: string) => `${what} \`${file}\` is outside the ${holder}'s folder`,
    special: (what: string, file: string) => `${what} \`${file}\` is not a regular file`,
    linked: (what: string, file: string, names: number) =>
      `${what} \`${file}\` has ${names} names (hard links): a hard link can lead to any file on the disk, so it is not read`,
    tooLarge: (what: string, file: string, megabytes: number) => `${what} \`${file}\` is over ${megabytes} MB`,
    unreadable: (what: string, file: string, cause: string) => `${what} \`${file}\` cannot be read: ${cause}`,
  },
  photoOutsideHint: 'copy the picture beside the resume and name it in `photo:`',
  photoLinkedHint: 'copy the picture (cp, not ln) beside the resume',
  photoMissingHint: (folder: string) =>
    `the path starts from the Markdown file's folder, ${folder}/; or remove \`photo:\` to go without`,
  photoCorrupt: (name: string, kind: string) =>
    `photo \`${name}\` is not a ${kind} image (its first bytes say otherwise)`,
  photoCorruptHint: 'export it again as png or jpg',
  photoNotShown: (theme: string) => `the ${theme} theme shows no photo: \`photo:\` is left out`,
  photoNotShownHint: 'remove `photo:`, or pick a theme that shows it',
  photoNotInDocx: (name: string) => `the Word document leaves out the photo \`${name}\`: Word shows no PDF image`,
  photoNotInDocxHint: 'give the photo as png or jpg to have it in the .docx too',
  photoUnreadable: (name: string, problem: string) => `photo \`${name}\` could not be typeset: ${problem}`,

  // Themes: a theme folder is untrusted, and reads only its own files
  notATheme: (dir: string) => `not a theme: no theme.yaml in ${dir}`,
  themeFolderTooLarge: (dir: string, over: 'entries' | 'depth', limit: number) =>
    over === 'entries'
      ? `the theme folder ${dir} holds over ${limit} files; a theme is a few dozen`
      : `the theme folder ${dir} nests deeper than ${limit} folders`,
  themeNoMachinery:
    "the LaTeX this template makes lacks mdcv's machinery (section continuation marks, the `mdcv-pages:` line that `pages:` fits by, ActualText): it predates the shared preamble",
  themeNoMachineryHint:
    "put `{{> preamble}}` in place of its preamble, from `\\documentclass` to `{{{macros}}}`; a theme's own partials/preamble.tex.hbs keeps `{{{machinery}}}`",
  themeFileOutside:
    "this is a link to a file outside the theme folder; a theme reads only its own files (and mdcv's templates)",
  themeFileSpecial: 'not a regular file (a fifo, a device or a socket); a theme reads only regular files',
  themeFileLinked: (names: number) =>
    `this file has ${names} names (hard links); a hard link can lead to any file on the disk, so a theme reads only files of one name (copy it instead)`,
  themeFileTooLarge: (megabytes: number) => `the file is larger than a theme file may be (at most ${megabytes} MB)`,
  themeFileUnreadable: (cause: string) => `cannot read the file: ${cause}`,
  extendsInvalid:
    "theme.yaml: `extends` must be a built-in theme's name, or a path to a theme folder beside this one (`../base`)",
  extendsUnknown: (name: string) =>
    `theme.yaml: \`extends: ${name}\` names no built-in theme; a theme folder is named by its path (\`../${name}\`)`,
  extendsOutside: (value: string) =>
    `theme.yaml: \`extends: ${value}\` leads out of the folder that holds this theme; a theme extends a built-in theme, or a theme folder beside it or inside it`,
  extendsNotATheme: (value: string) => `theme.yaml: \`extends: ${value}\` is no theme folder (no theme.yaml in it)`,
  extendsCycle: (names: readonly string[]) => `theme.yaml: \`extends\` goes round in a circle: ${names.join(' → ')}`,

  // The engine
  engineUnsandboxed: (engine: string, theme: string, problem: string) =>
    engine === 'xelatex'
      ? `the engine runs without its sandbox here (${problem}): xelatex does not contain the TeX of theme \`${theme}\`, which could put any file it names into the PDF`
      : `the engine runs without its sandbox here (${problem}): the TeX of theme \`${theme}\` is held by pdflatex's own restrictions alone`,
  engineUnsandboxedHint:
    'build only with themes you trust, or where bubblewrap runs (`mdcv doctor` says whether it does)',
  engineMissing: (engine: string) => `${engine} is not installed, so no PDF was made (the HTML and .tex were written)`,
  engineInstallDebian: (command: string, packages: readonly string[]) =>
    `install it with: ${command} ${packages.join(' ')}`,
  engineInstallMac: 'install MacTeX (https://tug.org/mactex/) or BasicTeX, then open a new terminal',
  engineInstallOther: (engine: string) =>
    `install TeX Live (https://tug.org/texlive/) and make sure \`${engine}\` is on the PATH`,
  fontInstallOther: (fonts: readonly string[]) =>
    `install the font${fonts.length > 1 ? 's' : ''} ${fonts.join(', ')} (the Noto fonts: https://fonts.google.com/noto)`,
  engineCannotSet: (engine: string, script: string, char: string, line?: number) =>
    `${engine} cannot set ${script} text (\`${char}\`${line ? ` on line ${line}` : ''})`,
  engineCannotSetHint: 'remove `engine:` so mdcv picks xelatex, or write `engine: xelatex`',
  fontMissing: (font: string) => `the font ${font} is not installed, so no PDF was made`,
  glyphMissing: (char: string, code: string) => `no font of the theme has the character ${char} (${code})`,
  glyphMissingHint: 'leave the character out, or use a theme whose fonts have it',
  engineTimeout: (engine: string, seconds: number) => `${engine} ran longer than ${seconds} s and was stopped`,
  engineOverran: (engine: string, what: 'output' | 'files', mb: number) =>
    what === 'output'
      ? `${engine} printed more than ${mb} MB and was stopped`
      : `${engine} wrote more than ${mb} MB into its build folder and was stopped`,
  engineOverranHint: "a resume makes some 50 KB, so the theme's TeX likely loops; --verbose shows where its log ends",
  parseOverdue: (seconds: number) =>
    `reading the Markdown took longer than the build's timeout (${seconds} s); stopped here`,
  parseOutOfMemory: (mb: number) =>
    `reading the Markdown needed more than the ${mb} MB mdcv gives it, in the block that starts here or soon after`,
  parseOutOfMemoryHint:
    'a block that cannot be read in parts is read at once, such as a long quote holding a list, a paragraph a mark runs across or one very long line: break it up',
  timeoutHint: 'if the resume is just very long, raise `timeout:` in the frontmatter or pass --timeout',
  engineFailed: (message: string) => `LaTeX failed: ${message}`,
  engineFailedInTemplate: (message: string, texLine: number) =>
    `LaTeX failed in the theme's template (generated .tex line ${texLine}): ${message}`,
  engineLogHint: 'run with --verbose for the full log',
  lineOverflows: (mm: number) =>
    `a line of the PDF runs ${mm} mm into the right margin: a word on it is longer than a line, and TeX cannot break it`,
  lineOverflowsHint: 'break the word with a space or a hyphen, or give a long link shorter text: `[text](url)`',

  // Other outputs and variants
  pngToolMissing: 'pdftoppm is not installed (needed for --format png)',
  pngToolHint: 'on Debian/Ubuntu: sudo apt-get install poppler-utils',
  pngFailed: (reason: string) => `pdftoppm failed: ${reason}`,
  startWithInit: '`mdcv init` starts a resume here',
  sameOutputs: (first: string, second: string, outputs: string) =>
    `${first} and ${second} would both write ${outputs}.*; build them into different folders with --out`,
  watchWaiting: (file: string) =>
    `${file} does not exist yet: it is built, with a live preview, once it is saved there (Ctrl-C to stop)`,
  watchNoFolder: (folder: string) => `cannot watch the file: its folder ${folder} does not exist`,

  // mdcv init
  initNoExample: (name: string, examples: readonly string[]) =>
    `there is no example \`${name}\`; the examples are ${examples.join(', ')}`,
  initNotFolder: 'this is a file, not a folder to start a resume project in',
  initResumeIsFolder: 'this is a folder; name a new Markdown file to start, or the folder without it',
  initNotFolderHint: '`mdcv init DIR` starts a project in a folder, `mdcv init NAME.md` one whose resume is NAME.md',
  tagUnused: (tag: string) => `no entry, role or item is tagged \`{.${tag}}\``,

  // JSON Resume import and export
  jsonInvalid: (reason: string) => `invalid JSON: ${reason}`,
  jsonNotObject: 'a JSON Resume is a JSON object',
  jsonNotList: (key: string) => `\`${key}\` should be a list; left out`,
  jsonUnknownSection: (key: string) => `\`${key}\` is not part of JSON Resume; left out`,
  jsonFieldLeftOut: (where: string) => `\`${where}\` is not a JSON Resume field; left out`,
  jsonFieldKept: (where: string, label: string) =>
    `\`${where}\` is not a JSON Resume field; kept as the fact \`${label}:\``,
  jsonFieldWrongType: (where: string, expected: string) => `\`${where}\` should be ${expected}; left out`,
  jsonNoName: '`basics.name` is missing: the Markdown says `Your Name`; write yours there',
  jsonImageRemote:
    'the picture is a URL: kept for the export as `jsonresume.image`, not printed (the PDF needs a local file)',
  jsonImageRemoteHint: 'download it beside the Markdown and set `photo:` to its file name',
  importWouldOverwrite: 'the file exists; it is left as it is',
  importWouldOverwriteHint: 'pass --force to overwrite it, or -o to write elsewhere',
  exportSectionLeftOut: (title: string) => `section "${title}" has no place in JSON Resume; left out`,
  exportTextBeforeEntries: (title: string) =>
    `text before the first entry of a ${title} section has no place in JSON Resume; left out`,
  exportNoText: (title: string, start: string) =>
    `${title} entries have no text in JSON Resume; "${start}" is left out`,
  exportNotADate: (text: string) => `\`${text}\` is not a date; left out`,
  exportEntriesInList: (title: string) =>
    `entries in a ${title} section have no place in JSON Resume; write \`- **name**: values\` lines`,
  exportSummaryList: "the summary's list is exported as lines of text",

  // Fitting to `pages:`
  pagesTooLong: (pages: number, needed: number, tightest: { fontSize: number; spacing: number; margin: string }) =>
    `does not fit on ${pages} page${pages === 1 ? '' : 's'}: even at ${tightest.fontSize}pt, ${tightest.spacing}% spacing and ${tightest.margin} margins it needs ${needed.toFixed(2)} pages, ${Math.round((needed - pages) * 100)}% of a page too long`,
  pagesTooLongHint: (needed: number) => `shorten it, or allow ${Math.ceil(needed)} pages`,

  // Cover letters
  letterNoBody: 'the letter has no text: write its paragraphs after the frontmatter',
  letterResumeMissingHint: (folder: string) => `the path starts from the letter's folder, ${folder}/`,
  letterResumeOutsideHint: "keep the resume in the letter's folder (or below it) and name it in `resume:`",
  letterResumeLinkedHint: 'copy the resume (cp, not ln) beside the letter',
  letterResumeIsLetter: (file: string) => `\`${file}\` is a cover letter (it has \`resume:\`), not a resume`,
  letterTooLong: (needed: number, tightest: { fontSize: number; spacing: number; margin: string }) =>
    `the letter does not fit on one page: even at ${tightest.fontSize}pt, ${tightest.spacing}% spacing and ${tightest.margin} margins it needs ${needed.toFixed(2)} pages, ${Math.round((needed - 1) * 100)}% of a page too long`,
  letterTooLongHint: 'a cover letter is one page: shorten the body',
  letterNoJson: 'a cover letter has no JSON Resume: `json` is not written',
  letterNotExported: 'this is a cover letter (it has `resume:`), which has no JSON Resume: export the resume it names',
};
