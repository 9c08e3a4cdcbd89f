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
