import { messages } from '../model/messages.js';
import type { ConfinedRead } from './read.js';

/** How to speak of a file read from the person's folder: the photo, a letter's resume. */
export interface RefusalWords {
  /** What the file is (`photo`, `resume`). */
  what: string;
  /** Whose folder it must be in (`resume`, `letter`). */
  holder: string;
  /** Its name from that folder, and as written (a path out is shown as written). */
  shown: string;
  written: string;
  limitMb: number;
  hints: { missing: string; outside: string; linked: string };
}

/** Why the file was not read, and what to do, in the person's words. */
export function refusal(
  read: Exclude<ConfinedRead, { ok: true }>,
  words: RefusalWords,
): { message: string; hint?: string } {
  const { what, shown, hints } = words;
  switch (read.reason) {
    case 'missing':
      return { message: messages.notRead.missing(what, shown), hint: hints.missing };
    case 'outside':
      return { message: messages.notRead.outside(what, words.written, words.holder), hint: hints.outside };
    case 'special':
      return { message: messages.notRead.special(what, shown) };
    case 'linked':
      return { message: messages.notRead.linked(what, shown, read.names), hint: hints.linked };
    case 'too-large':
      return { message: messages.notRead.tooLarge(what, shown, words.limitMb) };
    case 'unreadable':
      return { message: messages.notRead.unreadable(what, shown, read.cause) };
  }
}
