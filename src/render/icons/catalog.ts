import feather from 'feather-icons/dist/icons.json' with { type: 'json' };
import {
  siBitbucket,
  siBluesky,
  siCodeberg,
  siGithub,
  siGitlab,
  siGooglescholar,
  siHuggingface,
  siKaggle,
  siLeetcode,
  siMastodon,
  siMedium,
  siOrcid,
  siResearchgate,
  siStackoverflow,
  siX,
  siYoutube,
} from 'simple-icons';
import type { Contact } from '../view.js';
import { pdfOperators, type Paint } from './pdf-path.js';

/** A contact's icon, for both outputs: SVG path data (24 units, y down) and the same as PDF operators. */
export interface Icon {
  d: string;
  paint: Paint;
  pdf: string;
}

/**
 * Brands' logos come from Simple Icons (CC0), everything else from Feather (MIT),
 * read from the packages as the resume is rendered: none is copied into mdcv.
 * LinkedIn asks Simple Icons not to carry its logo, so Feather's stands in.
 */
const BRANDS: [host: RegExp, icon: { path: string }][] = [
  [/(^|\.)github\.com$/, siGithub],
  [/(^|\.)gitlab\.com$/, siGitlab],
  [/(^|\.)orcid\.org$/, siOrcid],
  [/(^|\.)(x|twitter)\.com$/, siX],
  [/(^|\.)stackoverflow\.com$/, siStackoverflow],
  [/^scholar\.google\./, siGooglescholar],
  [/(^|\.)researchgate\.net$/, siResearchgate],
  [/(^|\.)kaggle\.com$/, siKaggle],
  [/(^|\.)medium\.com$/, siMedium],
  [/(^|\.)youtube\.com$/, siYoutube],
  [/(^|\.)bsky\.app$/, siBluesky],
  [/(^|\.)huggingface\.co$/, siHuggingface],
  [/(^|\.)leetcode\.com$/, siLeetcode],
  [/(^|\.)codeberg\.org$/, siCodeberg],
  [/(^|\.)bitbucket\.org$/, siBitbucket],
  [/^(mastodon\.social|fosstodon\.org|hachyderm\.io)$/, siMastodon],
];
const GENERIC: Record<Contact['kind'], keyof typeof feather> = {
  email: 'mail',
  phone: 'phone',
  location: 'map-pin',
  website: 'globe',
  link: 'link',
};

const made = new Map<string, Icon>();

export function iconFor(contact: Contact): Icon {
  const host = hostOf(contact.href);
  const brand = host === undefined ? undefined : BRANDS.find(([pattern]) => pattern.test(host))?.[1];
  if (brand) return icon(brand.path, 'fill');
  const name = host !== undefined && /(^|\.)linkedin\.com$/.test(host) ? 'linkedin' : GENERIC[contact.kind];
  return icon(pathOfShapes(feather[name]), 'stroke');
}

function icon(d: string, paint: Paint): Icon {
  let known = made.get(d);
  if (!known) made.set(d, (known = { d, paint, pdf: pdfOperators(d, paint) }));
  return known;
}

function hostOf(href: string | undefined): string | undefined {
  try {
    return href && /^https?:/.test(href) ? new URL(href).hostname.replace(/^www\./, '') : undefined;
  } catch {
    return undefined;
  }
}

/** Feather draws with SVG shapes; the same outlines as one path's data, so each output has one thing to draw. */
export function pathOfShapes(markup: string): string {
  const parts: string[] = [];
  for (const [, tag, attributes] of markup.matchAll(/<(\w+)\s([^>]*?)\/?>/g)) {
    const a = Object.fromEntries([...attributes!.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, k, v]) => [k!, v!]));
    const n = (key: string): number => Number(a[key] ?? 0);
    const points = (a['points'] ?? '')
      .trim()
      .split(/[\s,]+/)
      .map(Number);
    const pairs = points.reduce<string[]>(
      (out, v, i) => (i % 2 ? [...out.slice(0, -1), `${out.at(-1)} ${v}`] : [...out, String(v)]),
      [],
    );
    switch (tag) {
      case 'path':
        parts.push(a['d']!);
        break;
      case 'line':
        parts.push(`M${n('x1')} ${n('y1')}L${n('x2')} ${n('y2')}`);
        break;
      case 'polyline':
      case 'polygon':
        parts.push(`M${pairs.join('L')}${tag === 'polygon' ? 'Z' : ''}`);
        break;
      case 'circle':
      case 'ellipse': {
        const [rx, ry] = tag === 'circle' ? [n('r'), n('r')] : [n('rx'), n('ry')];
        const [cx, cy] = [n('cx'), n('cy')];
        parts.push(`M${cx - rx} ${cy}A${rx} ${ry} 0 1 0 ${cx + rx} ${cy}A${rx} ${ry} 0 1 0 ${cx - rx} ${cy}Z`);
        break;
      }
      case 'rect': {
        const [x, y, w, h] = [n('x'), n('y'), n('width'), n('height')];
        const r = Math.min(Number(a['rx'] ?? a['ry'] ?? 0), w / 2, h / 2);
        parts.push(
          r
            ? `M${x + r} ${y}H${x + w - r}A${r} ${r} 0 0 1 ${x + w} ${y + r}V${y + h - r}A${r} ${r} 0 0 1 ${x + w - r} ${y + h}` +
                `H${x + r}A${r} ${r} 0 0 1 ${x} ${y + h - r}V${y + r}A${r} ${r} 0 0 1 ${x + r} ${y}Z`
            : `M${x} ${y}H${x + w}V${y + h}H${x}Z`,
        );
        break;
      }
      default:
        throw new Error(`icon: unexpected SVG element <${tag}>`);
    }
  }
  return parts.join('');
}
