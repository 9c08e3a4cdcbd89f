/** ANSI colours for one output stream: only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export interface Colors {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  dim(text: string): string;
}

export function colorsFor(stream: NodeJS.WritableStream, env: NodeJS.ProcessEnv = process.env): Colors {
  const on = (stream as { isTTY?: boolean }).isTTY === true && !env.NO_COLOR;
  const paint = (code: number, reset: number) => (text: string) =>
    on ? `\u001b[${code}m${text}\u001b[${reset}m` : text;
  return { red: paint(31, 39), yellow: paint(33, 39), green: paint(32, 39), dim: paint(2, 22) };
}
