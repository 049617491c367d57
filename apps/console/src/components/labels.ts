import type {
  AccessAction,
  ApprovalStatus,
  CustomerMemberRole,
  CustomerType,
  SurfaceName,
  MemberRole,
  PaymentStatus,
  SubscriptionStatus,
} from '@members/contracts';

/** What a person reads for each wire value; a `Record` over the contracts' enum, so a new value asks for its words. */
export const roleLabels: Record<MemberRole, string> = {
  employee: 'Employee',
  business: 'Business',
  both: 'Employee and business',
  jobseeker: 'Job seeker',
  employer: 'Employer',
};

export const approvalLabels: Record<ApprovalStatus, string> = {
  approved: 'Approved',
  pending: 'Awaiting approval',
  rejected: 'Rejected',
};

export const subscriptionLabels: Record<SubscriptionStatus, string> = {
  active: 'Active',
  trialing: 'Trial',
  past_due: 'Past due',
  canceled: 'Canceled',
  expired: 'Expired',
};

/** An amount of money in its currency, in the browser's locale. */
export const money = (amount: number, currency: string) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);

export const accessActionLabels: Record<AccessAction, string> = {
  activate: 'Activate',
  reactivate: 'Reactivate',
  cancel_at_period_end: 'Cancel at period end',
  cancel_now: 'Cancel now',
  expire_now: 'Expire now',
  mark_past_due: 'Mark past due',
  delete_member: 'Delete the member',
};

export const paymentLabels: Record<PaymentStatus, string> = {
  pending: 'pending',
  completed: 'completed',
  failed: 'failed',
  refunded: 'refunded',
};

export const customerRoleLabels: Record<CustomerMemberRole, string> = {
  owner: 'Owner',
  billing_manager: 'Billing manager',
  member: 'Member',
};

/** The roles a new member of a team may be given: the owner is made with the customer, and transferred. */
export const addableRoles = ['member', 'billing_manager'] as const satisfies readonly CustomerMemberRole[];

export const customerTypeLabels: Record<CustomerType, string> = { team: 'Team', individual: 'Individual' };

export const surfaceLabels: Record<SurfaceName, string> = { kardow: 'Kardow', polar: 'Polar' };

/** A count with its noun, singular for one: "1 payment", "2 payments". */
export const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
