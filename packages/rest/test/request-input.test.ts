import { describe, expect, it } from 'vitest';
import { routeReading } from './reading.js';

const uuid = '3c90c3cc-0d44-4b50-8888-8dd25736052a';
const v7 = '0190c3cc-0d44-7b50-8888-8dd25736052a';

describe('a Polar route reads its request', () => {
  const create = routeReading('members:create_member');

  it('from snake_case fields, with the procedure’s names', () => {
    expect(create.read({ body: { customer_id: uuid, email: 'm@example.com', external_id: 'u1' } })).toMatchObject({
      customerId: uuid,
      email: 'm@example.com',
      externalId: 'u1',
    });
  });

  it('and refuses a camelCase field as not sent, with pydantic’s detail located where Polar locates it', () => {
    expect(create.refusal({ body: { customerId: uuid, email: 'm@example.com' } })).toEqual({
      status: 422,
      body: {
        error: 'RequestValidationError',
        detail: [
          {
            type: 'missing',
            loc: ['body', 'customer_id'],
            msg: 'Field required',
            input: { customerId: uuid, email: 'm@example.com' },
          },
        ],
      },
    });
  });

  it('words each problem as pydantic does: uuid version, email, enum, length', () => {
    const { body } = create.refusal({
      body: { customer_id: v7, email: 'nope', role: 'boss', name: 'x'.repeat(300) },
    });
    const detail = (body as { detail: { type: string; loc: unknown[]; msg: string }[] }).detail;
    expect(detail.map(({ type, loc }) => [type, loc.join('.')])).toEqual(
      expect.arrayContaining([
        ['uuid_version', 'body.customer_id'],
        ['value_error', 'body.email'],
        ['enum', 'body.role'],
        ['string_too_long', 'body.name'],
      ]),
    );
    expect(detail.find((item) => item.type === 'enum')?.msg).toBe("Input should be 'member' or 'billing_manager'");
  });

  it('lists every problem, in the order of the fields, each with pydantic’s type', () => {
    const { body } = create.refusal({ body: { email: 'not-an-email', role: 'owner', name: 'x'.repeat(257) } });
    const detail = (body as { detail: { type: string; loc: unknown[]; msg: string }[] }).detail;
    expect(detail.map(({ type, loc }) => [type, loc.join('.')])).toEqual([
      ['missing', 'body.customer_id'],
      ['value_error', 'body.email'],
      ['string_too_long', 'body.name'],
      ['enum', 'body.role'],
    ]);
    expect(detail[0]?.msg).toBe('Field required');
  });

  it('with a path and a body, locates each problem in its own part', () => {
    const update = routeReading('members:update_member');
    const { status, body } = update.refusal({ params: { id: 'not-a-uuid' }, body: { role: 'boss' } });
    expect(status).toBe(422);
    const locs = (body as { detail: { loc: unknown[] }[] }).detail.map(({ loc }) => loc.join('.'));
    expect(locs.sort()).toEqual(['body.role', 'path.id']);
  });

  it('needs a body on a route that reads one, even an empty object', () => {
    const update = routeReading('members:update_member');
    expect(update.refusal({ params: { id: uuid } }).body).toEqual({
      error: 'RequestValidationError',
      detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }],
    });
    expect(update.read({ params: { id: uuid }, body: {} })).toMatchObject({ id: uuid });
  });

  it('takes a list field sent once as a list, and deepObject metadata as an object', () => {
    const list = routeReading('customers:list');
    expect(list.read({ query: { sorting: '-created_at', 'metadata[tier]': 'gold' } })).toMatchObject({
      sorting: ['-created_at'],
      metadata: { tier: 'gold' },
    });
  });
});

describe('a Kardow route reads its request', () => {
  const sync = routeReading('members:sync');

  it('with the fields as sent', () => {
    expect(sync.read({ body: { email: 'Jane@Example.com', approvalStatus: 'approved' } })).toMatchObject({
      email: 'jane@example.com',
      approvalStatus: 'approved',
    });
  });

  it('lists every problem of an invalid body, each at its path', () => {
    const { status, body } = sync.refusal({
      body: {
        email: 'not-an-email',
        role: 'king',
        approvalStatus: 'maybe',
        profilePicture: 'ftp://example.com/x',
        customFields: 'no',
        payment: { jobId: 'nope', amount: -1, currency: 'dollars', status: 'lost' },
      },
    });
    expect(status).toBe(422);
    const { issues } = (body as { error: { issues: { path: unknown[]; message: string }[] } }).error;
    expect(issues.map(({ path }) => path.join('.')).sort()).toEqual([
      'approvalStatus',
      'customFields',
      'email',
      'payment.amount',
      'payment.currency',
      'payment.jobId',
      'payment.status',
      'profilePicture',
      'role',
    ]);
    for (const issue of issues) expect(issue.message).not.toBe('');
  });

  it('requires an email', () => {
    const { body } = sync.refusal({ body: { name: 'Nobody' } });
    expect((body as { error: { issues: { path: unknown[] }[] } }).error.issues.map(({ path }) => path)).toEqual([
      ['email'],
    ]);
  });

  it('and answers a problem in Kardow’s body, at the field’s own path', () => {
    const { status, body } = sync.refusal({ body: { email: 1, customFields: { a: { b: 1 } } } });
    expect(status).toBe(422);
    const error = (body as { error: { code: string; issues: { path: unknown[] }[] } }).error;
    expect(error.code).toBe('validation_failed');
    expect(error.issues.map(({ path }) => path.join('.'))).toEqual(expect.arrayContaining(['email']));
  });
});
