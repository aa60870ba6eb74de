#!/bin/sh
# The scripted coder of the chains pack's reference assistant: fixes the planted defect (a pronoun-only follow-up loses
# the selected item) by switching pronoun resolution on in the product folder, as a patch to a real product would.
#   fix-pronouns.sh PRODUCT_DIR     (or with $SCENARIST_PRODUCT_DIR set, as run-pack-loop's coder hook sets it)
# The loop passes the analyst's backlog in $SCENARIST_BACKLOG; this script only reports what it read from it.
set -eu
dir="${1:-${SCENARIST_PRODUCT_DIR:-}}"
if [ -z "$dir" ]; then
  echo "usage: fix-pronouns.sh PRODUCT_DIR (or set SCENARIST_PRODUCT_DIR)" >&2
  exit 2
fi
if [ -n "${SCENARIST_BACKLOG:-}" ] && [ -f "$SCENARIST_BACKLOG" ]; then
  echo "backlog: $(grep -c '"priority"' "$SCENARIST_BACKLOG" || true) defect(s) in $SCENARIST_BACKLOG"
fi
mkdir -p "$dir"
tmp="$dir/.assistant.json.$$"
printf '{"resolve_pronouns": true}\n' > "$tmp"
mv "$tmp" "$dir/assistant.json"
echo "fixed: pronoun-only follow-ups now resolve to the selected item ($dir/assistant.json)"
