import { lookup as systemLookup } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { DomainError } from '../errors.js';
import { domainConfig } from '../config.js';

/** Loopback, private, link-local, carrier-grade NAT and the unspecified addresses: never a webhook target. */
const privateNetworks = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  privateNetworks.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  privateNetworks.addSubnet(network, prefix, 'ipv6');
}

const isPrivate = (address: string) => {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return privateNetworks.check(mapped, 'ipv4');
  return privateNetworks.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
};

/** A host name's addresses, as the system resolver (or a test's) answers them. */
export type ResolveHost = (host: string) => Promise<string[]>;

const resolveWithSystem: ResolveHost = async (host) =>
  (await systemLookup(host, { all: true }).catch(() => [])).map((answer) => answer.address);

/** What `net.connect` takes as `lookup`: answered with one address, or with all of them under `all`. */
type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

export interface TargetPolicyOptions {
  /** Deliver to private and loopback addresses too (tests, private deployments): WEBHOOK_ALLOW_PRIVATE=1. */
  allowPrivate: boolean;
  resolve?: ResolveHost;
}

/**
 * Which webhook targets may be called. A target is checked when an endpoint is saved (a clear 422 for the caller)
 * and again, for the address actually connected to, by `lookup`: the delivery's socket resolves the name once,
 * through this policy, and connects to the address it approved. A name that resolved to a public address when
 * saved and to 127.0.0.1 at send time (DNS rebinding) is refused at the connection, not reached.
 */
export class TargetPolicy {
  readonly allowPrivate: boolean;
  private readonly resolve: ResolveHost;

  constructor(options: TargetPolicyOptions) {
    this.allowPrivate = options.allowPrivate;
    this.resolve = options.resolve ?? resolveWithSystem;
  }

  /** Why `url` cannot be a target without resolving anything (scheme, a literal private address), or null. */
  refusalOf(url: string): string | null {
    const target = URL.canParse(url) ? new URL(url) : null;
    if (!target || !['http:', 'https:'].includes(target.protocol)) return 'must be an http or https URL';
    const host = hostOf(target);
    if (!this.allowPrivate && isIP(host) && isPrivate(host)) return privateRefusal;
    return null;
  }

  /** At save time: the URL's form, and every address its name resolves to now. */
  async assertDeliverable(url: string, field: string): Promise<void> {
    const refuse = (message: string) =>
      new DomainError('validation_failed', message, { issues: [{ path: [field], message }] });
    const refusal = this.refusalOf(url);
    if (refusal) throw refuse(refusal);
    const host = hostOf(new URL(url));
    if (this.allowPrivate || isIP(host)) return;
    const addresses = await this.resolve(host);
    if (addresses.length === 0) throw refuse('does not resolve to an address');
    if (addresses.some(isPrivate)) throw refuse(privateRefusal);
  }

  /** `net.connect`'s `lookup`: one resolution, refused when any answer is private; the socket connects to what it approved. */
  readonly lookup = (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    this.resolve(hostname).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
        const answers = addresses
          .map((address) => ({ address, family: isIP(address) }))
          .filter((answer) => answer.family !== 0 && (wanted === 0 || answer.family === wanted));
        if (answers.length === 0) return callback(lookupError('ENOTFOUND', `${hostname} does not resolve`), '');
        if (!this.allowPrivate && answers.some((answer) => isPrivate(answer.address))) {
          return callback(lookupError('EPRIVATETARGET', `${hostname} ${privateRefusal}`), '');
        }
        const [first] = answers as [LookupAddress, ...LookupAddress[]];
        if (options.all) callback(null, answers);
        else callback(null, first.address, first.family);
      },
      (error: unknown) => callback(lookupError('ENOTFOUND', String(error)), ''),
    );
  };
}

const privateRefusal = 'resolves to a private, loopback or link-local address';

const hostOf = (target: URL) => target.hostname.replace(/^\[|\]$/g, '');

function lookupError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/** The policy the environment sets: private targets only with WEBHOOK_ALLOW_PRIVATE=1. */
export const targetPolicyFromEnvironment = () => new TargetPolicy({ allowPrivate: domainConfig.webhookAllowPrivate });

/** Refuses a target that is not http(s) or that resolves to a private address, as the environment's policy says. */
export const assertDeliverableTarget = (url: string, field: string) =>
  targetPolicyFromEnvironment().assertDeliverable(url, field);
