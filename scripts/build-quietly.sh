#!/bin/sh
# Builds a workspace (the server by default) and what it depends on (turbo: nothing to do when nothing changed),
# silently: the output of `npm start`, `npm run admin` and `npm run bench` is theirs alone. A failed build prints
# turbo's log on stderr.
log=$(./node_modules/.bin/turbo run build --filter="${1:-@members/server}" --output-logs=errors-only 2>&1) || {
  printf '%s\n' "$log" >&2
  exit 1
}
