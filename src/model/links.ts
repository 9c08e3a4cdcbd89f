import type { Link } from './resume.js';

/** A URL as a person reads it: without its scheme (`https://`, `mailto:`, `tel:`) or a closing slash. */
export function shownUrl(url: string): string {
  return url.replace(/^(https?:\/\/|mailto:|tel:)/i, '').replace(/\/$/, '');
}

/** Where an email address or a phone number links to (a phone dials its digits). */
export function contactHref(kind: 'email' | 'phone', text: string): string {
  return kind === 'email' ? `mailto:${text}` : `tel:${text.replace(/[^\d+]/g, '')}`;
}

/** An email, phone or website that has no place of its own (one is set already), kept as a link. */
export function contactLink(kind: 'email' | 'phone' | 'website', text: string): Link {
  return { label: shownUrl(text), url: kind === 'website' ? text : contactHref(kind, text) };
}
