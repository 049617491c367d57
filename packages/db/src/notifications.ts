import pg from 'pg';

/** A subscription to a PostgreSQL notification channel; `close` ends it. */
export interface ChannelListener {
  close(): Promise<void>;
}

/**
 * LISTENs on `channel` over a connection of its own (a pooled one would be handed to other work between queries and
 * miss what arrives meanwhile). A lost connection is opened again after a pause; notifications sent while it was
 * down are lost, so a listener is a way to hear of work early, never the only way to find it.
 */
export function listenToChannel(
  url: string,
  channel: string,
  onNotification: () => void,
  onError: (error: unknown) => void,
): ChannelListener {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  /** Clients already given up: a lost one can say so twice (`error`, then `end`), and is replaced once. */
  const given = new WeakSet<pg.Client>();
  const connect = async () => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', onNotification);
    next.on('error', (error) => {
      onError(error);
      reconnect(next);
    });
    next.on('end', () => reconnect(next));
    try {
      await next.connect();
      await next.query(`listen ${pg.escapeIdentifier(channel)}`);
      if (closed) {
        given.add(next);
        await next.end();
        return;
      }
      client = next;
      // Whatever was written while no one listened is looked for by the caller's next poll.
      onNotification();
    } catch (error) {
      onError(error);
      reconnect(next);
    }
  };
  const reconnect = (lost: pg.Client) => {
    if (given.has(lost)) return;
    given.add(lost);
    lost.removeAllListeners('end');
    lost.removeAllListeners('notification');
    void lost.end().catch(() => undefined);
    if (client === lost) client = undefined;
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, 1000);
  };
  void connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      const open = client;
      client = undefined;
      if (open) {
        given.add(open);
        open.removeAllListeners('end');
        await open.end().catch(() => undefined);
      }
    },
  };
}
