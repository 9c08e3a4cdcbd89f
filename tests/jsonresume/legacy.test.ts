import { describe, expect, it } from 'vitest';
import { upgradeNames } from '../../src/jsonresume/legacy.js';

describe('pre-1.0 JSON Resume names', () => {
  it('are read as their 1.x names, where the 1.x name is not given too', () => {
    expect(
      upgradeNames({
        bio: { picture: 'p.png', website: 'https://a.example', location: { state: 'WA' } },
        work: [{ company: 'Acme', website: 'https://acme.example' }, 'not an item'],
        education: [{ gpa: '3.9' }],
        awards: [{ awardDate: '2014' }],
        hobbies: [{ name: 'Chess' }],
      }),
    ).toEqual({
      basics: { image: 'p.png', url: 'https://a.example', location: { region: 'WA' } },
      work: [{ name: 'Acme', url: 'https://acme.example' }, 'not an item'],
      education: [{ score: '3.9' }],
      awards: [{ date: '2014' }],
      interests: [{ name: 'Chess' }],
    });
    expect(upgradeNames({ work: [{ company: 'Old', name: 'New' }] })).toEqual({
      work: [{ company: 'Old', name: 'New' }],
    });
  });
});
