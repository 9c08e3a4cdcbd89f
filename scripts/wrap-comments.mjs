// Wraps comment lines over 120 characters at word boundaries, keeping their indent and comment marks
// (Prettier leaves comments as written). Run by `npm run format`, after Prettier.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MAX = 120;
const FOLDERS = ['src', 'tests', 'scripts'];

/** The words of `text` as lines that start with `prefix`, each at most MAX long (a longer word on its own). */
function wrap(prefix, text) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && `${prefix}${line} ${word}`.length > MAX) {
      lines.push(prefix + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(prefix + line);
  return lines;
}

function wrapped(source) {
  return source
    .split('\n')
    .flatMap((line) => {
      if (line.length <= MAX) return [line];
      const doc = /^(\s*)\/\*\* (.*) \*\/$/.exec(line);
      if (doc) return [`${doc[1]}/**`, ...wrap(`${doc[1]} * `, doc[2]), `${doc[1]} */`];
      const comment = /^(\s*)(\/\/ |\* )(.*)$/.exec(line);
      return comment ? wrap(comment[1] + comment[2], comment[3]) : [line];
    })
    .join('\n');
}

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'fixtures') yield* files(file);
    else if (/\.(ts|mjs)$/.test(entry.name)) yield file;
  }
}

for (const file of FOLDERS.flatMap((folder) => [...files(folder)])) {
  const source = readFileSync(file, 'utf8');
  const result = wrapped(source);
  if (result !== source) writeFileSync(file, result);
}
