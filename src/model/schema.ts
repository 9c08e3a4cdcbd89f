import * as z from 'zod';
import { DEFAULT_LOCALE } from './locale.js';
import { LOCATION_PARTS } from './location.js';

/**
 * The frontmatter schema: the one source of the frontmatter's validation, its
 * TypeScript types and (through `z.toJSONSchema`) the JSON Schema editors use.
 */

const text = z.string().trim().min(1, 'must not be empty');
/** YAML reads `phone: 5551234` as a number; a phone number (or a postcode) is text. */
const phoneText = z.union([text, z.number()]).transform(String);

export const linkSchema = z.union([
  text.describe('A URL; the label is the URL without its scheme'),
  z.strictObject({
    label: text.describe('The text shown for the link'),
    url: text.describe('Where the link goes'),
  }),
]);

const locationPartsSchema = z
  .strictObject(
    Object.fromEntries(LOCATION_PARTS.map((part) => [part, text.optional()])) as Record<
      (typeof LOCATION_PARTS)[number],
      z.ZodOptional<typeof text>
    >,
  )
  .describe('The parts of the location, printed in this order on one line');

export const personSchema = {
  name: text.optional().describe('Your name (required unless the body starts with `# Name`)'),
  headline: text.optional().describe('One line under the name, e.g. "Distributed Systems Engineer"'),
  photo: text.optional().describe('Path to a png, jpg or pdf image, relative to the Markdown file'),
  email: text.optional().describe('Email address; becomes a mailto: link'),
  phone: phoneText.optional().describe('Phone number; becomes a tel: link'),
  location: z
    .union([text, locationPartsSchema])
    .optional()
    .describe('City, country; or its parts (address, city, region, postalCode, countryCode), as an import writes them'),
  website: text.optional().describe('Personal website; becomes a link'),
  links: z.array(linkSchema).optional().describe('More links: URLs, or {label, url} pairs'),
  jsonresume: z
    .strictObject({
      image: text.optional().describe("The picture's URL, for the export: the photo must be a local file (`photo:`)"),
      meta: z
        .record(z.string(), z.string())
        .optional()
        .describe('JSON Resume `meta` (canonical, version, lastModified)'),
    })
    .optional()
    .describe('What a JSON Resume import keeps for the export and no output prints'),
};

/** The font families of the small TeX install (psnfss, all Type 1). */
export const fontFamilies = ['charter', 'palatino', 'times', 'helvetica', 'utopia', 'bookman', 'newcentury'] as const;

/**
 * A colour as six hex digits, `#` optional. YAML reads `555555` as a number,
 * and an unquoted `#1F3A5F` as a comment (an empty value): both get a message that says to quote it.
 */
const hexColour = z.preprocess(
  (value) => (typeof value === 'number' ? String(value).padStart(6, '0') : (value ?? '')),
  z
    .string()
    .trim()
    .transform((value) => value.replace(/^#/, '').toUpperCase())
    .pipe(
      z
        .string()
        .regex(
          /^[0-9A-F]{6}$/,
          'must be a colour as six hex digits in quotes, e.g. "#1F3A5F" (unquoted, YAML reads # as the start of a comment)',
        ),
    ),
);

export const FONT_SIZE = { min: 8, max: 14 } as const;
export const SPACING = { min: 50, max: 150 } as const;

/**
 * Typesetting settings. Those without a default here take theirs from the
 * theme's `theme.yaml`; the frontmatter overrides both.
 */
export const settingsSchema = {
  theme: text.default('classic').describe('A built-in theme name, or a path (./my-theme) to a theme folder'),
  paper: z
    .enum(['letter', 'a4'])
    .optional()
    .describe("Paper size of the PDF (default: the theme's, letter in the built-in ones)"),
  font: z.enum(fontFamilies).optional().describe("Font family (default: the theme's)"),
  fontSize: z
    .number()
    .min(FONT_SIZE.min, `must be at least ${FONT_SIZE.min} (pt)`)
    .max(FONT_SIZE.max, `must be at most ${FONT_SIZE.max} (pt)`)
    .multipleOf(0.5, 'must be a whole or half point, e.g. 10 or 10.5')
    .optional()
    .describe("Body font size in points, 8 to 14 in half points (default: the theme's)"),
  margin: z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?(in|cm|mm|pt)$/, 'must be a length such as 0.6in, 1.5cm, 15mm or 40pt')
    .optional()
    .describe("Page margin on every side (default: the theme's)"),
  accent: hexColour
    .optional()
    .describe('Accent colour for names, titles and rules, e.g. "#1F3A5F" (default: the theme\'s)'),
  spacing: z
    .number()
    .int('must be a whole percentage')
    .min(SPACING.min, `must be at least ${SPACING.min} (percent)`)
    .max(SPACING.max, `must be at most ${SPACING.max} (percent)`)
    .optional()
    .describe("Vertical space between parts, in percent of the theme's (default 100)"),
  pageNumbers: z.boolean().optional().describe("Print page numbers in the footer (default: the theme's)"),
  pages: z
    .number()
    .int('must be a whole number of pages')
    .min(1, 'must be at least 1')
    .optional()
    .describe('Fit the resume on at most this many pages'),
  order: z
    .array(text)
    .optional()
    .describe('Section titles to print first, in this order; the others follow in document order'),
  hide: z.array(text).optional().describe('Section titles not to print'),
  timeout: z
    .number()
    .positive('must be more than 0')
    .max(3600, 'must be at most 3600 (an hour)')
    .optional()
    .describe(
      'Seconds the build may take, reading the Markdown and every engine run, before it is stopped (default 60)',
    ),
  keywords: z.array(text).optional().describe('PDF keywords; by default the values of every `Technologies:` line'),
  variants: z
    .record(
      z.string().regex(/^[\w-]+$/, 'a variant name is letters, digits, `-` and `_`'),
      z.array(text).min(1, 'name at least one tag'),
    )
    .optional()
    .describe(
      'Tailored variants, each a list of tags: `backend: [backend, distributed]` also writes NAME-backend.pdf, keeping what is untagged or tagged {.backend} or {.distributed}',
    ),
  locale: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as `en`, `de` or `zh-TW`')
    .default(DEFAULT_LOCALE)
    .describe(
      'The language of the words the layout prints (Present, page numbers, month names of YYYY-MM dates) and of the HTML page',
    ),
  engine: z
    .enum(['auto', 'pdflatex', 'xelatex'])
    .default('auto')
    .describe(
      'The TeX engine: `auto` picks pdflatex for text it can set, xelatex for other scripts (Cyrillic, Greek, CJK...)',
    ),
};

/** What a theme's `theme.yaml` may set as defaults: the look, not the content. Theme-specific keys pass through. */
export const themeDefaultsSchema = z.looseObject({
  paper: settingsSchema.paper,
  font: settingsSchema.font,
  fontSize: settingsSchema.fontSize,
  margin: settingsSchema.margin,
  accent: settingsSchema.accent,
  // A theme's own: a second colour for secondary text (contacts, facts), into the CSS and the TeX as written.
  muted: hexColour.optional().describe('Colour of secondary text, e.g. "#555555"'),
  spacing: settingsSchema.spacing,
  pageNumbers: settingsSchema.pageNumbers,
});

export const frontmatterSchema = z.object({ ...personSchema, ...settingsSchema }).describe('mdcv resume frontmatter');

/** Frontmatter as written (before defaults). */
export type FrontmatterInput = z.input<typeof frontmatterSchema>;
/** Frontmatter after validation, with defaults filled in. */
export type Frontmatter = z.output<typeof frontmatterSchema>;
export type Link = z.output<typeof linkSchema>;

/** Every key the frontmatter knows, for spotting typos. */
export const knownFrontmatterKeys: readonly string[] = Object.keys(frontmatterSchema.shape);

/**
 * Lines of an address: a list (YAML reads a line `- 10115` as a number: it is text), or a
 * block of text (`|`) with a line each; blank lines are dropped.
 */
const addressLines = z
  .union([z.array(phoneText), text])
  .transform((value) =>
    (Array.isArray(value) ? value : value.split(/\r?\n/)).map((line) => line.trim()).filter(Boolean),
  );

/**
 * A cover letter's frontmatter: the resume it goes with (whose name, contacts,
 * photo, theme and locale it takes) and what only a letter has.
 */
export const letterFrontmatterSchema = z
  .object({
    resume: text.describe(
      'The resume this letter goes with, relative to the letter (in its folder or below): the header, theme and locale come from it',
    ),
    to: addressLines.describe("The recipient's address, a line each: a list, or a block of text (`to: |`)"),
    subject: text.describe('The subject line, e.g. "Application: Staff Engineer, Platform"'),
    date: text
      .optional()
      .describe(
        "The date printed: YYYY-MM-DD prints in the resume's locale (5 March 2026, 5. März 2026); other text as written. Default: today",
      ),
    closing: text.optional().describe('The line before the signature (default: the locale\'s, e.g. "Sincerely,")'),
  })
  .describe('mdcv cover letter frontmatter');

export type LetterFrontmatter = z.output<typeof letterFrontmatterSchema>;

/** Every key a letter's frontmatter knows. */
export const knownLetterKeys: readonly string[] = Object.keys(letterFrontmatterSchema.shape);
