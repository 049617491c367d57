import express from 'express';

/**
 * Every body is read as JSON whatever its Content-Type says, so `curl -d` without a header works; a body that is
 * not JSON is a 400, one over the limit a 413.
 */
export function jsonBody(limit: number) {
  return express.json({ limit, type: () => true });
}
