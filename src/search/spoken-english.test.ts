import { describe, expect, it } from 'vitest';
import { spokenFrequency } from './spoken-english.js';

describe('how often spoken English uses a word', () => {
  it('counts a word in any case, and nothing for a word the list lacks', () => {
    // The list writes President and president apart: one word here.
    expect(spokenFrequency('president')).toBeGreaterThan(spokenFrequency('presidency'));
    expect(spokenFrequency('price')).toBeGreaterThan(spokenFrequency('primeness'));
    expect(spokenFrequency('zzzxq')).toBe(0);
  });
});
