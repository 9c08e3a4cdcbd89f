import { readdirSync, readlinkSync } from 'node:fs';

/** The processes whose working folder is `dir` or inside it (Linux /proc), e.g. an engine left running. */
export function processesIn(dir: string): string[] {
  return readdirSync('/proc').filter((pid) => /^\d+$/.test(pid) && cwdOf(pid)?.startsWith(dir));
}

function cwdOf(pid: string): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return undefined;
  }
}
