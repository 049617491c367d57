import type { ChannelListener, Database } from '@members/db';
import { deliveriesInFlight, deliveryAttempts, deliveryLag } from '../metrics.js';
import { AttemptRecorder, type RecordedAttempt } from './attempt-recorder.js';
import {
  claimDeliveries,
  releaseLeases,
  releaseLeasesOf,
  renewLeases,
  type ClaimedDelivery,
} from './delivery-claims.js';
import { onDeliveriesScheduled } from './outbox-signal.js';
import { inSpan, untraced } from '../tracing.js';
import { targetPolicyFromEnvironment, type TargetPolicy } from './target-policy.js';
import { WebhookSender } from './webhook-sender.js';

export interface DeliveryWorkerOptions {
  /** How often to look for due deliveries when nothing says there are any (retries come due this way). */
  pollMs?: number;
  /** A receiver that has not answered in this time has failed this attempt (SPEC: 10 s). */
  timeoutMs?: number;
  /** The first retry comes after about this long, doubling each time up to an hour (with jitter). */
  retryBaseMs?: number;
  /** Retries stop, and the delivery is failed, once this long has passed since its first attempt. */
  giveUpAfterMs?: number;
  /** Deliveries given up on in a row before an endpoint is disabled. */
  disableAfterFailures?: number;
  /** Deliveries in flight to one endpoint at most: what a slow receiver can hold of this process. */
  perEndpoint?: number;
  /** Deliveries in flight in all at most. */
  maxInFlight?: number;
  /**
   * A claimed delivery is leased this long and renewed every third of it while its receiver is answering: a process
   * that dies lets its deliveries go within this time, and one that lives never sees them sent twice meanwhile.
   */
  leaseMs?: number;
  /**
   * On stop, how long deliveries in flight may take to be answered. Past it they are abandoned: no attempt is
   * recorded, their leases are freed, and the next worker sends them again (at least once, as after a crash).
   */
  stopGraceMs?: number;
  /** Which targets may be called, and how their names are resolved. */
  targets?: TargetPolicy;
  onError?: (error: unknown) => void;
}

/** After a wake-up, how long to let more news gather so that one claim takes them together. */
const gatherMs = 5;
/**
 * Delivers the outbox, at least once, each endpoint on its own. A claim takes due deliveries under a lease, at most
 * `perEndpoint` in flight to any one endpoint, and sends each at once; each attempt is recorded when it finishes (see
 * AttemptRecorder), and a finished delivery frees its endpoint's place for the next claim. No claim waits for a
 * receiver, so a slow or dead one holds only its own places, never another endpoint's or organization's.
 *
 * New deliveries are heard of at once: on PostgreSQL by LISTEN (an insert notifies on commit, from any process), on
 * SQLite from this process's own writes; a poll every `pollMs` finds retries that came due and anything missed.
 * Per-member order per endpoint holds because a delivery is not claimable while an older one for the same member
 * and endpoint is pending, in flight included.
 */
export class DeliveryWorker {
  private readonly options: Required<Omit<DeliveryWorkerOptions, 'onError' | 'targets'>>;
  private readonly onError: (error: unknown) => void;
  private readonly sender: WebhookSender;
  private readonly recorder: AttemptRecorder;
  /** Deliveries in flight, per endpoint. */
  private readonly inFlight = new Map<string, number>();
  private inFlightTotal = 0;
  /** Deliveries whose receiver has not answered yet: their leases are renewed. */
  private readonly sendingIds = new Set<string>();
  private renewal: NodeJS.Timeout | undefined;
  private loop: Promise<void> | undefined;
  private stopped = true;
  /** Set when something may be due: the loop claims again rather than sleep. */
  private woken = false;
  private wake: () => void = () => undefined;
  private listener: ChannelListener | null = null;
  private unsubscribe: () => void = () => undefined;
  private readonly sending = new Set<Promise<void>>();

  constructor(
    private readonly db: Database,
    options: DeliveryWorkerOptions = {},
  ) {
    const { onError, targets, ...rest } = options;
    this.options = {
      pollMs: 250,
      timeoutMs: 10_000,
      retryBaseMs: 10_000,
      giveUpAfterMs: 24 * 60 * 60 * 1000,
      disableAfterFailures: 10,
      perEndpoint: 16,
      maxInFlight: 512,
      leaseMs: 10_000,
      stopGraceMs: 5_000,
      ...rest,
    };
    this.onError = onError ?? (() => undefined);
    this.sender = new WebhookSender(targets ?? targetPolicyFromEnvironment(), this.options.timeoutMs);
    this.recorder = new AttemptRecorder(db, this.options, this.onError, (attempts) => this.count(attempts));
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const wake = () => this.notify();
    this.listener = this.db.listen('webhook_delivery_due', wake, this.onError);
    // Without notifications (SQLite), this process's own writes say when there is something to send.
    if (!this.listener) this.unsubscribe = onDeliveriesScheduled(wake);
    this.renewal = setInterval(() => void this.renewLeases(), this.options.leaseMs / 3);
    this.renewal.unref();
    this.loop = this.run();
  }

  private async renewLeases(): Promise<void> {
    if (this.sendingIds.size === 0) return;
    await renewLeases(this.db, [...this.sendingIds], this.options.leaseMs).catch(this.onError);
  }

  /**
   * Stops claiming, lets the deliveries in flight finish and records them; those whose receivers have not answered
   * within `stopGraceMs` are abandoned.
   */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.unsubscribe();
    this.notify();
    await this.loop;
    await this.listener?.close();
    if (!(await this.sendsEndWithin(this.options.stopGraceMs))) {
      // A receiver that does not answer must not hold a shutdown for its whole timeout.
      const abandoned = [...this.sendingIds];
      this.sender.abandon();
      while (this.sending.size > 0) await Promise.all(this.sending);
      await releaseLeasesOf(this.db, abandoned).catch(this.onError);
    }
    clearInterval(this.renewal);
    await this.recorder.settled();
    await this.sender.close();
  }

  /** Whether every send in flight has ended within `ms` (called once claiming has stopped: no send starts after). */
  private async sendsEndWithin(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    try {
      return await Promise.race([Promise.all(this.sending).then(() => true), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  private notify(): void {
    this.woken = true;
    this.wake();
  }

  private async run(): Promise<void> {
    if (this.db.dialect === 'sqlite') await untraced(() => releaseLeases(this.db)).catch(this.onError);
    while (!this.stopped) {
      this.woken = false;
      let full: boolean;
      try {
        full = await this.claimAndSend();
      } catch (error) {
        this.onError(error);
        await this.sleep(this.options.pollMs * 4);
        continue;
      }
      if (!full) await this.idle();
    }
  }

  /**
   * After a claim that left nothing: waits for news or the poll interval. A method of its own because `woken` and
   * `stopped` change while the loop awaits, which narrowing within one function does not see.
   */
  private async idle(): Promise<void> {
    if (!this.woken) await this.sleep(this.options.pollMs);
    // News rarely comes alone: a moment lets the writes of the same instant go out in one claim.
    if (this.woken && !this.stopped) await new Promise((resolve) => setTimeout(resolve, gatherMs));
  }

  /** Sleeps until `ms` pass or something wakes the worker. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = () => undefined;
        done();
      };
    });
  }

  /** One claim for every free place; true when it filled what it asked for (there may be more due). */
  private async claimAndSend(): Promise<boolean> {
    const room = this.options.maxInFlight - this.inFlightTotal;
    if (room <= 0) return false;
    const free = new Map<string, number>();
    for (const [endpoint, count] of this.inFlight) free.set(endpoint, this.options.perEndpoint - count);
    const claimed = await untraced(() =>
      claimDeliveries(this.db, {
        limit: room,
        perEndpoint: this.options.perEndpoint,
        free,
        leaseMs: this.options.leaseMs,
      }),
    );
    for (const delivery of claimed) this.dispatch(delivery);
    return claimed.length >= room;
  }

  private dispatch(delivery: ClaimedDelivery): void {
    const endpoint = delivery.endpoint.id;
    this.inFlight.set(endpoint, (this.inFlight.get(endpoint) ?? 0) + 1);
    this.inFlightTotal++;
    this.sendingIds.add(delivery.id);
    deliveriesInFlight.inc();
    const started = new Date();
    const sending = inSpan(
      'webhook delivery',
      { 'webhook.endpoint.id': endpoint, 'webhook.event.type': delivery.eventType, 'webhook.delivery.id': delivery.id },
      async (span) => {
        const outcome = await this.sender.send(delivery, started);
        if (outcome.httpCode !== null) span.setAttribute('http.response.status_code', outcome.httpCode);
        return outcome;
      },
    )
      .then((outcome) => {
        this.sendingIds.delete(delivery.id);
        if (!outcome.abandoned) {
          this.recorder.record({ delivery, started, outcome, durationMs: Date.now() - started.getTime() });
        }
      })
      .finally(() => {
        this.sendingIds.delete(delivery.id);
        this.sending.delete(sending);
        const left = (this.inFlight.get(endpoint) ?? 1) - 1;
        const wasFull = left + 1 >= this.options.perEndpoint;
        if (left === 0) this.inFlight.delete(endpoint);
        else this.inFlight.set(endpoint, left);
        this.inFlightTotal--;
        deliveriesInFlight.dec();
        // The endpoint had no place for deliveries that may be waiting, or this process none at all: look again.
        if (wasFull || this.inFlightTotal + 1 >= this.options.maxInFlight) this.notify();
      });
    this.sending.add(sending);
  }

  private count(recorded: readonly RecordedAttempt[]): void {
    for (const { delivery, started, durationMs, status } of recorded) {
      const surface = delivery.endpoint.surface;
      deliveryAttempts.inc({ surface, outcome: status === 'pending' ? 'retrying' : status });
      if (status === 'succeeded') {
        const answeredAt = started.getTime() + durationMs;
        deliveryLag.observe({ surface }, (answeredAt - delivery.eventCreatedAt.getTime()) / 1000);
      }
    }
  }
}
