#!/usr/bin/env bash
# Debian's PgBouncer in transaction pooling in front of the local PostgreSQL (127.0.0.1:5432), every database
# reachable through it, for CI's pooled pass: prints the port it listens on. `stop` ends it.
set -euo pipefail
dir=/tmp/members-ci-pgbouncer
port=6439
if [ "${1:-}" = stop ]; then
  [ -f "$dir/pgbouncer.pid" ] && kill "$(cat "$dir/pgbouncer.pid")" 2>/dev/null || true
  exit 0
fi
mkdir -p "$dir"
cat >"$dir/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=5432
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = trust
auth_file = $dir/users.txt
pool_mode = transaction
max_client_conn = 2000
default_pool_size = 10
ignore_startup_parameters = extra_float_digits,options
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
INI
echo '"postgres" ""' >"$dir/users.txt"
# A pooler left by an earlier run is stopped first; PgBouncer will not run as root.
[ -f "$dir/pgbouncer.pid" ] && kill "$(cat "$dir/pgbouncer.pid")" 2>/dev/null && sleep 1 || true
chown -R postgres: "$dir"
runuser -u postgres -- /usr/sbin/pgbouncer -d "$dir/pgbouncer.ini" >&2
for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p "$port" -q && break; sleep 1; done
echo "$port"
