import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { makeFolder, writeWhole } from '../files/write.js';
import { loadTheme, ThemeError } from './theme.js';
import { themeChain } from './theme-chain.js';
import { layered, rootsOf, themeBytes, themeFiles } from './theme-files.js';

/**
 * Copies a theme out into `dir` as one folder that stands on its own: the
 * files it takes from the theme it extends are copied too, its macros and
 * stylesheet are written layered as they are used, and its theme.yaml holds
 * every default and its whole Word look (without `extends`). Never writes into a folder with files in it;
 * a file or folder it cannot write is a WriteError.
 */
export async function ejectTheme(name: string, dir: string): Promise<string[]> {
  if (existsSync(dir) && statSync(dir).isDirectory() && (await readdir(dir)).length > 0) {
    throw new ThemeError(`\`${dir}\` is not empty; eject into a new folder`, dir);
  }
  const chain = await themeChain(name, process.cwd());
  const theme = await loadTheme(name, process.cwd());
  // A file in the way is told here, as a write that cannot be.
  makeFolder(dir);
  const overlaid: Record<string, string> = {
    'macros.tex': layered(chain, 'macros.tex'),
    'style.css': layered(chain, 'style.css'),
    'theme.yaml': `# Ejected from the \`${name}\` theme of mdcv: edit freely, then use it with \`theme: ./${path.basename(dir)}\`.\n${stringify({ description: theme.description, ...(!theme.photo && { photo: false }), ...(theme.icons && { icons: true }), defaults: theme.defaults, docx: theme.docx })}`,
  };
  const written: string[] = [];
  for (const [relative, from] of themeFiles(chain)) {
    const to = path.join(dir, relative);
    makeFolder(path.dirname(to));
    // Read as the theme's own files are: only what is inside its folders.
    writeWhole(to, overlaid[relative] ?? themeBytes(from, rootsOf(chain)) ?? '');
    written.push(to);
  }
  return written.sort();
}
