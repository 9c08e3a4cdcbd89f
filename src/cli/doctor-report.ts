/** What `mdcv doctor` prints; loaded only when the command runs, to keep the CLI's start light. */
import { resumeNeeds } from '../needs.js';
import { FONTS, type FontFamily } from '../render/fonts.js';
import { loadTheme } from '../render/index.js';
import { debianPackages, installHint } from '../typeset/install.js';
import { probe, SANDBOX, type Probe, type Requirement } from '../typeset/requirements.js';
import { printDiagnostics, visible } from './report.js';

/** Every engine and the default theme's XeLaTeX fonts: what is there, and how to get what is not. */
export async function checkSystem(themeName = 'classic'): Promise<number> {
  const theme = await loadTheme(themeName, process.cwd());
  const xetexFonts = [...new Set(Object.values((FONTS[theme.defaults.font as FontFamily] ?? FONTS.charter).opentype))];
  const required = await Promise.all([{ kind: 'engine' as const, name: 'pdflatex' }].map(probe));
  const forScripts = await Promise.all(
    [{ kind: 'engine' as const, name: 'xelatex' }, ...xetexFonts.map((name) => ({ kind: 'font' as const, name }))].map(
      probe,
    ),
  );
  out('For Latin text (pdflatex):');
  printProbes(required);
  const sandbox = process.platform === 'linux' ? [await probe(SANDBOX)] : [];
  if (sandbox.length > 0) {
    out("To keep a theme's TeX inside its build folder, on either engine:");
    printProbes(sandbox);
  }
  out(`For other scripts: Greek, Cyrillic, CJK... (xelatex, the ${theme.name} theme's fonts):`);
  printProbes(forScripts);
  const missing = [...required, ...sandbox, ...forScripts].filter((p) => !p.found).map((p) => p.requirement);
  if (missing.length === 0) out('Everything is installed.');
  else out(`To get what is missing, ${installHint(undefined, undefined, missing)}`);
  return required.every((p) => p.found) ? 0 : 1;
}

/** What one resume needs, why, and whether it is installed. */
export async function checkFile(file: string, theme?: string): Promise<number> {
  const needs = await resumeNeeds(file, { theme });
  printDiagnostics(needs.diagnostics.filter((d) => d.severity === 'error'));
  const because = needs.choice?.because;
  const why = because
    ? `: pdflatex cannot set its ${listed(needs.choice!.scripts)} text (first: \`${because.char}\`${because.line ? ` on line ${because.line}` : ''})`
    : needs.choice
      ? ': pdflatex sets all of its text'
      : '';
  const engine = needs.requirements.find((r) => r.kind === 'engine')!;
  out(
    `${visible(file)} needs ${engine.name}${why}${needs.choice?.cjk ? `, with ${needs.choice.cjk} forms of CJK characters` : ''}.`,
  );
  const probes = await Promise.all(needs.requirements.map(probe));
  printProbes(probes);
  const missing = probes.filter((p) => !p.found).map((p) => p.requirement);
  if (missing.length === 0) out('Everything it needs is installed.');
  else out(`To get what is missing, ${installHint(undefined, undefined, missing)}`);
  return missing.length === 0 ? 0 : 1;
}

/** `a`, `a and b`, `a, b and c`. */
function listed(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function printProbes(probes: readonly Probe[]): void {
  for (const { requirement, found, detail } of probes) {
    out(
      `  ${label(requirement)}: ${found ? 'found' : 'missing'}${detail ? ` (${detail})` : ''}${found ? '' : packageHint(requirement)}`,
    );
  }
}

function label(requirement: Requirement): string {
  if (requirement.kind === 'font') return `font ${requirement.name}`;
  return requirement.kind === 'sandbox' ? `sandbox (${requirement.name})` : requirement.name;
}

function packageHint(requirement: Requirement): string {
  const packages = debianPackages(requirement);
  return packages.length > 0 ? ` (Debian/Ubuntu: ${packages.join(' ')})` : '';
}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** What the files need, one `CHECK<TAB>PACKAGES` line each, for scripts/ensure-packages.sh. */
export async function printNeeds(files: readonly string[], theme?: string): Promise<void> {
  const lines = new Set<string>();
  for (const file of files) {
    for (const requirement of (await resumeNeeds(file, { theme })).requirements) {
      const check = requirement.kind === 'font' ? `font:${requirement.name}` : requirement.name;
      lines.add(`${check}\t${debianPackages(requirement).join(' ')}`);
    }
  }
  for (const line of lines) out(line);
}
