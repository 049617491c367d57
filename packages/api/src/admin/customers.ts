import type { Database } from '@members/db';
import { sharingAnEmail } from '../customers/customer-repository.js';
import { requireOrganization } from './organizations.js';

/** A group of live customers of one organization that share an email, oldest first. */
export interface SharedEmail {
  organizationId: number;
  email: string;
  customers: { id: string; email: string; name: string | null; externalId: string | null; createdAt: string }[];
}

/**
 * `customer duplicates`: the customers that shared an email before emails became unique, which the migration kept
 * rather than refuse to start or change a caller's data. An operator resolves each group (a new email for all but
 * one, or a delete) through the API; a kept customer whose email changes is an ordinary one again.
 */
export async function customersSharingEmails(db: Database, organizationId?: number): Promise<SharedEmail[]> {
  const em = db.fork();
  if (organizationId !== undefined) await requireOrganization(em, organizationId);
  const groups = new Map<string, SharedEmail>();
  for (const customer of await sharingAnEmail(em, organizationId)) {
    const key = `${customer.organization.id} ${customer.emailKey}`;
    const group = groups.get(key) ?? {
      organizationId: customer.organization.id,
      email: customer.email ?? '',
      customers: [],
    };
    group.customers.push({
      id: customer.id,
      email: customer.email ?? '',
      name: customer.name ?? null,
      externalId: customer.externalId ?? null,
      createdAt: customer.createdAt.toISOString(),
    });
    groups.set(key, group);
  }
  // A kept customer whose older twins were deleted or changed their email shares it no more.
  return [...groups.values()].filter((group) => group.customers.length > 1);
}

/** How many customers share an email with an older one of their organization: what the server reports at start. */
export const countCustomersSharingEmails = async (db: Database) =>
  (await customersSharingEmails(db)).reduce((count, group) => count + group.customers.length - 1, 0);
