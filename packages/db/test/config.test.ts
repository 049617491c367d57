import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, parseDatabaseUrl } from '../src/index.js';
import { postgresqlMigrations } from '../src/migrations/postgresql/index.js';
import { sqliteMigrations } from '../src/migrations/sqlite/index.js';

describe('DATABASE_URL', () => {
  it('is the embedded SQLite file when unset or blank', () => {
    expect(parseDatabaseUrl(undefined)).toEqual({ dialect: 'sqlite', target: 'data/members.db' });
    expect(parseDatabaseUrl('  ')).toEqual({ dialect: 'sqlite', target: 'data/members.db' });
  });

  it('reads postgres:// and postgresql:// as PostgreSQL, file: as a SQLite path', () => {
    expect(parseDatabaseUrl('postgres://u@h/db').dialect).toBe('postgresql');
    expect(parseDatabaseUrl('postgresql://u@h/db').dialect).toBe('postgresql');
    expect(parseDatabaseUrl('file:./data/x.db')).toEqual({ dialect: 'sqlite', target: './data/x.db' });
    expect(parseDatabaseUrl('file:///var/lib/x.db')).toEqual({ dialect: 'sqlite', target: '/var/lib/x.db' });
  });

  it('refuses anything else, naming the scheme but never the rest (it may hold a password)', () => {
    expect(() => parseDatabaseUrl('file:')).toThrow(/needs a path/);
    expect(() => parseDatabaseUrl('mysql://root:hunter2@db/x')).toThrow(/got "mysql:…"/);
    expect(() => parseDatabaseUrl('mysql://root:hunter2@db/x')).not.toThrow(/hunter2/);
  });
});

describe('the migrations', () => {
  it('are the same list, in the same order, for both databases', () => {
    expect(sqliteMigrations.map(({ name }) => name)).toEqual(postgresqlMigrations.map(({ name }) => name));
    const names = sqliteMigrations.map(({ name }) => name);
    expect([...names].sort()).toEqual(names);
  });
});

describe('an unreachable database', () => {
  const coded = (code: string, cause?: unknown) => Object.assign(new Error('x', { cause }), { code });

  it('is told apart from a bad query by its code, however deep in the causes', () => {
    expect(isDatabaseUnavailable(coded('ECONNREFUSED'))).toBe(true);
    expect(isDatabaseUnavailable(coded('57P01'))).toBe(true);
    expect(isDatabaseUnavailable(coded('SQLITE_BUSY_SNAPSHOT'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('outer', { cause: coded('08006') }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('is not a constraint violation, a syntax error or a thrown string', () => {
    expect(isDatabaseUnavailable(coded('23505'))).toBe(false);
    expect(isDatabaseUnavailable(coded('42601'))).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});
