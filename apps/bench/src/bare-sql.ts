/**
 * The bench's baseline: the writes and reads of the service's routes, each as hand-written SQL through knex's pool
 * (the driver stack MikroORM itself uses) on the same database, behind a bare Express app with a JSON body parser
 * and nothing else: no authentication, validation, logging, idempotency, events or ORM. What the service spends
 * beyond this is the price of its rules; the bench prints it as a ratio.
 *
 */
import { randomUUID } from 'node:crypto';
import express from 'express';
import knex, { type Knex } from 'knex';
import { parseDatabaseUrl } from '@members/db';

export interface BareMember {
  email: string;
  name?: string;
  role?: string;
  customFields?: Record<string, unknown>;
}

/** One statement: insert the members, or update those whose (organization, email) exists; every row returned. */
/** A row as the driver answers it: the bench sends rows on as JSON and looks into none but for their ids. */
type Row = Record<string, unknown>;

export async function upsertMembersSql(
  db: Knex,
  postgres: boolean,
  organizationId: number,
  members: BareMember[],
): Promise<Row[]> {
  const now = new Date();
  const rows = members.map((member) => ({
    id: randomUUID(),
    organization_id: organizationId,
    email: member.email,
    name: member.name ?? member.email.split('@')[0],
    role: member.role ?? 'employee',
    approval_status: 'approved',
    custom_fields: member.customFields ? JSON.stringify(member.customFields) : null,
    created_at: postgres ? now : now.getTime(),
    updated_at: postgres ? now : now.getTime(),
  }));
  if (postgres) {
    return (await db('member')
      .insert(rows)
      .onConflict(['organization_id', 'email'])
      .merge({
        name: db.raw('excluded.name'),
        custom_fields: db.raw(
          `coalesce(member.custom_fields, '{}'::jsonb) || coalesce(excluded.custom_fields, '{}'::jsonb)`,
        ),
        updated_at: db.raw('excluded.updated_at'),
      })
      .returning('*')) as Row[];
  }
  // knex writes a multi-row SQLite insert as SELECT … UNION ALL …, which SQLite caps at 500 terms: VALUES has no cap.
  const columns = Object.keys(rows[0] ?? {});
  const values = rows.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
  return db.raw<Row[]>(
    `insert into member (${columns.join(', ')}) values ${values}
     on conflict (organization_id, email) do update set name = excluded.name,
       custom_fields = json_patch(coalesce(member.custom_fields, '{}'), coalesce(excluded.custom_fields, '{}')),
       updated_at = excluded.updated_at
     returning *`,
    rows.flatMap((row): Knex.Value[] => Object.values(row).map((value) => value ?? null)),
  );
}

export function bareDatabase(databaseUrl: string | undefined) {
  const location = parseDatabaseUrl(databaseUrl);
  const postgres = location.dialect === 'postgresql';
  // The server's pool sizes, so neither side has more connections than the other.
  const db = postgres
    ? knex({ client: 'pg', connection: location.target, pool: { min: 1, max: 10 } })
    : knex({ client: 'better-sqlite3', connection: { filename: location.target }, useNullAsDefault: true });
  return { db, postgres };
}

export function bareApp(db: Knex, postgres: boolean) {
  const app = express();
  app.use(express.json({ limit: '10mb' }));
  const organizationId = 1;
  const ts = () => (postgres ? new Date() : Date.now());

  app.post('/sync', async (req, res) => {
    const [member] = await upsertMembersSql(db, postgres, organizationId, [req.body as BareMember]);
    res.status(201).json({ data: { member } });
  });

  // A member, its subscription and a payment in one transaction: what sync with `access` and `payment` writes.
  app.post('/sync-access', async (req, res) => {
    const body = req.body as BareMember & { planId: string; jobId: string; amount: number };
    const result = await db.transaction(async (trx) => {
      const [member] = await upsertMembersSql(trx, postgres, organizationId, [body]);
      if (!member) throw new Error('the upsert returned no row');
      const [subscription] = (await trx('subscription')
        .insert({
          id: randomUUID(),
          organization_id: organizationId,
          member_id: member.id,
          plan_id: body.planId,
          status: 'active',
          created_at: ts(),
          updated_at: ts(),
        })
        .returning('*')) as Row[];
      const [payment] = (await trx('payment')
        .insert({
          id: randomUUID(),
          organization_id: organizationId,
          member_id: member.id,
          job_id: body.jobId,
          plan_id: body.planId,
          amount: body.amount,
          currency: 'USD',
          status: 'completed',
          created_at: ts(),
        })
        .returning('*')) as Row[];
      return { member, access: subscription, payment };
    });
    res.status(201).json({ data: result });
  });

  app.post('/batch', async (req, res) => {
    const members = (req.body as { members: BareMember[] }).members;
    const rows = await upsertMembersSql(db, postgres, organizationId, members);
    res.json({ results: rows });
  });

  const insertCustomerMember = async (db: Knex, body: { customer_id: string; email: string }) => {
    const [member] = (await db('customer_member')
      .insert({
        id: randomUUID(),
        organization_id: organizationId,
        customer_id: body.customer_id,
        email: body.email,
        email_key: body.email.toLowerCase(),
        role: 'member',
        created_at: ts(),
      })
      .returning('*')) as Row[];
    return member;
  };
  app.post('/v1/members', async (req, res) => {
    res.status(201).json(await insertCustomerMember(db, req.body as { customer_id: string; email: string }));
  });

  // The same insert under the customer's row lock, as member create ran before it let the unique indexes decide.
  app.post('/v1/members-locked', async (req, res) => {
    const body = req.body as { customer_id: string; email: string };
    const member = await db.transaction(async (tx): Promise<Row | undefined> => {
      const customer = tx('customer').where({ id: body.customer_id, organization_id: organizationId });
      await (postgres ? customer.forUpdate() : customer).first('id');
      return insertCustomerMember(tx, body);
    });
    res.status(201).json(member);
  });

  app.get('/v1/members', async (req, res) => {
    const limit = Number(req.query.limit ?? 10);
    const where = {
      organization_id: organizationId,
      deleted_at: null,
      ...(typeof req.query.customer_id === 'string' ? { customer_id: req.query.customer_id } : {}),
    };
    const [items, [count]] = await Promise.all([
      db('customer_member')
        .where(where)
        .orderBy([
          { column: 'created_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .limit(limit),
      db('customer_member').where(where).count({ total: '*' }),
    ]);
    res.json({ items, pagination: { total_count: Number(count?.total ?? 0) } });
  });
  // An organization's members, newest first, after a cursor: the same keyset read as GET /members, without a total.
  app.get('/members', async (req, res) => {
    const organization = Number(req.query.organization_id);
    const limit = Number(req.query.limit ?? 20);
    const query = db('member').where({ organization_id: organization });
    if (typeof req.query.before_id === 'string') {
      const ms = Number(req.query.before_created_at);
      const at = postgres ? new Date(ms) : ms;
      const id = req.query.before_id;
      void query.andWhereRaw('(created_at, id) < (?, ?)', [at, id]);
    }
    const data = await query
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit + 1);
    res.json({ data: data.slice(0, limit), more: data.length > limit });
  });
  return app;
}
