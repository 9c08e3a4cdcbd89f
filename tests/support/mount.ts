import { execFileSync } from 'node:child_process';
import { statfsSync } from 'node:fs';
import { tempDir } from './cli.js';

/** Whether this process may mount a tmpfs (root, with mount(8)): disks that fill up or are read-only for real. */
export const CAN_MOUNT = ((): boolean => {
  if (process.getuid?.() !== 0) return false;
  try {
    const at = tempDir('mount-probe');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', at]);
    execFileSync('umount', [at]);
    return true;
  } catch {
    return false;
  }
})();

/** A small tmpfs at a new folder; `readOnly()` remounts it read-only; `unmount()` when done. */
export function tmpfs(size: string): { dir: string; free: () => number; readOnly: () => void; unmount: () => void } {
  const dir = tempDir('tmpfs');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  return {
    dir,
    free: () => {
      const stats = statfsSync(dir);
      return stats.bavail * stats.bsize;
    },
    readOnly: () => execFileSync('mount', ['-o', 'remount,ro', dir]),
    unmount: () => execFileSync('umount', ['-l', dir]),
  };
}
