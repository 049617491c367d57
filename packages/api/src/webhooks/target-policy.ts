import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { DomainError } from '../errors.js';

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

/** Tests and private deployments set WEBHOOK_ALLOW_PRIVATE=1 to deliver to their own network. */
export const privateTargetsAllowed = () => process.env.WEBHOOK_ALLOW_PRIVATE === '1';

/**
 * Refuses a target that is not http(s) or that resolves to a private address: checked when an endpoint is saved
 * and again at every send, since a name can come to resolve elsewhere.
 */
export async function assertDeliverableTarget(url: string, field: string): Promise<void> {
  const refuse = (message: string) =>
    new DomainError('validation_failed', message, { issues: [{ path: [field], message }] });
  const target = URL.canParse(url) ? new URL(url) : null;
  if (!target || !['http:', 'https:'].includes(target.protocol)) throw refuse('must be an http or https URL');
  if (privateTargetsAllowed()) return;
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0) throw refuse('does not resolve to an address');
  if (addresses.some(isPrivate)) throw refuse('resolves to a private, loopback or link-local address');
}
