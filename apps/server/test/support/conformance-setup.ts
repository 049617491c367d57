import { afterEach, expect } from 'vitest';
import { takeViolations } from './polar-conformance.js';

// No test passes with a Polar response that Polar's own OpenAPI document would not allow.
afterEach(() => {
  expect(takeViolations(), 'responses that break the official Polar OpenAPI').toEqual([]);
});
