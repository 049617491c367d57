import { randomUUID } from 'node:crypto';
import { WebhookAttempt, WebhookDelivery, WebhookEndpoint, type Database, type EntityManager } from '@members/db';
import { kardowSignature, polarSignatureHeaders } from './signing.js';
import { assertDeliverableTarget } from './target-policy.js';

export interface DeliveryWorkerOptions {
  /** How often to look for due deliveries. */
  pollMs?: number;
  /** A receiver that has not answered in this time has failed this attempt (SPEC: 10 s). */
  timeoutMs?: number;
  /** The first retry comes after about this long, doubling each time up to an hour (with jitter). */
  retryBaseMs?: number;
  /** Retries stop, and the delivery is failed, once this long has passed since its first attempt. */
  giveUpAfterMs?: number;
  /** Deliveries given up on in a row before an endpoint is disabled. */
  disableAfterFailures?: number;
  batchSize?: number;
  onError?: (error: unknown) => void;
}

const hour = 60 * 60 * 1000;

/** What one attempt came to: `final` when retrying cannot help (a refused target, a disabled endpoint). */
interface Outcome {
  httpCode: number | null;
  response: string;
  succeeded: boolean;
  final: boolean;
}
/** A worker holds what it claimed this long; if its process dies, another takes the deliveries over after it. */
const leaseMs = 2 * 60 * 1000;

/**
 * Delivers the outbox, at least once. Each pass claims due deliveries under a lease: on PostgreSQL with
 * `FOR UPDATE SKIP LOCKED`, so several server processes never take the same one; on SQLite the one connection
 * serializes the claim. A delivery waits while an older one for the same member (or customer) and endpoint is
 * pending, so each receiver sees one member's events in order.
 */
export class DeliveryWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly options: Required<Omit<DeliveryWorkerOptions, 'onError'>> & Pick<DeliveryWorkerOptions, 'onError'>;

  constructor(
    private readonly db: Database,
    options: DeliveryWorkerOptions = {},
  ) {
    this.options = {
      pollMs: 250,
      timeoutMs: 10_000,
      retryBaseMs: 10_000,
      giveUpAfterMs: 24 * hour,
      disableAfterFailures: 10,
      batchSize: 20,
      ...options,
    };
  }

  start(): void {
    this.stopped = false;
    const tick = () => {
      this.running = this.runOnce()
        .then((claimed) => {
          if (!this.stopped) this.timer = setTimeout(tick, claimed >= this.options.batchSize ? 0 : this.options.pollMs);
        })
        .catch((error: unknown) => {
          this.options.onError?.(error);
          if (!this.stopped) this.timer = setTimeout(tick, this.options.pollMs * 4);
        });
    };
    tick();
  }

  /** Finishes the pass under way (its deliveries are sent and recorded), then stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One pass: claims what is due and delivers it; returns how many it claimed. */
  async runOnce(): Promise<number> {
    const ids = await this.claim();
    if (ids.length === 0) return 0;
    const em = this.db.fork();
    const deliveries = await em.find(WebhookDelivery, { id: { $in: ids } }, { populate: ['event', 'endpoint'] });
    // Every receiver is called at once; what became of them is written in one transaction, so a pass costs one
    // commit and one connection instead of one of each per delivery, which requests share the pool with. A pass is
    // recorded once its slowest receiver answers or times out; should the process die before, its deliveries are
    // sent again once their lease ends (at least once, as promised).
    const attempts = await Promise.all(
      deliveries.map(async (delivery) => {
        const started = new Date();
        const outcome = await this.attempt(delivery, started);
        return { delivery, started, outcome, durationMs: Date.now() - started.getTime() };
      }),
    );
    await em.transactional(async (tx) => {
      const live = await this.holdEndpoints(tx, deliveries);
      for (const attempt of attempts) {
        if (live.has(attempt.delivery.endpoint.id)) await this.record(tx, attempt);
      }
    });
    return ids.length;
  }

  /**
   * Holds the pass's endpoints (in id order) before any delivery row is written, and returns those that still exist.
   * Deleting an endpoint locks it first and then its deliveries (by cascade); recording a pass in the other order
   * (deliveries, then the attempts that reference the endpoint) deadlocked with it on PostgreSQL, and the delete was
   * answered 500. The deliveries of an endpoint deleted meanwhile went with it: there is nothing to record.
   */
  private async holdEndpoints(em: EntityManager, deliveries: WebhookDelivery[]): Promise<Set<string>> {
    const ids = [...new Set(deliveries.map((delivery) => delivery.endpoint.id))].sort();
    if (ids.length === 0) return new Set();
    const lock = this.db.dialect === 'postgresql' ? 'for key share' : '';
    const rows: { id: string }[] = await em.execute(
      `select id from webhook_endpoint where id in (${ids.map(() => '?').join(', ')}) order by id ${lock}`,
      ids,
    );
    return new Set(rows.map((row) => row.id));
  }

  private async claim(): Promise<string[]> {
    const now = new Date();
    const postgres = this.db.dialect === 'postgresql';
    const due = `
      select d.id from webhook_delivery d
      where d.status = 'pending' and d.next_attempt_at <= ? and (d.leased_until is null or d.leased_until < ?)
        and not exists (
          select 1 from webhook_delivery o
          where o.endpoint_id = d.endpoint_id and o.ordering_key = d.ordering_key and o.status = 'pending'
            and (o.created_at < d.created_at or (o.created_at = d.created_at and o.sequence < d.sequence)))
      order by d.next_attempt_at, d.created_at, d.sequence
      limit ${Number(this.options.batchSize)} ${postgres ? 'for update of d skip locked' : ''}`;
    const em = this.db.fork();
    const rows: { id: string }[] = await em
      .getConnection()
      .execute(`update webhook_delivery set leased_until = ? where id in (${due}) returning id`, [
        new Date(now.getTime() + leaseMs),
        now,
        now,
      ]);
    return rows.map((row) => row.id);
  }

  private attempt(delivery: WebhookDelivery, started: Date): Promise<Outcome> {
    const { event, endpoint } = delivery;
    if (!endpoint.enabled) {
      return Promise.resolve({
        httpCode: null,
        response: 'skipped: the endpoint is disabled',
        succeeded: false,
        final: true,
      });
    }
    return this.send(endpoint, delivery.id, event.type, event.payload, started);
  }

  private async record(
    em: EntityManager,
    {
      delivery,
      started,
      outcome,
      durationMs,
    }: { delivery: WebhookDelivery; started: Date; outcome: Outcome; durationMs: number },
  ): Promise<void> {
    const { event, endpoint } = delivery;
    em.create(WebhookAttempt, {
      id: randomUUID(),
      delivery: delivery.id,
      event: event.id,
      endpoint: endpoint.id,
      organization: endpoint.organization.id,
      succeeded: outcome.succeeded,
      httpCode: outcome.httpCode,
      response: outcome.response,
      durationMs,
      createdAt: started,
    });
    const firstAttemptedAt = delivery.firstAttemptedAt ?? started;
    const attempts = delivery.attempts + 1;
    const givenUp =
      !outcome.succeeded && (outcome.final || Date.now() - firstAttemptedAt.getTime() >= this.options.giveUpAfterMs);
    const backoff = Math.min(this.options.retryBaseMs * 2 ** (attempts - 1), hour) * (0.5 + Math.random());
    await em.nativeUpdate(
      WebhookDelivery,
      { id: delivery.id },
      {
        status: outcome.succeeded ? 'succeeded' : givenUp ? 'failed' : 'pending',
        attempts,
        firstAttemptedAt,
        lastHttpCode: outcome.httpCode,
        nextAttemptAt: new Date(Date.now() + backoff),
        leasedUntil: null,
        modifiedAt: new Date(),
      },
    );
    if (outcome.succeeded) {
      if (endpoint.consecutiveFailures > 0) {
        await em.nativeUpdate(WebhookEndpoint, { id: endpoint.id }, { consecutiveFailures: 0 });
      }
    } else if (givenUp) {
      const failures = endpoint.consecutiveFailures + 1;
      await em.nativeUpdate(
        WebhookEndpoint,
        { id: endpoint.id },
        { consecutiveFailures: failures, enabled: failures < this.options.disableAfterFailures && endpoint.enabled },
      );
    }
  }

  private async send(
    endpoint: WebhookEndpoint,
    deliveryId: string,
    type: string,
    body: string,
    at: Date,
  ): Promise<Outcome> {
    try {
      await assertDeliverableTarget(endpoint.url, 'url');
    } catch (refusal) {
      return { httpCode: null, response: (refusal as Error).message, succeeded: false, final: true };
    }
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'members-service-webhooks',
      ...(endpoint.surface === 'kardow'
        ? {
            'X-Kardow-Signature': kardowSignature(endpoint.secret, body),
            'X-Kardow-Event': type,
            'X-Kardow-Delivery': deliveryId,
          }
        : polarSignatureHeaders(endpoint.secret, deliveryId, at, body)),
    };
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      const text = (await response.text()).slice(0, 2048);
      const succeeded = response.status >= 200 && response.status < 300;
      return { httpCode: response.status, response: text, succeeded, final: false };
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : String(error);
      return { httpCode: null, response: reason.slice(0, 2048), succeeded: false, final: false };
    }
  }
}
