import svgpath from 'svgpath';

/** How an icon is painted: outlined (Feather's line icons) or filled (Simple Icons' logos). */
export type Paint = 'stroke' | 'fill';

/**
 * An icon's SVG path data (a 24-unit square, y down) as PDF content operators in a
 * 24-unit square with y up (PDF's way), painted: `m l c h` build the path, then `S`
 * strokes it (2 units wide, round ends, as the SVG says) or `f` fills it. The
 * caller scales the square to the text and sets the colour. Arcs and shorthand
 * curves become cubic Béziers, the only curves PDF draws.
 */
export function pdfOperators(d: string, paint: Paint): string {
  const ops: string[] = [];
  const at = (...xy: number[]): string => xy.map((n) => String(Math.round(n * 100) / 100)).join(' ');
  svgpath(d)
    .abs()
    .unshort()
    .unarc()
    .matrix([1, 0, 0, -1, 0, 24])
    .iterate((segment, _index, x, y) => {
      const [command, ...args] = segment as [string, ...number[]];
      switch (command) {
        case 'M':
          ops.push(`${at(args[0]!, args[1]!)} m`);
          break;
        case 'L':
          ops.push(`${at(args[0]!, args[1]!)} l`);
          break;
        case 'H':
          ops.push(`${at(args[0]!, y)} l`);
          break;
        case 'V':
          ops.push(`${at(x, args[0]!)} l`);
          break;
        case 'C':
          ops.push(`${at(...args)} c`);
          break;
        case 'Q': {
          // A quadratic Bézier is the cubic whose control points lie 2/3 of the way to its one.
          const [qx, qy, ex, ey] = args as [number, number, number, number];
          ops.push(
            `${at(x + (2 / 3) * (qx - x), y + (2 / 3) * (qy - y), ex + (2 / 3) * (qx - ex), ey + (2 / 3) * (qy - ey), ex, ey)} c`,
          );
          break;
        }
        case 'Z':
        case 'z':
          ops.push('h');
          break;
        default:
          throw new Error(`icon path: unexpected command ${command}`);
      }
    });
  return paint === 'stroke' ? `2 w 1 J 1 j ${ops.join(' ')} S` : `${ops.join(' ')} f`;
}
