import { readFileSync } from 'node:fs';
import { messages } from '../model/messages.js';

/** The Debian/Ubuntu packages that hold pdflatex and the fonts and packages the themes use. */
export const TEX_PACKAGES = ['texlive-latex-base', 'texlive-latex-recommended', 'texlive-fonts-recommended'] as const;

/** What to install to get pdflatex on this system, in one line. */
export function installHint(platform: NodeJS.Platform = process.platform, osRelease: string = readOsRelease()): string {
  if (platform === 'darwin') return messages.engineInstallMac;
  if (platform === 'linux' && /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease)) {
    const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
    return messages.engineInstallDebian(`${sudo}apt-get install`, TEX_PACKAGES);
  }
  return messages.engineInstallOther;
}

function readOsRelease(): string {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return '';
  }
}
