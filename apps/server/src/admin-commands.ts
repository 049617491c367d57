import {
  apiKeyCreateInput,
  customerCreateAdminInput,
  apiKeyRevokeInput,
  organizationCreateInput,
  planCreateInput,
} from '@members/contracts';
import {
  createCustomer,
  createOrganization,
  createPlan,
  issueApiKey,
  requireOrganization,
  revokeApiKey,
  type IssuedApiKey,
} from '@members/api';
import type { EntityManager } from '@members/db';

type Flags = Record<string, string | undefined>;

/** One admin command: its `--json` object (SPEC.md's shape) and the same for people. */
export interface AdminCommand {
  run(em: EntityManager, flags: Flags): Promise<{ json: object; text: string }>;
}

const list = (value: string | undefined) =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');

const keyText = (apiKey: IssuedApiKey) =>
  `API key ${apiKey.id} (${apiKey.scopes.join(', ')}), shown only now:\n${apiKey.key}`;

export const adminCommands: Record<string, AdminCommand> = {
  'org create': {
    async run(em, flags) {
      const input = organizationCreateInput.parse({ name: flags.name });
      const json = await createOrganization(em, input.name);
      return {
        json,
        text: `Organization ${json.organization.id} "${json.organization.name}"\n${keyText(json.apiKey)}`,
      };
    },
  },
  'key create': {
    async run(em, flags) {
      const input = apiKeyCreateInput.parse({
        organizationId: flags.org,
        scopes: list(flags.scopes),
        name: flags.name,
      });
      const apiKey = await issueApiKey(em, input.organizationId, input.scopes, input.name);
      return { json: { apiKey }, text: keyText(apiKey) };
    },
  },
  'key revoke': {
    async run(em, flags) {
      const input = apiKeyRevokeInput.parse({ id: flags.id });
      const apiKey = await revokeApiKey(em, input.id);
      return { json: { apiKey }, text: `Revoked API key ${apiKey.id} at ${apiKey.revokedAt}` };
    },
  },
  'plan create': {
    async run(em, flags) {
      const input = planCreateInput.parse({
        organizationId: flags.org,
        name: flags.name,
        stripePriceId: flags['stripe-price-id'],
        paypalPlanId: flags['paypal-plan-id'],
        jobsIncluded: flags.jobs,
      });
      const plan = await createPlan(em, input);
      return { json: { plan }, text: `Plan ${plan.id} "${plan.name}"` };
    },
  },
  'customer create': {
    async run(em, flags) {
      const input = customerCreateAdminInput.parse({
        organizationId: flags.org,
        email: flags.email,
        name: flags.name,
        externalId: flags['external-id'],
        type: flags.type,
      });
      await requireOrganization(em, input.organizationId);
      const created = await createCustomer(em, input.organizationId, input);
      const customer = {
        id: created.id,
        email: created.email ?? null,
        name: created.name ?? null,
        externalId: created.externalId ?? null,
        type: created.type,
      };
      return { json: { customer }, text: `Customer ${customer.id} (${customer.type}) with owner ${customer.email}` };
    },
  },
};
