import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonResumeToMarkdown, resumeToJsonResume } from '../../src/jsonresume/index.js';
import { parseResume } from '../../src/parse/index.js';
import { keptShare, value } from '../support/jsonresume.js';

const text = value;
const list = fc.array(text, { maxLength: 4 });
/** ISO dates (`2021`, `2021-03`, `2021-03-15`) mostly, and anything people write instead (`Summer 2019`, `Present`). */
const date = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .date({ min: new Date('1950-01-01'), max: new Date('2049-12-31'), noInvalidDate: true })
      .chain((d) =>
        fc.constantFrom(d.toISOString().slice(0, 4), d.toISOString().slice(0, 7), d.toISOString().slice(0, 10)),
      ),
  },
  { weight: 1, arbitrary: text },
);
/** A link URL: a web address, or any text (which the import keeps as a `Url:` fact). */
const url = fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), text);
/**
 * The frontmatter's website and links: web addresses with or without their scheme (anything else is dropped with a
 * warning, by design).
 */
const webAddress = fc.oneof(fc.webUrl(), fc.domain());
const object = <T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) => fc.record(fields, { requiredKeys: [] });
const many = <T>(item: fc.Arbitrary<T>) => fc.array(item, { maxLength: 3 });
const range = { startDate: date, endDate: date };

/** JSON Resumes over the whole schema (1.x), every field optional. */
const jsonResume = object({
  basics: object({
    name: text,
    label: text,
    image: fc.oneof(fc.webUrl(), fc.stringMatching(/^[a-z]{1,8}\.(png|jpg)$/)),
    email: text,
    phone: text,
    url: webAddress,
    summary: text,
    location: object({ address: text, postalCode: text, city: text, countryCode: text, region: text }),
    profiles: many(object({ network: text, username: text, url: fc.oneof(webAddress, text) })),
  }),
  work: many(
    object({
      name: text,
      location: text,
      description: text,
      position: text,
      url,
      ...range,
      summary: text,
      highlights: list,
    }),
  ),
  volunteer: many(object({ organization: text, position: text, url, ...range, summary: text, highlights: list })),
  education: many(
    object({ institution: text, url, area: text, studyType: text, ...range, score: text, courses: list }),
  ),
  awards: many(object({ title: text, date, awarder: text, summary: text })),
  certificates: many(object({ name: text, date, url, issuer: text })),
  publications: many(object({ name: text, publisher: text, releaseDate: date, url, summary: text })),
  skills: many(object({ name: text, level: text, keywords: list })),
  languages: many(object({ language: text, fluency: text })),
  interests: many(object({ name: text, keywords: list })),
  references: many(object({ name: text, reference: text })),
  projects: many(
    object({
      name: text,
      description: text,
      highlights: list,
      keywords: list,
      ...range,
      url,
      roles: list,
      entity: text,
      type: text,
    }),
  ),
  meta: object({ canonical: fc.webUrl(), version: text, lastModified: text }),
});

// Many generated resumes, each parsed: on a busy machine this takes longer than one build.
describe('JSON Resume import then export, over generated resumes', { timeout: 180_000 }, () => {
  it("gives back every value of the schema (after the format's normalisations)", () => {
    fc.assert(
      fc.property(jsonResume, (resume) => {
        const { markdown } = jsonResumeToMarkdown(resume, 'x.json');
        const parsed = parseResume(markdown, 'x.md');
        expect(parsed.resume, markdown).toBeDefined();
        const { lost } = keptShare(resume, resumeToJsonResume(parsed.resume!).data);
        expect(lost, markdown).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
