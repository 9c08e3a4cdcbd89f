/**
 * JSON Resume dates (ISO 8601 with optional parts: `2021`, `2021-03`,
 * `2021-03-15`) and the way a resume writes them (`2021`, `Mar 2021`,
 * `15 Mar 2021`), both ways, so an import and an export give back the same date.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const OPEN_END = /^(present|now|today|current|ongoing)$/i;

export interface DateRange {
  start?: string;
  /** Absent for an open-ended range (`- Present`). */
  end?: string;
}

/** `2021-03` → `Mar 2021`; anything that is not an ISO date is returned as written. */
export function isoToText(iso: string): string {
  const m = ISO.exec(iso.trim());
  if (!m) return iso.trim();
  const [, year, month, day] = m;
  if (!month) return year!;
  const name = MONTHS[Number(month) - 1] ?? month;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

/** A range as a resume writes it: `Mar 2021 – Present`, or one date when start and end agree. */
export function rangeToText(start: string | undefined, end: string | undefined): string | undefined {
  if (!start && !end) return undefined;
  if (!start) return isoToText(end!);
  if (end === start) return isoToText(start);
  return `${isoToText(start)} \u2013 ${end ? isoToText(end) : 'Present'}`;
}

/** `Mar 2021`, `March 2021`, `15 Mar 2021`, `03/2021`, `2021-03`, `2021` → ISO; undefined when it is not a date. */
export function textToIso(text: string): string | undefined {
  const t = text.trim().replace(/,/g, '');
  if (ISO.test(t)) return t;
  const slash = /^(\d{1,2})\/(\d{4})$/.exec(t);
  if (slash) return `${slash[2]}-${slash[1]!.padStart(2, '0')}`;
  const named = /^(?:(\d{1,2})\s+)?([A-Za-z]{3,})\.?\s+(?:(\d{1,2})\s+)?(\d{4})$/.exec(t);
  if (!named) return undefined;
  const month = MONTHS.findIndex((m) => named[2]!.toLowerCase().startsWith(m.toLowerCase())) + 1;
  if (month === 0) return undefined;
  const day = named[1] ?? named[3];
  return `${named[4]}-${String(month).padStart(2, '0')}${day ? `-${day.padStart(2, '0')}` : ''}`;
}

/** `Mar 2021 – Present`, `2019-2020`, `2021` → a range; undefined when the text is not dates. */
export function textToRange(text: string): DateRange | undefined {
  const t = text.trim();
  const single = textToIso(t);
  if (single) return { start: single, end: single };
  for (const separator of t.matchAll(/\s*(?:[\u2013\u2014-]|\bto\b)\s*/g)) {
    const start = textToIso(t.slice(0, separator.index));
    const rest = t.slice(separator.index + separator[0].length);
    if (!start) continue;
    if (OPEN_END.test(rest)) return { start };
    const end = textToIso(rest);
    if (end) return { start, end };
  }
  return undefined;
}
