import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { siGithub, siOrcid } from 'simple-icons';
import { iconFor, pathOfShapes } from '../../../src/render/icons/catalog.js';

const feather = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../node_modules/feather-icons/dist/icons.json'), 'utf8'),
) as Record<string, string>;

it('gives brands their logo from Simple Icons, filled', () => {
  expect(iconFor({ kind: 'link', text: 'github.com/me', href: 'https://github.com/me' })).toMatchObject({
    d: siGithub.path,
    paint: 'fill',
  });
  expect(iconFor({ kind: 'link', text: 'ORCID', href: 'https://orcid.org/0000-0002-1825-0097' })).toMatchObject({
    d: siOrcid.path,
    paint: 'fill',
  });
  expect(iconFor({ kind: 'link', text: 'me', href: 'https://twitter.com/me' }).d).toBe(
    iconFor({ kind: 'link', text: 'me', href: 'https://x.com/me' }).d,
  );
});

it('gives everything else a Feather line icon: by kind, LinkedIn by its host', () => {
  expect(iconFor({ kind: 'email', text: 'a@b.c', href: 'mailto:a@b.c' })).toMatchObject({
    d: pathOfShapes(feather['mail']!),
    paint: 'stroke',
  });
  expect(iconFor({ kind: 'location', text: 'Paris' }).d).toBe(pathOfShapes(feather['map-pin']!));
  expect(iconFor({ kind: 'link', text: 'in', href: 'https://www.linkedin.com/in/me' }).d).toBe(
    pathOfShapes(feather['linkedin']!),
  );
  expect(iconFor({ kind: 'link', text: 'blog', href: 'https://blog.example.com' }).d).toBe(
    pathOfShapes(feather['link']!),
  );
  expect(iconFor({ kind: 'website', text: 'me.dev', href: 'https://me.dev' }).d).toBe(pathOfShapes(feather['globe']!));
});

it("draws Feather's shapes (circles, rects, lines, polylines) as one path", () => {
  expect(
    pathOfShapes('<line x1="2" y1="12" x2="22" y2="12"></line><polyline points="22,6 12,13 2,6"></polyline>'),
  ).toBe('M2 12L22 12M22 6L12 13L2 6');
  expect(pathOfShapes('<rect x="2" y="9" width="4" height="12"></rect>')).toBe('M2 9H6V21H2Z');
  expect(pathOfShapes('<circle cx="4" cy="4" r="2"></circle>')).toBe('M2 4A2 2 0 1 0 6 4A2 2 0 1 0 2 4Z');
  // Every icon mdcv uses turns into PDF operators.
  for (const name of ['mail', 'phone', 'map-pin', 'globe', 'link', 'linkedin'])
    expect(pathOfShapes(feather[name]!)).toMatch(/^M/);
});
