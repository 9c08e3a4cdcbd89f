/** A location's parts (as JSON Resume has them), most specific first: the order its one line prints them in. */
export const LOCATION_PARTS = ['address', 'city', 'region', 'postalCode', 'countryCode'] as const;

export type LocationParts = Partial<Record<(typeof LOCATION_PARTS)[number], string>>;

/** `2712 Broadway St, San Francisco, California, CA 94115, US`: the parts on one line (a multi-line address too). */
export function locationLine(parts: LocationParts): string {
  return LOCATION_PARTS.flatMap((part) =>
    parts[part]?.trim() ? [parts[part].trim().replace(/\s*\n\s*/g, ', ')] : [],
  ).join(', ');
}
