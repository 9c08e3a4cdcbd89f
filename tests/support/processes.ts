import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** The processes whose working folder is `dir` or inside it (Linux /proc), e.g. an engine left running. */
export function processesIn(dir: string): string[] {
  return readdirSync('/proc').filter((pid) => /^\d+$/.test(pid) && cwdOf(pid)?.startsWith(dir));
}

/** The program a process runs (its `comm`: `pdflatex`, `bwrap`...). */
export function programOf(pid: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function cwdOf(pid: string): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return undefined;
  }
}

/** The processes whose command line holds every one of `words` (an engine started ahead: its file and format). */
export function processesRunning(...words: string[]): string[] {
  return readdirSync('/proc').filter((pid) => {
    try {
      const line = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return /^\d+$/.test(pid) && words.every((word) => line.includes(word));
    } catch {
      return false;
    }
  });
}

/** The processes matching `words` seen at any moment while `work` ran (looked for every few ms). */
export async function seenWhile<T>(words: string[], work: () => Promise<T>): Promise<{ result: T; seen: Set<string> }> {
  const seen = new Set<string>();
  const look = (): void => processesRunning(...words).forEach((pid) => seen.add(pid));
  const timer = setInterval(look, 2);
  try {
    const result = await work();
    return { result, seen };
  } finally {
    clearInterval(timer);
  }
}
