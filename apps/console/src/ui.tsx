import type { ReactNode } from 'react';
import { messageOf } from './trpc.js';

/** A query's three other states, said in words (and announced to screen readers). */
export function QueryState({
  pending,
  error,
  empty,
  children,
}: {
  pending: boolean;
  error: unknown;
  empty?: string | false;
  children?: ReactNode;
}) {
  if (pending) return <p role="status">Loading…</p>;
  if (error) return <ErrorNote error={error} />;
  if (empty) return <p role="status">{empty}</p>;
  return <>{children}</>;
}

export function ErrorNote({ error }: { error: unknown }) {
  return (
    <p role="alert" className="error">
      {messageOf(error)}
    </p>
  );
}

/** A control the caller's key may not use: shown, disabled, and saying why. */
export const notAllowed = (scope: string) => `Your API key lacks the ${scope} scope`;
