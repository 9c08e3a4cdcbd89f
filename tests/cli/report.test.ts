import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mdcv, tempDir } from '../support/cli.js';
import { printed } from '../support/diagnostics.js';

/** What a terminal would act on: C0 and C1 controls but the newline, DEL, and the bidi overrides and isolates. */
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

describe('what mdcv prints carries no control character of the input', () => {
  it('shows escapes, C1 controls and bidi overrides in a message, its file name, hint and detail as visible codes', () => {
    const out = printed([
      {
        file: 'cv\u001b[2J.md',
        line: 3,
        severity: 'warning',
        message: 'unknown key `\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007` is ignored',
        hint: 'did you mean `\u202Eemail`?',
        detail: 'a log line\u009b31m\nand another\r',
      },
    ]);
    expect(out).not.toMatch(CONTROL);
    expect(out).toBe(
      'cv\\x1b[2J.md:3: warning: unknown key `\\x1b]8;;https://evil.example\\x07click\\x1b]8;;\\x07` is ignored (did you mean `\\u202eemail`?)\n' +
        '  a log line\\x9b31m\n  and another\\x0d\n',
    );
  });

  it('keeps the caret under its column in a source line with controls', () => {
    const out = printed([
      { file: 'cv.md', line: 1, column: 4, severity: 'error', message: 'bad', sourceLine: 'a\u001b\u202Ebcd' },
    ]);
    expect(out).not.toMatch(CONTROL);
    expect(out).toBe('cv.md:1:4: error: bad\n  a  bcd\n     ^\n');
  });

  it("the CLI prints none from a resume's keys, values, links or its file name", async () => {
    const dir = tempDir('escapes');
    const name = 'cv\u001b[31m\u202E.md';
    writeFileSync(
      path.join(dir, name),
      '---\nname: Ada\n"\\e[2Jkey": 1\npaper: "\\e]0;pwned\\a"\n---\n\nSee [x](javascript:\u001b[5m).\n',
    );
    const run = await mdcv(['build', name, '--format', 'html'], { cwd: dir });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('\\x1b[2Jkey');
    expect(run.stderr).toContain('cv\\x1b[31m\\u202e.md');
    expect(run.stderr).not.toMatch(CONTROL);
    const usage = await mdcv(['build', '--format', 'pdf\u001b[2J'], { cwd: dir });
    expect(usage.stderr).toContain("argument 'pdf\\x1b[2J' is invalid");
    expect(usage.stderr).not.toMatch(CONTROL);
    const missing = await mdcv(['validate', 'gone\u001b]0;x\u0007.md'], { cwd: dir });
    expect(missing.stderr.trim()).toBe('gone\\x1b]0;x\\x07.md: error: cannot read the file: no such file');
  });
});
