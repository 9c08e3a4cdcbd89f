import { describe, expect, it } from 'vitest';
import { locationValue, partsOfLine } from '../../src/jsonresume/location.js';

describe('a location', () => {
  it('is one line when the line reads back as the same parts', () => {
    const parts = {
      address: '2712 Broadway St',
      city: 'San Francisco',
      region: 'California',
      postalCode: 'CA 94115',
      countryCode: 'US',
    };
    expect(locationValue(parts)).toBe('2712 Broadway St, San Francisco, California, CA 94115, US');
    expect(partsOfLine('2712 Broadway St, San Francisco, California, CA 94115, US')).toEqual(parts);
  });

  it('keeps its parts when one line would mistake them (a region written as a country code, a city alone)', () => {
    expect(locationValue({ city: 'San Francisco', region: 'CA' })).toEqual({ city: 'San Francisco', region: 'CA' });
    expect(locationValue({ countryCode: 'US' })).toEqual({ countryCode: 'US' });
    expect(locationValue({ address: '1 Main St\nApt 4', city: 'Leeds' })).toEqual({
      address: '1 Main St\nApt 4',
      city: 'Leeds',
    });
    expect(locationValue({})).toBeUndefined();
  });
});
