import { surfaceName, type SurfaceName } from '@members/contracts';
import { WebhookEndpoint, type Database, type EntityManager } from '@members/db';

export interface Subscriber {
  id: string;
  events: readonly string[];
}

interface Entry {
  endpoints: Subscriber[];
  readAt: number;
}

/**
 * The enabled endpoints of each organization and surface, read at most once a second: every write asks whom to
 * tell, the answer nearly always stays the same, and with nobody to tell a sync is one statement instead of a
 * transaction. An endpoint created, changed or deleted through this process is seen at once (`forget`); through
 * another process, within a second.
 *
 * Only answers are shared, never a read in progress: a caller inside a transaction holds a connection, and waiting
 * on a read that waits for a free connection deadlocks the pool once every connection is so held (seen under load:
 * requests timed out after knex's 60 s). Each caller that finds the answer stale reads it on its own connection.
 */
export class SubscriberCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by `forget`, so a read that began before an endpoint changed is not kept. */
  private readonly generations = new Map<string, number>();

  constructor(private readonly freshForMs = 1000) {}

  async of(em: EntityManager, organizationId: number, surface: SurfaceName): Promise<Subscriber[]> {
    const key = `${organizationId}:${surface}`;
    const readAt = Date.now();
    const cached = this.entries.get(key);
    if (cached && readAt - cached.readAt < this.freshForMs) return cached.endpoints;
    const generation = this.generations.get(key) ?? 0;
    const found = await em.find(
      WebhookEndpoint,
      { organization: organizationId, surface, enabled: true },
      { fields: ['id', 'events'] },
    );
    const endpoints = found.map((endpoint) => ({ id: endpoint.id, events: endpoint.events }));
    if ((this.generations.get(key) ?? 0) === generation) this.entries.set(key, { endpoints, readAt });
    return endpoints;
  }

  /** Those of `surface` subscribed to `type`. */
  async to(em: EntityManager, organizationId: number, surface: SurfaceName, type: string): Promise<Subscriber[]> {
    const endpoints = await this.of(em, organizationId, surface);
    return endpoints.filter((endpoint) => endpoint.events.includes(type) || endpoint.events.includes('*'));
  }

  forget(organizationId: number): void {
    for (const surface of surfaceName.options) {
      const key = `${organizationId}:${surface}`;
      this.entries.delete(key);
      this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    }
  }
}

const caches = new WeakMap<Database, SubscriberCache>();

/** One cache per database handle, shared by every request served from it. */
export function subscribersOf(db: Database): SubscriberCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new SubscriberCache()));
  return cache;
}
