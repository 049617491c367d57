import { Agent, request } from 'undici';
import { chatMessage, isChatFormat } from './chat-message.js';
import type { ClaimedDelivery } from './delivery-claims.js';
import { kardowSignature, polarSignatureHeaders } from './signing.js';
import type { TargetPolicy } from './target-policy.js';

/**
 * What one attempt came to: `final` when retrying cannot help (a refused target, a disabled endpoint); `abandoned`
 * when the worker stopped before the receiver answered, which is no attempt at all.
 */
export interface Outcome {
  httpCode: number | null;
  response: string;
  succeeded: boolean;
  final: boolean;
  abandoned?: true;
}

/** What a receiver's answer is kept of, for the delivery history. */
const keptResponseBytes = 2048;

/**
 * Sends one delivery and says what became of it; never throws. Connections are kept alive per origin and resolved
 * through the target policy, so the address checked is the address connected to.
 */
export class WebhookSender {
  private readonly agent: Agent;
  private readonly abandoning = new AbortController();

  constructor(
    private readonly policy: TargetPolicy,
    private readonly timeoutMs: number,
  ) {
    // No cap on connections per origin: endpoints of many organizations can share one (a workflow tool's host), and
    // a slow one must not hold the connections another needs. The worker's in-flight limits bound the total.
    this.agent = new Agent({
      connect: { lookup: policy.lookup, timeout: timeoutMs },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
  }

  async send(delivery: ClaimedDelivery, at: Date): Promise<Outcome> {
    const { endpoint } = delivery;
    if (!endpoint.enabled) {
      return { httpCode: null, response: 'skipped: the endpoint is disabled', succeeded: false, final: true };
    }
    const refusal = this.policy.refusalOf(endpoint.url);
    if (refusal) return { httpCode: null, response: `refused: ${refusal}`, succeeded: false, final: true };
    const chat = isChatFormat(endpoint.format) ? endpoint.format : null;
    const body = chat ? chatMessage(chat, delivery.eventType, delivery.payload) : delivery.payload;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'members-service-webhooks',
      ...(chat
        ? {}
        : endpoint.surface === 'kardow'
          ? {
              'X-Kardow-Signature': kardowSignature(endpoint.secret, body),
              'X-Kardow-Event': delivery.eventType,
              'X-Kardow-Delivery': delivery.id,
            }
          : polarSignatureHeaders(endpoint.secret, delivery.id, at, body)),
    };
    try {
      const response = await request(endpoint.url, {
        method: 'POST',
        headers,
        body,
        dispatcher: this.agent,
        signal: AbortSignal.any([AbortSignal.timeout(this.timeoutMs), this.abandoning.signal]),
      });
      const text = await readSome(response.body);
      const succeeded = response.statusCode >= 200 && response.statusCode < 300;
      return { httpCode: response.statusCode, response: text, succeeded, final: false };
    } catch (error) {
      if (this.abandoning.signal.aborted) {
        return {
          httpCode: null,
          response: 'abandoned: the worker stopped',
          succeeded: false,
          final: false,
          abandoned: true,
        };
      }
      return { httpCode: null, response: reasonOf(error), succeeded: false, final: isRefusal(error) };
    }
  }

  /** Ends every send still waiting on its receiver: each resolves at once, abandoned. */
  abandon(): void {
    this.abandoning.abort();
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

/** The start of a receiver's answer; the rest is not read (a huge answer costs nothing but its first bytes). */
async function readSome(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= keptResponseBytes) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, keptResponseBytes);
}

const codeOf = (error: unknown): unknown => {
  if (!(error instanceof Error)) return undefined;
  return (error as NodeJS.ErrnoException).code ?? codeOf(error.cause);
};

/** A target the policy refused at connection time: retrying reaches the same address. */
const isRefusal = (error: unknown) => codeOf(error) === 'EPRIVATETARGET';

function reasonOf(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timed out';
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  const message = error instanceof Error ? `${error.message}${cause}` : String(error);
  return (isRefusal(error) ? `refused: ${message}` : message).slice(0, keptResponseBytes);
}
