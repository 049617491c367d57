import { describe, expect, it } from 'vitest';
import { mergeCustomFields } from '../src/organization-members/custom-fields.js';

describe('mergeCustomFields', () => {
  const stored = { company: 'Acme', size: 10, tags: ['a'] };

  it('leaves what is stored when the patch is omitted', () => {
    expect(mergeCustomFields(stored, undefined)).toBe(stored);
    expect(mergeCustomFields(null, undefined)).toBeNull();
  });

  it('clears everything on null', () => {
    expect(mergeCustomFields(stored, null)).toBeNull();
  });

  it('merges key by key, and a key set to null is removed', () => {
    expect(mergeCustomFields(stored, { size: 20, company: null, website: 'x' })).toEqual({
      size: 20,
      tags: ['a'],
      website: 'x',
    });
  });

  it('replaces nested values whole rather than merging into them', () => {
    expect(mergeCustomFields({ address: { city: 'Oslo', zip: '0150' } }, { address: { city: 'Bergen' } })).toEqual({
      address: { city: 'Bergen' },
    });
  });

  it('on create, drops keys sent as null and keeps an empty object as sent', () => {
    expect(mergeCustomFields(null, { a: null, b: 1 })).toEqual({ b: 1 });
    expect(mergeCustomFields(null, {})).toEqual({});
  });

  it('never changes the stored object it was given', () => {
    const before = structuredClone(stored);
    mergeCustomFields(stored, { size: null });
    expect(stored).toEqual(before);
  });
});
