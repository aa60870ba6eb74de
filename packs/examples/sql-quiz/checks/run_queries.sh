#!/bin/sh
# Checks a sql-quiz item's queries, in the scenario workspace:
#   1. builds the database (build_db.sh);
#   2. runs reference.sql (sqlite3 -bail -csv -header, read-only) and requires a non-empty result;
#   3. compares that result with expected.csv exactly (line endings aside);
#   4. runs wrong.sql and requires a DIFFERENT set of rows: an item whose plausible mistake gives the
#      right answer cannot tell a correct agent from a wrong one.
# Problems are printed as Scenarist FINDING lines (FINDING <CODE> <file:line> <message>); exit 1 if any.
set -u

here=$(dirname "$0")
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
db="$tmp/item.db"

sh "$here/build_db.sh" "$db" || exit 1

missing=0
for f in reference.sql wrong.sql expected.csv; do
  if [ ! -s "$f" ]; then
    echo "FINDING MISSING_FILE $f $f is missing or empty"
    missing=1
  fi
done
[ "$missing" -eq 0 ] || exit 1

# query FILE OUT: runs FILE read-only, CSV with header, LF line endings; reports an error at its line.
query() {
  if ! sqlite3 -safe -readonly -bail -csv -header "$db" < "$1" > "$tmp/raw" 2> "$tmp/err" || [ -s "$tmp/err" ]; then
    line=$(sed -n 's/.*near line \([0-9][0-9]*\).*/\1/p' "$tmp/err" | head -n 1)
    msg=$(tr '\n' ' ' < "$tmp/err" | tr -s ' ' | cut -c1-400)
    echo "FINDING SQL_ERROR $1:${line:-1} $1 does not run: $msg"
    return 1
  fi
  tr -d '\r' < "$tmp/raw" > "$2"
}

# normalise FILE OUT: LF line endings and exactly one final newline, so an editor's habits do not matter.
normalise() {
  tr -d '\r' < "$1" | sed -e '$a\' > "$2"
}

query reference.sql "$tmp/reference.csv" || exit 1
if [ ! -s "$tmp/reference.csv" ]; then
  echo "FINDING EMPTY_RESULT reference.sql reference.sql returns no rows; an item needs an answer of at least one row"
  exit 1
fi

status=0
normalise expected.csv "$tmp/expected.csv"
if ! cmp -s "$tmp/reference.csv" "$tmp/expected.csv"; then
  # name the first line that differs, quoting both sides
  awk -v ref="$tmp/reference.csv" '
    { want[NR] = $0; n = NR }
    END {
      i = 0
      while ((getline line < ref) > 0) { i++; got[i] = line }
      m = (i > n) ? i : n
      for (k = 1; k <= m; k++) {
        if (got[k] != want[k]) {
          e = (k <= n) ? "`" want[k] "`" : "(nothing: expected.csv ends here)"
          g = (k <= i) ? "`" got[k] "`" : "(nothing: the result ends here)"
          printf "FINDING EXPECTED_MISMATCH expected.csv:%d expected.csv line %d is %s but reference.sql gives %s (expected.csv has %d lines, the result %d); expected.csv must be the exact output of reference.sql with its header\n", k, k, e, g, n, i
          exit
        }
      }
    }' "$tmp/expected.csv"
  status=1
fi

if query wrong.sql "$tmp/wrong.csv"; then
  # compare rows as a multiset, without the header: a different order or column name is not a different answer
  tail -n +2 "$tmp/reference.csv" | sort > "$tmp/reference.rows"
  tail -n +2 "$tmp/wrong.csv" | sort > "$tmp/wrong.rows"
  if cmp -s "$tmp/reference.rows" "$tmp/wrong.rows"; then
    echo "FINDING NOT_DISCRIMINATING wrong.sql wrong.sql returns the same rows as reference.sql on this data, so the item cannot tell the right query from this mistake; make wrong.sql a plausible mistake that gives a different result here (or add seed rows that expose it)"
    status=1
  fi
else
  status=1
fi
exit "$status"
