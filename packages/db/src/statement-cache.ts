/** What this needs of a better-sqlite3 connection and its statements. */
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}
interface SqliteStatement {
  safeIntegers(on?: boolean): unknown;
}

/**
 * Keeps the connection's compiled statements, the most recently used `size` of them, by SQL text. knex prepares
 * every query anew, and compiling a statement costs SQLite more than running a one-row upsert (a quarter of a sync's
 * time on the server under load). A compiled statement runs again with new bindings, as SQLite intends; the
 * statements the ORM and the services write are few shapes, so nearly every query finds its own. Each comes back
 * with safe integers off, as a fresh one would (knex sets them per query only when asked).
 */
export function cachePreparedStatements<C extends SqliteConnection>(connection: C, size = 500): C {
  const prepare = connection.prepare.bind(connection);
  const compiled = new Map<string, SqliteStatement>();
  connection.prepare = (sql: string) => {
    const statement = compiled.get(sql);
    if (statement) {
      // Most recently used last: the first entry is the one to drop.
      compiled.delete(sql);
      compiled.set(sql, statement);
      statement.safeIntegers(false);
      return statement;
    }
    const fresh = prepare(sql);
    compiled.set(sql, fresh);
    if (compiled.size > size) compiled.delete(compiled.keys().next().value as string);
    return fresh;
  };
  return connection;
}
