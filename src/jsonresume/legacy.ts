import type { JsonObject } from './sections.js';

/**
 * Field names of JSON Resume before 1.0 (the 0.x schema and the drafts people
 * still publish) and their 1.x names, by where they appear (`` is the top).
 */
const RENAMED: Record<string, Record<string, string>> = {
  '': { bio: 'basics', hobbies: 'interests' },
  basics: { picture: 'image', website: 'url' },
  location: { state: 'region' },
  work: { company: 'name', website: 'url' },
  volunteer: { website: 'url' },
  publications: { website: 'url' },
  education: { gpa: 'score' },
  awards: { awardDate: 'date' },
};

/**
 * The resume with pre-1.0 names read as their 1.x names (a name already given in 1.x wins; the old one stays, as an
 * unknown field).
 */
export function upgradeNames(data: JsonObject): JsonObject {
  const top = renamed(data, '');
  const basics = isObject(top.basics) ? renamed(top.basics, 'basics') : top.basics;
  if (isObject(basics) && isObject(basics.location)) basics.location = renamed(basics.location, 'location');
  const upgraded: JsonObject = { ...top, basics };
  for (const key of ['work', 'volunteer', 'publications', 'education', 'awards']) {
    if (Array.isArray(top[key]))
      upgraded[key] = top[key].map((item: unknown) => (isObject(item) ? renamed(item, key) : item));
  }
  if (upgraded.basics === undefined) delete upgraded.basics;
  return upgraded;
}

function renamed(object: JsonObject, where: string): JsonObject {
  const names = RENAMED[where] ?? {};
  return Object.fromEntries(
    Object.entries(object).map(([key, value]) => [
      // Own names only: `__proto__` or `constructor` in a file is a field like any other, not Object's.
      Object.hasOwn(names, key) && !Object.hasOwn(object, names[key]!) ? names[key]! : key,
      value,
    ]),
  );
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
