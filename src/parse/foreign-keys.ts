import { contactLink } from '../model/links.js';
import { messages } from '../model/messages.js';

/**
 * Frontmatter keys other tools write (pandoc, Jekyll, resume templates),
 * read as what they mean in mdcv. Each one used gets a note saying how it was
 * read, so nothing is taken silently and the person can learn mdcv's key.
 */

type Target = 'name' | 'headline' | 'email' | 'phone' | 'location' | 'website' | 'link';

interface Reading {
  target: Target;
  /** For a profile key: the address a bare handle (`jdoe`, `@jdoe`) belongs under. */
  profile?: string;
}

const FOREIGN: Record<string, Reading> = {
  title: { target: 'name' },
  author: { target: 'name' },
  subtitle: { target: 'headline' },
  'e-mail': { target: 'email' },
  mail: { target: 'email' },
  mobile: { target: 'phone' },
  telephone: { target: 'phone' },
  tel: { target: 'phone' },
  address: { target: 'location' },
  city: { target: 'location' },
  url: { target: 'website' },
  homepage: { target: 'website' },
  linkedin: { target: 'link', profile: 'https://linkedin.com/in/' },
  github: { target: 'link', profile: 'https://github.com/' },
  gitlab: { target: 'link', profile: 'https://gitlab.com/' },
  twitter: { target: 'link', profile: 'https://x.com/' },
  orcid: { target: 'link', profile: 'https://orcid.org/' },
};

/** A value that could be the name, decided once the body's `# Name` is known. */
export interface NameCandidate {
  key: string;
  value: string;
  line: number;
}

export interface ForeignNote {
  key: string;
  message: string;
  hint?: string;
}

export interface ForeignResult {
  /** The frontmatter with the foreign keys moved to mdcv's keys (those already set are kept). */
  data: Record<string, unknown>;
  notes: ForeignNote[];
  /** `title:` and `author:` values, in that order of preference. */
  names: NameCandidate[];
}

/** Whether mdcv reads `key` as one of its own (case aside). */
export function isForeignKey(key: string): boolean {
  return Object.hasOwn(FOREIGN, key.toLowerCase());
}

/**
 * Moves the foreign keys of `data` to mdcv's keys, with a note on each;
 * `keyLines` gains the line of each mdcv key so filled.
 */
export function readForeignKeys(data: Record<string, unknown>, keyLines: Record<string, number>): ForeignResult {
  const out: Record<string, unknown> = { ...data };
  const notes: ForeignNote[] = [];
  const names: NameCandidate[] = [];
  const links: unknown[] = [];
  const location: string[] = [];
  const note = (key: string, message: string, hint?: string): void => void notes.push({ key, message, hint });

  for (const [key, raw] of Object.entries(data)) {
    const reading = FOREIGN[key.toLowerCase()];
    if (!reading) continue;
    delete out[key];
    const value = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
    if (value === '') {
      note(key, messages.foreignKeyNotText(key));
      continue;
    }
    switch (reading.target) {
      case 'name':
        names.push({ key, value, line: keyLines[key] ?? 1 });
        break;
      case 'location':
        location.push(value);
        keyLines['location'] ??= keyLines[key]!;
        note(key, messages.foreignKeyRead(key, 'part of `location:`'));
        break;
      case 'link': {
        const url = profileUrl(value, reading.profile!);
        links.push(url);
        keyLines['links'] ??= keyLines[key]!;
        note(key, messages.foreignKeyRead(key, `a link: ${url}`), messages.foreignKeyHint(`links: [${url}]`));
        break;
      }
      default: {
        const target = reading.target;
        if (out[target] === undefined || out[target] === value) {
          out[target] = value;
          keyLines[target] ??= keyLines[key]!;
          note(key, messages.foreignKeyRead(key, `\`${target}:\``), messages.foreignKeyHint(`${target}: ${value}`));
        } else if (target === 'headline') {
          note(key, messages.foreignKeyLeftOut(key, target));
        } else {
          // A second email, phone or website is kept as a link rather than lost.
          links.push(contactLink(target, value));
          keyLines['links'] ??= keyLines[key]!;
          note(key, messages.foreignKeyRead(key, `a link (\`${target}:\` is set)`));
        }
      }
    }
  }
  if (location.length > 0 && (out['location'] === undefined || typeof out['location'] === 'string')) {
    out['location'] = joinPlaces([out['location'], ...location]);
  }
  if (links.length > 0 && (out['links'] === undefined || Array.isArray(out['links']))) {
    out['links'] = [...((out['links'] as unknown[]) ?? []), ...links];
  }
  return { data: out, notes, names };
}

/** `jdoe`, `@jdoe` or `in/jdoe` under the site's address; a URL or a domain as written. */
function profileUrl(value: string, profile: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || /\.[a-z]{2,}(\/|$)/i.test(value)) return value;
  const handle = value.replace(/^@/, '').replace(/^in\//, '').replace(/\/$/, '');
  return `${profile}${handle}`;
}

/** Place names joined with commas, each once (`city: Berlin` under `address: Hauptstr. 1, Berlin` adds nothing). */
function joinPlaces(parts: unknown[]): string {
  const kept: string[] = [];
  for (const part of parts) {
    if (typeof part !== 'string' || part.trim() === '') continue;
    if (kept.some((k) => k.includes(part.trim()))) continue;
    kept.push(part.trim());
  }
  return kept.join(', ');
}
