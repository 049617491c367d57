/**
 * The floor: what a sync and a Polar member create cost when written by hand, as issue 32 defines it. A bare Express
 * 5 app that compares the API key with a constant string, checks that `email` has an `@`, and runs one statement on
 * tables of its own that carry only what the statement needs (a primary key and the unique indexes it conflicts on):
 * through a `pg.Pool` of 10 on PostgreSQL (no knex, no ORM), through better-sqlite3 statements prepared once on a
 * file of its own in WAL mode on SQLite. The service is measured against it (`floor-bench.ts`): whatever the service
 * spends beyond this is the price of its rules, its logs and metrics, and its layers.
 */
import { randomUUID } from 'node:crypto';
import Sqlite from 'better-sqlite3';
import express, { type Express, type Request, type Response } from 'express';
import pg from 'pg';

export const floorKey = 'floor-key';

interface FloorMember {
  id: string;
  email: string;
  name: string | null;
  role: string;
  created: boolean;
  created_at: string | number | Date;
  updated_at: string | number | Date;
}

interface FloorCustomerMember {
  id: string;
  customer_id: string;
  email: string;
  name: string | null;
  external_id: string | null;
  role: string;
  created_at: string | number | Date;
}

/** The two statements, over whichever database. */
interface FloorStatements {
  sync(email: string, name: string | null, role: string | null): Promise<FloorMember>;
  /** Undefined when the member exists already (the conflict did nothing). */
  createCustomerMember(
    customerId: string,
    email: string,
    name: string | null,
    externalId: string | null,
  ): Promise<FloorCustomerMember | undefined>;
  close(): Promise<void>;
}

const postgresSchema = `
  create table if not exists floor_member (
    id uuid primary key, organization_id int not null, email text not null, name text, role text not null,
    created_at timestamptz not null, updated_at timestamptz not null, unique (organization_id, email));
  create table if not exists floor_customer_member (
    id uuid primary key, customer_id uuid not null, email text not null, name text, external_id text,
    role text not null, created_at timestamptz not null, deleted_at timestamptz);
  create unique index if not exists floor_customer_member_email on floor_customer_member (customer_id, lower(email))
    where deleted_at is null;
  create unique index if not exists floor_customer_member_external_id on floor_customer_member (customer_id, external_id)
    where deleted_at is null;`;

async function postgresStatements(url: string): Promise<FloorStatements> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query(postgresSchema);
  return {
    async sync(email, name, role) {
      const { rows } = await pool.query<FloorMember>(
        `insert into floor_member (id, organization_id, email, name, role, created_at, updated_at)
         values ($1, 1, $2, $3, coalesce($4, 'employee'), now(), now())
         on conflict (organization_id, email) do update set name = coalesce($3, floor_member.name),
           role = coalesce($4, floor_member.role), updated_at = now()
         returning id, email, name, role, created_at, updated_at, (xmax = 0) as created`,
        [randomUUID(), email, name, role],
      );
      return rows[0] as FloorMember;
    },
    async createCustomerMember(customerId, email, name, externalId) {
      const { rows } = await pool.query<FloorCustomerMember>(
        `insert into floor_customer_member (id, customer_id, email, name, external_id, role, created_at)
         values ($1, $2, $3, $4, $5, 'member', now()) on conflict do nothing
         returning id, customer_id, email, name, external_id, role, created_at`,
        [randomUUID(), customerId, email, name, externalId],
      );
      return rows[0];
    },
    close: () => pool.end(),
  };
}

function sqliteStatements(file: string): FloorStatements {
  const db = new Sqlite(file);
  db.pragma('journal_mode = wal');
  db.pragma('busy_timeout = 5000');
  db.exec(`
    create table if not exists floor_member (
      id text primary key, organization_id integer not null, email text not null, name text, role text not null,
      created_at integer not null, updated_at integer not null, unique (organization_id, email));
    create table if not exists floor_customer_member (
      id text primary key, customer_id text not null, email text not null, name text, external_id text,
      role text not null, created_at integer not null, deleted_at integer);
    create unique index if not exists floor_customer_member_email on floor_customer_member (customer_id, lower(email))
      where deleted_at is null;
    create unique index if not exists floor_customer_member_external_id
      on floor_customer_member (customer_id, external_id) where deleted_at is null;`);
  const sync = db.prepare<
    [{ id: string; email: string; name: string | null; role: string | null; now: number }],
    FloorMember
  >(
    `insert into floor_member (id, organization_id, email, name, role, created_at, updated_at)
     values (@id, 1, @email, @name, coalesce(@role, 'employee'), @now, @now)
     on conflict (organization_id, email) do update set name = coalesce(@name, floor_member.name),
       role = coalesce(@role, floor_member.role), updated_at = @now
     returning id, email, name, role, created_at, updated_at, id = @id as created`,
  );
  const createCustomerMember = db.prepare<
    [string, string, string, string | null, string | null, number],
    FloorCustomerMember
  >(
    `insert into floor_customer_member (id, customer_id, email, name, external_id, role, created_at)
     values (?, ?, ?, ?, ?, 'member', ?) on conflict do nothing
     returning id, customer_id, email, name, external_id, role, created_at`,
  );
  return {
    sync: (email, name, role) =>
      Promise.resolve(sync.get({ id: randomUUID(), email, name, role, now: Date.now() }) as FloorMember),
    createCustomerMember: (customerId, email, name, externalId) =>
      Promise.resolve(createCustomerMember.get(randomUUID(), customerId, email, name, externalId, Date.now())),
    close: () => Promise.resolve(void db.close()),
  };
}

export async function openFloorStatements(location: { postgres: boolean; target: string }) {
  return location.postgres ? postgresStatements(location.target) : sqliteStatements(location.target);
}

const iso = (value: string | number | Date) => new Date(value).toISOString();

export function floorApp(statements: FloorStatements): Express {
  const app = express();
  app.use(express.json());
  const authorized = (req: Request, res: Response) => {
    if (req.headers.authorization === `Bearer ${floorKey}`) return true;
    res.status(401).json({ error: 'unauthorized' });
    return false;
  };
  const text = (value: unknown) => (typeof value === 'string' ? value : null);

  app.post('/members/sync', async (req, res) => {
    if (!authorized(req, res)) return;
    const body = req.body as Record<string, unknown>;
    const email = text(body.email);
    if (!email?.includes('@')) {
      res.status(400).json({ error: 'email is required' });
      return;
    }
    const { created, ...member } = await statements.sync(email, text(body.name), text(body.role));
    res.status(created ? 201 : 200).json({
      data: {
        member: { ...member, created_at: iso(member.created_at), updated_at: iso(member.updated_at) },
        created: Boolean(created),
      },
    });
  });

  app.post('/v1/members', async (req, res) => {
    if (!authorized(req, res)) return;
    const body = req.body as Record<string, unknown>;
    const email = text(body.email);
    const customerId = text(body.customer_id);
    if (!email?.includes('@') || !customerId) {
      res.status(422).json({ detail: 'email and customer_id are required' });
      return;
    }
    const member = await statements.createCustomerMember(customerId, email, text(body.name), text(body.external_id));
    if (!member) {
      res.status(422).json({ detail: 'A member with this email already exists for this customer.' });
      return;
    }
    res.status(201).json({ ...member, created_at: iso(member.created_at), modified_at: null });
  });
  return app;
}
