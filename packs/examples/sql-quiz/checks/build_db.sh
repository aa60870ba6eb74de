#!/bin/sh
# Builds a sql-quiz item's SQLite database from schema.sql, then seed.sql, in the current folder
# (the scenario workspace). Problems are printed as Scenarist FINDING lines
#   FINDING <CODE> <file:line> <message>
# so each one reaches the model as feedback pointing at the line to fix; exit status 1 if any.
#
# Usage: build_db.sh [DB]      DB defaults to a temporary file that is deleted afterwards.
set -u

db="${1:-}"
if [ -z "$db" ]; then
  tmp=$(mktemp -d) || exit 2
  trap 'rm -rf "$tmp"' EXIT
  db="$tmp/item.db"
fi

missing=0
for f in schema.sql seed.sql; do
  if [ ! -s "$f" ]; then
    echo "FINDING MISSING_FILE $f $f is missing or empty"
    missing=1
  fi
done
[ "$missing" -eq 0 ] || exit 1

# load FILE: runs FILE against the database; on failure reports sqlite's message at the line it names.
# -safe refuses ATTACH, extensions and shell escapes even if a pattern check missed them.
load() {
  err=$(sqlite3 -safe -bail "$db" < "$1" 2>&1 >/dev/null)
  if [ -n "$err" ]; then
    line=$(printf '%s\n' "$err" | sed -n 's/.*near line \([0-9][0-9]*\).*/\1/p' | head -n 1)
    msg=$(printf '%s' "$err" | tr '\n' ' ' | tr -s ' ' | cut -c1-400)
    echo "FINDING SQL_ERROR $1:${line:-1} $msg"
    return 1
  fi
}

load schema.sql || exit 1
tables=$(sqlite3 -safe "$db" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;")
if [ -z "$tables" ]; then
  echo "FINDING NO_TABLES schema.sql schema.sql creates no tables"
  exit 1
fi

load seed.sql || exit 1
total=0
for t in $tables; do
  n=$(sqlite3 -safe "$db" "SELECT count(*) FROM \"$t\";")
  total=$((total + n))
  [ "$n" -gt 0 ] || echo "WARNING EMPTY_TABLE seed.sql table $t has no rows; insert some or drop the table"
done
if [ "$total" -eq 0 ]; then
  echo "FINDING EMPTY_DATABASE seed.sql seed.sql inserts no rows"
  exit 1
fi
exit 0
