import { randomUUID } from 'node:crypto';
import { scopes as allScopes, type IssuedApiKey, type Scope } from '@members/contracts';
import {
  ApiKey,
  Organization,
  holdSqliteWriteLock,
  Plan,
  rawQuery,
  UniqueConstraintViolationException,
  type Database,
  type EntityManager,
} from '@members/db';
import { generateApiKey, hashApiKey } from '../auth/api-keys.js';
import { principalsOf } from '../auth/principal-cache.js';
import { conflict, notFound } from '../errors.js';
import { scopeFor, type RequestScope } from '../request-scope.js';

export async function createOrganization(em: EntityManager, name: string) {
  return em.transactional(async (tx) => {
    const organization = tx.create(Organization, { name, publicId: randomUUID(), createdAt: new Date() });
    await tx.flush();
    const apiKey = await issueApiKey(tx, organization.id, [...allScopes]);
    return { organization: { id: organization.id, name: organization.name }, apiKey };
  });
}

export async function issueApiKey(
  em: EntityManager,
  organizationId: number,
  scopes: Scope[],
  name?: string,
): Promise<IssuedApiKey> {
  const organization = await requireOrganization(em, organizationId);
  const key = generateApiKey();
  const apiKey = em.create(ApiKey, {
    id: randomUUID(),
    organization,
    name: name ?? null,
    keyHash: hashApiKey(key),
    scopes: [...new Set(scopes)],
    createdAt: new Date(),
  });
  await em.flush();
  return { id: apiKey.id, key, scopes: apiKey.scopes };
}

export async function revokeApiKey(db: Database, id: string) {
  return revoke(db, db.fork(), { id });
}

/** A key of the request's organization (another organization's is 404, as if it did not exist). */
export async function revokeApiKeyOf(scope: RequestScope, id: string) {
  return revoke(scope.db, scope.em, { id, organization: scope.organization.id });
}

async function revoke(db: Database, em: EntityManager, where: { id: string; organization?: number }) {
  const apiKey = await em.findOne(ApiKey, where);
  if (!apiKey) throw notFound(`No API key with id ${where.id}`);
  apiKey.revokedAt ??= new Date();
  await em.flush();
  // This process refuses it at once; others within a second (their cache's freshness).
  principalsOf(db).forget(apiKey.keyHash);
  return { id: apiKey.id, revokedAt: apiKey.revokedAt.toISOString() };
}

/** Every organization, oldest first. */
export async function listOrganizations(em: EntityManager) {
  const organizations = await em.find(Organization, {}, { orderBy: { id: 'asc' } });
  return organizations.map(({ id, name, publicId, createdAt }) => ({
    id,
    name,
    publicId,
    createdAt: createdAt.toISOString(),
  }));
}

export interface PlanSpec {
  name: string;
  stripePriceId?: string | undefined;
  paypalPlanId?: string | undefined;
  jobsIncluded?: number | undefined;
}

/** A new plan of the scope's organization; its name and store ids are unique in the organization. */
export async function createPlan(scope: RequestScope, spec: PlanSpec) {
  const { em } = scope;
  const plan = em.create(Plan, {
    id: randomUUID(),
    organization: scope.organization.id,
    name: spec.name,
    stripePriceId: spec.stripePriceId ?? null,
    paypalPlanId: spec.paypalPlanId ?? null,
    jobsIncluded: spec.jobsIncluded ?? null,
    createdAt: new Date(),
  });
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw conflict(
        `Organization ${scope.organization.id} already has a plan with this name, Stripe price id or PayPal plan id`,
      );
    }
    throw error;
  }
  return planOf(plan);
}

const planOf = (plan: Plan) => ({
  id: plan.id,
  name: plan.name,
  stripePriceId: plan.stripePriceId ?? null,
  paypalPlanId: plan.paypalPlanId ?? null,
  jobsIncluded: plan.jobsIncluded ?? null,
});

/** The organization's plans, oldest first. */
export async function listPlans(scope: RequestScope) {
  const plans = await scope.em.find(
    Plan,
    { organization: scope.organization.id },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  return plans.map(planOf);
}

/**
 * First start on an empty database: the organization it starts with, and its key to print once; null when any
 * organization exists already. It is made once whoever starts first: processes that start together on an empty
 * database take a lock first (PostgreSQL's transaction advisory lock; on SQLite, the file's write lock, which a
 * write takes), and those that wait find it made.
 */
export async function bootstrapFirstOrganization(db: Database) {
  return db.fork().transactional(async (em) => {
    if (db.dialect === 'postgresql') {
      await rawQuery(em, "select pg_advisory_xact_lock(hashtext('members-service first organization'))", []);
    } else {
      await holdSqliteWriteLock(em);
    }
    if ((await em.count(Organization, {})) > 0) return null;
    return createOrganization(em, 'Default organization');
  });
}

export async function requireOrganization(em: EntityManager, organizationId: number) {
  const organization = await em.findOne(Organization, { id: organizationId });
  if (!organization) throw notFound(`No organization with id ${organizationId}`);
  return organization;
}

/** The scope the admin command line works in for one organization, as a request with that organization's key. */
export async function organizationScope(db: Database, organizationId: number): Promise<RequestScope> {
  return scopeFor(db, await requireOrganization(db.fork(), organizationId));
}
