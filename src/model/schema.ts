import { z } from 'zod';

/**
 * The frontmatter schema: the one source of the frontmatter's validation, its
 * TypeScript types and (through `z.toJSONSchema`) the JSON Schema editors use.
 */

const text = z.string().trim().min(1, 'must not be empty');
/** YAML reads `phone: 5551234` as a number; a phone number is text. */
const phoneText = z.union([text, z.number()]).transform(String);

export const linkSchema = z.union([
  text.describe('A URL; the label is the URL without its scheme'),
  z.strictObject({
    label: text.describe('The text shown for the link'),
    url: text.describe('Where the link goes'),
  }),
]);

export const personSchema = {
  name: text.optional().describe('Your name (required unless the body starts with `# Name`)'),
  headline: text.optional().describe('One line under the name, e.g. "Distributed Systems Engineer"'),
  photo: text.optional().describe('Path to a png, jpg or pdf image, relative to the Markdown file'),
  email: text.optional().describe('Email address; becomes a mailto: link'),
  phone: phoneText.optional().describe('Phone number; becomes a tel: link'),
  location: text.optional().describe('City, country'),
  website: text.optional().describe('Personal website; becomes a link'),
  links: z.array(linkSchema).optional().describe('More links: URLs, or {label, url} pairs'),
};

export const settingsSchema = {
  theme: text.default('classic').describe('A built-in theme name, or a path (./my-theme) to a theme folder'),
  paper: z.enum(['letter', 'a4']).default('letter').describe('Paper size of the PDF'),
  timeout: z
    .number()
    .positive('must be more than 0')
    .max(3600, 'must be at most 3600 (an hour)')
    .optional()
    .describe('Seconds pdflatex may run before it is stopped (default 60)'),
  keywords: z
    .array(text)
    .optional()
    .describe('PDF keywords; by default the values of every `Technologies:` line'),
  variants: z
    .record(z.string().regex(/^[\w-]+$/, 'a variant name is letters, digits, `-` and `_`'), z.array(text).min(1, 'name at least one tag'))
    .optional()
    .describe('Tailored variants, each a list of tags: `backend: [backend, distributed]` also writes NAME-backend.pdf, keeping what is untagged or tagged {.backend} or {.distributed}'),
};

export const frontmatterSchema = z
  .object({ ...personSchema, ...settingsSchema })
  .describe('mdcv resume frontmatter');

/** Frontmatter as written (before defaults). */
export type FrontmatterInput = z.input<typeof frontmatterSchema>;
/** Frontmatter after validation, with defaults filled in. */
export type Frontmatter = z.output<typeof frontmatterSchema>;
export type Link = z.output<typeof linkSchema>;

/** Every key the frontmatter knows, for spotting typos. */
export const knownFrontmatterKeys: readonly string[] = Object.keys(frontmatterSchema.shape);
