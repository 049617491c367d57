import { describe, expect, it } from 'vitest';
import { casings, fromWire, surfaceCasing, toCamel, toSnake, toWire } from '../src/index.js';

describe('casing', () => {
  it('spells a field in snake_case and back', () => {
    expect(toSnake('externalCustomerId')).toBe('external_customer_id');
    expect(toCamel('external_customer_id')).toBe('externalCustomerId');
    expect(toCamel(toSnake('billingAddress'))).toBe('billingAddress');
  });

  it('renames every key of a response, nested and in lists, but keeps a caller’s metadata keys as they were', () => {
    const result = { customerId: 'c', items: [{ createdAt: 't' }], metadata: { plan_tier: 1, camelKey: 2 } };
    expect(toWire(result)).toEqual({
      customer_id: 'c',
      items: [{ created_at: 't' }],
      metadata: { plan_tier: 1, camelKey: 2 },
    });
  });

  it('reads snake_case requests and drops keys that are not snake_case, as Polar ignores unknown fields', () => {
    expect(fromWire({ customer_id: 'c', customerId: 'x', external_id: 'e' })).toEqual({
      customerId: 'c',
      externalId: 'e',
    });
    expect(fromWire('text')).toBe('text');
  });

  it('is decided once per surface: Kardow camelCase as sent, Polar snake_case', () => {
    expect(surfaceCasing).toEqual({ kardow: 'camel', polar: 'snake' });
    const kardow = casings[surfaceCasing.kardow];
    const polar = casings[surfaceCasing.polar];
    expect([kardow.wireName('approvalStatus'), polar.wireName('externalId')]).toEqual([
      'approvalStatus',
      'external_id',
    ]);
    const sent = { customerId: 'c' };
    expect(kardow.fromWire(sent)).toBe(sent);
    expect(polar.toWire(sent)).toEqual({ customer_id: 'c' });
  });
});
