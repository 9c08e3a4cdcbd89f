import { expect, it } from 'vitest';
import { pdfOperators } from '../../../src/render/icons/pdf-path.js';

it('turns SVG path data into PDF path operators, y flipped into a 24-unit square', () => {
  // A square from (2,2) to (22,22): SVG's top left is PDF's (2,22).
  expect(pdfOperators('M2 2H22V22H2Z', 'fill')).toBe('2 22 m 22 22 l 22 2 l 2 2 l h f');
  expect(pdfOperators('m2 2 10 0 0 10z', 'fill')).toBe('2 22 m 12 22 l 12 12 l h f');
});

it('strokes outlines 2 units wide with round ends, as the SVG icons say', () => {
  expect(pdfOperators('M4 12h16', 'stroke')).toBe('2 w 1 J 1 j 4 12 m 20 12 l S');
});

it('draws arcs and quadratic curves as cubic Béziers, the only curves PDF has', () => {
  const circle = pdfOperators('M2 12A10 10 0 1 0 22 12A10 10 0 1 0 2 12Z', 'stroke');
  expect(circle).toMatch(/^2 w 1 J 1 j 2 12 m( [\d. -]+ c)+ h S$/);
  expect(circle).not.toMatch(/ [AaQqSsTt] /);
  // The cubic for a quadratic from (0,0) over (12,12) to (24,0), in SVG's y-down space.
  expect(pdfOperators('M0 24Q12 12 24 24', 'stroke')).toBe('2 w 1 J 1 j 0 0 m 8 8 16 8 24 0 c S');
  expect(pdfOperators('M0 24Q12 12 24 24T48 24', 'stroke')).toMatch(/24 0 c 32 -8 40 -8 48 0 c S$/);
});
