import type { EngineName } from '../model/scripts.js';
import { run } from './run.js';
import { probeSandbox } from './sandbox.js';

/**
 * What a document needs installed (its engine, and for XeLaTeX its fonts), and
 * whether it is there; src/typeset/install.ts says how to get it.
 */
export interface Requirement {
  kind: 'engine' | 'font' | 'sandbox';
  /** The command (`xelatex`, `bwrap`) or the font family (`Noto Serif CJK SC`). */
  name: string;
}

/** The engine, its sandbox (bubblewrap, on Linux), and the OpenType fonts the LaTeX source loads through fontspec. */
export function requirementsOf(engine: EngineName, tex: string, platform = process.platform): Requirement[] {
  const fonts = new Set<string>();
  const loads = /\\(?:setmainfont|setsansfont|setmonofont|newfontfamily\\[A-Za-z@]+|fontspec)\{([^}]+)\}/g;
  if (engine === 'xelatex') for (const [, family] of tex.matchAll(loads)) fonts.add(family!.trim());
  const sandbox: Requirement[] = platform === 'linux' ? [SANDBOX] : [];
  return [{ kind: 'engine', name: engine }, ...sandbox, ...[...fonts].map((name) => ({ kind: 'font' as const, name }))];
}

export const SANDBOX: Requirement = { kind: 'sandbox', name: 'bwrap' };

/** A program that answers `--version` answers at once; one that hangs is not usable (ms). */
const PROBE_TIMEOUT = 20_000;

export interface Probe {
  requirement: Requirement;
  found: boolean;
  /** The engine's version line, or the font's file. */
  detail?: string;
}

/**
 * Whether a requirement is installed: an engine runs (`--version`); the sandbox runs a
 * program; a font is known to fontconfig.
 */
export async function probe(requirement: Requirement): Promise<Probe> {
  if (requirement.kind === 'sandbox') {
    const status = await probeSandbox();
    return { requirement, found: status.sandboxed, detail: status.problem };
  }
  if (requirement.kind === 'engine') {
    const version = await run(requirement.name, ['--version'], { timeout: PROBE_TIMEOUT });
    return {
      requirement,
      found: version.exitCode === 0,
      detail: version.exitCode === 0 ? version.stdout.split('\n')[0] : undefined,
    };
  }
  const match = await run('fc-match', ['--format=%{family}\n%{file}', requirement.name], { timeout: PROBE_TIMEOUT });
  if (match.exitCode !== 0)
    return { requirement, found: false, detail: 'fc-match (fontconfig) is not installed, so fonts cannot be checked' };
  // fc-match always answers with some font; it is the one asked for only when the family matches.
  const [families = '', file] = match.stdout.split('\n');
  const found = families.split(',').some((family) => family.trim().toLowerCase() === requirement.name.toLowerCase());
  return { requirement, found, detail: found ? file : undefined };
}
