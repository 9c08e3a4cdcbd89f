import type { Root } from 'mdast';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { compacted } from '../../src/parse/compact.js';
import { remarkGfmSyntax } from '../../src/parse/gfm.js';

const parse = (text: string) => unified().use(remarkParse).use(remarkGfmSyntax).parse(text) as Root;
const table = `| a | b |\n|---|---|\n${Array.from({ length: 4000 }, (_, i) => `| Topic ${i} | *done* |\n`).join('')}`;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The heap a tree holds, measured after full collections. */
function heldBy(make: () => Root): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const tree = make();
  gc();
  const held = process.memoryUsage().heapUsed - before;
  expect(tree.children).not.toHaveLength(0);
  return held;
}

describe('compacted', () => {
  it('gives the same tree, its own nodes', () => {
    const tree = parse(table);
    const cell = tree.children[0]!;
    expect(compacted(structuredClone(tree))).toEqual(tree);
    expect(compacted(tree).children[0]).toBe(cell);
  });

  it('holds a long table in at least a fifth less memory', () => {
    const whole = heldBy(() => parse(table));
    const compact = heldBy(() => compacted(parse(table)));
    expect(compact).toBeLessThan(0.8 * whole);
  });
});
