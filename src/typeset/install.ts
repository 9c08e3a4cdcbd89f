import { readFileSync } from 'node:fs';
import { messages } from '../model/messages.js';
import type { Requirement } from './requirements.js';

/** The Debian/Ubuntu packages that hold pdflatex and the fonts and packages the themes use. */
export const TEX_PACKAGES = ['texlive-latex-base', 'texlive-latex-recommended', 'texlive-fonts-recommended'] as const;

/** The Debian/Ubuntu packages that bring an engine, or a font family (matched by prefix, most specific first). */
const DEBIAN_PACKAGES: { kind: Requirement['kind']; match: (name: string) => boolean; packages: readonly string[] }[] =
  [
    { kind: 'engine', match: (name) => name === 'pdflatex', packages: TEX_PACKAGES },
    { kind: 'engine', match: (name) => name === 'xelatex', packages: ['texlive-xetex'] },
    { kind: 'sandbox', match: (name) => name === 'bwrap', packages: ['bubblewrap'] },
    { kind: 'font', match: (name) => /^Noto (Serif|Sans|Sans Mono) CJK\b/.test(name), packages: ['fonts-noto-cjk'] },
    { kind: 'font', match: (name) => name.startsWith('Noto Sans Mono'), packages: ['fonts-noto-mono'] },
    { kind: 'font', match: (name) => name.startsWith('Noto '), packages: ['fonts-noto-core'] },
  ];

const PDFLATEX: Requirement = { kind: 'engine', name: 'pdflatex' };

/** The Debian/Ubuntu packages that provide a requirement (none when mdcv does not know them). */
export function debianPackages(requirement: Requirement): readonly string[] {
  return DEBIAN_PACKAGES.find((p) => p.kind === requirement.kind && p.match(requirement.name))?.packages ?? [];
}

/** What to install to get the requirements (by default pdflatex) on this system, in one line. */
export function installHint(
  platform: NodeJS.Platform = process.platform,
  osRelease: string = readOsRelease(),
  requirements: readonly Requirement[] = [PDFLATEX],
): string {
  const known = requirements.filter((r) => debianPackages(r).length > 0);
  const unknown = requirements.filter((r) => debianPackages(r).length === 0);
  const parts: string[] = [];
  if (platform === 'linux' && /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease)) {
    const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
    if (known.length > 0)
      parts.push(messages.engineInstallDebian(`${sudo}apt-get install`, [...new Set(known.flatMap(debianPackages))]));
  } else {
    for (const engine of known.filter((r) => r.kind === 'engine'))
      parts.push(platform === 'darwin' ? messages.engineInstallMac : messages.engineInstallOther(engine.name));
    const fonts = known.filter((r) => r.kind === 'font').map((r) => r.name);
    if (fonts.length > 0) parts.push(messages.fontInstallOther(fonts));
  }
  if (unknown.length > 0) parts.push(messages.fontInstallOther(unknown.map((r) => r.name)));
  return [...new Set(parts)].join('; ');
}

function readOsRelease(): string {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return '';
  }
}
