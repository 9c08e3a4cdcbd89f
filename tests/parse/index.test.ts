import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { parseResume } from '../../src/parse/index.js';

/**
 * One loop over tests/fixtures/parse/<case>/: `input.md` is parsed and the
 * result matched against `expected.json` — the model as a partial match, the
 * diagnostics in full (same count; each message containing the expected text).
 */
const FIXTURES = path.join(import.meta.dirname, '../fixtures/parse');

interface Expected {
  resume?: object;
  diagnostics: Pick<Diagnostic, 'severity' | 'line' | 'message' | 'hint'>[];
}

describe('parseResume fixtures', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    test(name, () => {
      const source = readFileSync(path.join(FIXTURES, name, 'input.md'), 'utf8');
      const expected = JSON.parse(readFileSync(path.join(FIXTURES, name, 'expected.json'), 'utf8')) as Expected;
      const result = parseResume(source, 'input.md');

      if (expected.resume) expect(result.resume).toMatchObject(expected.resume);
      else expect(result.resume).toBeUndefined();

      const actual = [...result.diagnostics].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      expect(actual.map((d) => `${d.line}: ${d.severity}: ${d.message}`)).toHaveLength(expected.diagnostics.length);
      expected.diagnostics.forEach((want, i) => {
        const got = actual[i]!;
        expect({ severity: got.severity, line: got.line }).toEqual({ severity: want.severity, line: want.line });
        expect(got.message).toContain(want.message);
        if (want.hint) expect(got.hint).toBe(want.hint);
        expect(got.file).toBe('input.md');
      });
    });
  }
});

describe("the build's timeout bounds the parse", () => {
  const resume = '---\nname: Ada\ntimeout: 2\n---\n\n## Work\n\nDid things.\n';
  test('stops, with one error on the line it stopped at, once the time is up', () => {
    const overdue = parseResume(resume, 'resume.md', { since: performance.now() - 3000 });
    expect(overdue.resume).toBeUndefined();
    expect(overdue.diagnostics).toMatchObject([
      {
        line: 1,
        severity: 'error',
        message: "reading the Markdown took longer than the build's timeout (2 s); stopped here",
      },
    ]);
  });

  test("takes the frontmatter's `timeout:`, and the command line's over it", () => {
    const started = performance.now() - 3000;
    expect(
      parseResume(resume.replace('timeout: 2', 'timeout: 10'), 'resume.md', { since: started }).resume,
    ).toBeDefined();
    expect(parseResume(resume, 'resume.md', { since: started, timeout: 10_000 }).resume).toBeDefined();
    expect(parseResume(resume, 'resume.md', { since: started, timeout: 1000 }).diagnostics[0]?.message).toContain(
      '(1 s)',
    );
  });
});
