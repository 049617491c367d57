export { Organization } from './organization.js';
export { ApiKey } from './api-key.js';
export { Member } from './member.js';
export { Plan } from './plan.js';
export { Subscription } from './subscription.js';
export { Payment } from './payment.js';
export { Customer } from './customer.js';
export { CustomerMember } from './customer-member.js';
