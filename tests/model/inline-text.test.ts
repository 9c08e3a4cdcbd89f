import { expect, it } from 'vitest';
import { inlineText } from '../../src/model/inline-text.js';
import type { Inline } from '../../src/model/resume.js';

const nodes: Inline[] = [
  { type: 'task', done: true },
  { type: 'text', value: ' Led  the ' },
  {
    type: 'strong',
    children: [{ type: 'link', url: 'https://example.com/x', children: [{ type: 'text', value: 'move\nto' }] }],
  },
  { type: 'break' },
  { type: 'code', value: 'Rust' },
  { type: 'note', number: 2 },
];

it('drops the markup, folds white space, and shows boxes and links as each reader asks', () => {
  expect(inlineText(nodes, { task: (done) => (done ? '[x]' : '[ ]') })).toBe('[x] Led the move to Rust[2]');
  expect(inlineText(nodes, { task: () => 'X', link: (text, url) => `${text} <${url}>` })).toBe(
    'X Led the move to <https://example.com/x> Rust[2]',
  );
});
