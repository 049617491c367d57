/** The migration generator's one setting: a PostgreSQL database it may drop and rebuild to diff the schema against. */
export const scratchPostgresUrl =
  process.env.MIGRATIONS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/members_migrations';
