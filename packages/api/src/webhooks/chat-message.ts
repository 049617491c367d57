import { isPlainObject } from '@members/contracts';

/** Targets that take a chat message rather than the event itself: Discord's and Slack's incoming webhooks. */
export type ChatFormat = 'discord' | 'slack';
export const isChatFormat = (format: string): format is ChatFormat => format === 'discord' || format === 'slack';

/** Discord refuses a `content` over 2,000 characters; Slack's `text` is kept as short. */
const maxLength = 2000;

const field = (object: unknown, key: string): unknown => (isPlainObject(object) ? object[key] : undefined);
const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : null);

/** Who or what an event is about, in words: the member's email, a subscription's status, a payment's amount. */
function subjectOf(data: unknown): string {
  const member = field(data, 'member');
  const access = field(data, 'access');
  const payment = field(data, 'payment');
  if (member) return `${text(field(member, 'email')) ?? 'a member'} (${text(field(member, 'role')) ?? 'member'})`;
  if (access) {
    const status = text(field(access, 'status')) ?? 'unknown';
    return `subscription ${text(field(access, 'id')) ?? ''} of member ${text(field(access, 'userId')) ?? ''}, now ${status}`;
  }
  if (payment) {
    return `${text(field(payment, 'amount')) ?? '?'} ${text(field(payment, 'currency')) ?? ''} from member ${text(field(payment, 'userId')) ?? ''}`;
  }
  // Polar's events carry the member or customer itself.
  return text(field(data, 'email')) ?? text(field(data, 'id')) ?? 'an object';
}

/**
 * The short human-readable message a chat target gets for an event (Kardow's `target_type` `discord` or `slack`,
 * Polar's endpoint `format`), in the body each service's incoming webhook accepts: Discord `{"content"}`, Slack
 * `{"text"}`. Unsigned, as those services read no signature.
 */
export function chatMessage(format: ChatFormat, eventType: string, payload: string): string {
  const event: unknown = JSON.parse(payload);
  const line = `${eventType}: ${subjectOf(field(event, 'data'))}`.slice(0, maxLength);
  return JSON.stringify(format === 'discord' ? { content: line } : { text: line });
}
