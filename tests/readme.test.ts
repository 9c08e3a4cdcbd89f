import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

it("README's layout of the code names every file and folder of src/, and nothing that is gone", () => {
  const readme = readFileSync('README.md', 'utf8');
  const layout = readme.slice(readme.indexOf('## Layout of the code'));
  const block = layout.slice(layout.indexOf('```'), layout.indexOf('```', layout.indexOf('```') + 3));
  const named = [...block.matchAll(/^src\/(\S+?)\/?\s/gm)].map((m) => m[1]!).sort();
  const tree = readdirSync('src').sort();
  expect(named.map((name) => name.replace(/\/$/, ''))).toEqual(tree);
});
