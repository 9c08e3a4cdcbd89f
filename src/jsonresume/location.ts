import { LOCATION_PARTS, locationLine, type LocationParts } from '../model/location.js';

/**
 * `2712 Broadway St, San Francisco, California, CA 94115, US` → its parts: a trailing
 * two-letter code is the country, the last part with digits (after the first) the
 * postal code, the last two others city and region, what comes before them the address.
 */
export function partsOfLine(line: string): LocationParts {
  const parts = line.split(/,\s*/);
  const result: LocationParts = {};
  if (parts.length > 1 && /^[A-Z]{2}$/.test(parts.at(-1)!)) result.countryCode = parts.pop();
  const postal = parts.length - 1 - [...parts].reverse().findIndex((p) => /\d/.test(p));
  if (postal > 0 && postal < parts.length) result.postalCode = parts.splice(postal, 1)[0];
  // The most specific parts fill the address when there are more than city and region.
  if (parts.length > 2) result.address = parts.splice(0, parts.length - 2).join(', ');
  const [city, region] = parts;
  if (city) result.city = city;
  if (region) result.region = region;
  return inOrder(result);
}

/** The location as the frontmatter writes it: one line when that line reads back as the same parts, else the parts. */
export function locationValue(parts: LocationParts): string | LocationParts | undefined {
  const given = inOrder(parts);
  const line = locationLine(given);
  if (line === '') return undefined;
  return JSON.stringify(partsOfLine(line)) === JSON.stringify(given) ? line : given;
}

function inOrder(parts: LocationParts): LocationParts {
  return Object.fromEntries(
    LOCATION_PARTS.filter((k) => parts[k] !== undefined && parts[k] !== '').map((k) => [k, parts[k]]),
  );
}
