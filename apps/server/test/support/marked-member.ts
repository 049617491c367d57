import { randomUUID } from 'node:crypto';

/**
 * A Kardow sync that gives a member `marker` in every value a caller can send (its email, name, description, picture
 * and custom fields, its subscription's and its payment's metadata): what an erasure test must then find nowhere.
 */
export const markedMemberSync = (marker: string, stripePriceId: string) => ({
  email: `${marker}@example.com`,
  name: `Name ${marker}`,
  description: `About ${marker}`,
  profilePicture: `https://pictures.example/${marker}.png`,
  customFields: { phone: `phone ${marker}`, city: `city ${marker}` },
  access: { stripePriceId, status: 'active', metadata: { note: `note ${marker}` } },
  payment: {
    jobId: randomUUID(),
    amount: 199,
    currency: 'USD',
    paymentProvider: 'invoice',
    metadata: { invoiceName: `invoice ${marker}` },
  },
});
