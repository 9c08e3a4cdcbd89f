import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { jsonResumeToMarkdown, resumeToJsonResume } from '../../src/jsonresume/index.js';
import { parseResume } from '../../src/parse/index.js';
it('scratch', () => {
  const file = process.env.F ?? 'node_modules/@jsonresume/schema/sample.resume.json';
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const imp = jsonResumeToMarkdown(data, file);
  console.log(imp.markdown, imp.diagnostics);
  const p = parseResume(imp.markdown, 'x.md');
  console.log(p.diagnostics);
  const e = resumeToJsonResume(p.resume!);
  console.log(JSON.stringify(e.data, null, 1), e.diagnostics);
});
