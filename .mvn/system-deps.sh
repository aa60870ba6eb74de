# Sourced by ./scenarist: before generate, resume or validate, make sure the system packages the chosen pack needs are
# installed — bubblewrap (the sandbox) always, nodejs + npm for mechanisms (MuJoCo), shellcheck for services, and what a YAML pack declares
# under 'requires:' (sqlite3 for sql-quiz). As root with apt-get it installs what is missing (one apt-get update, then
# apt-get install -y), saying so; otherwise it prints the one command to run and carries on: the Java preflight then
# stops with exit 2 and the same command. When everything is present it only runs 'command -v' (no apt calls).

# The value of --pack among the arguments, if any.
scenarist_pack_of() {
  local prev="" a
  for a in "$@"; do
    case "$a" in --pack=*) printf '%s\n' "${a#--pack=}"; return 0 ;; esac
    if [ "$prev" = "--pack" ]; then printf '%s\n' "$a"; return 0; fi
    prev="$a"
  done
}

# "command:package" lines for what the pack needs: $1 = repository folder, $2 = pack name (may be empty).
scenarist_needed_packages() {
  local here="$1" pack="$2" def
  echo "bwrap:bubblewrap"
  case "$pack" in
    "") ;;
    mechanisms) echo "node:nodejs"; echo "npm:npm" ;;
    services) echo "shellcheck:shellcheck" ;;
    *)
      for def in "$here/packs/examples/$pack/pack.yaml" "${SCENARIST_HOME:-./scenarist-data}/packs/$pack/pack.yaml"; do
        [ -f "$def" ] || continue
        # the 'requires:' block: '- command: X' (+ 'package: Y') or the shorthand '- X'
        awk '
          function flush() { if (cmd != "") print cmd ":" pkg; cmd = "" }
          function value(s) { sub(/^[^:]*:[ \t]*/, "", s); sub(/[ \t]+#.*$/, "", s); gsub(/["\047 \t]/, "", s); return s }
          /^[^ \t#]/ { flush(); inreq = ($0 ~ /^requires:/); next }
          !inreq { next }
          /^[ \t]*-[ \t]*command:/ { flush(); cmd = value($0); pkg = cmd; next }
          /^[ \t]*package:/ { pkg = value($0); next }
          /^[ \t]*-[ \t]*[A-Za-z0-9][^:]*$/ { flush(); s = $0; sub(/^[ \t]*-[ \t]*/, "", s); sub(/[ \t]+#.*$/, "", s); gsub(/[ \t]/, "", s); cmd = s; pkg = s; next }
          END { flush() }' "$def"
        break
      done ;;
  esac
}

# $1 = repository folder; the rest are the CLI's arguments.
scenarist_system_deps() {
  local here="$1" pack cmd pkg missing=""
  shift
  case " $* " in *" generate "*|*" resume "*|*" validate "*) ;; *) return 0 ;; esac
  pack=$(scenarist_pack_of "$@")
  while IFS=: read -r cmd pkg; do
    [ -n "$cmd" ] || continue
    command -v "$cmd" >/dev/null 2>&1 && continue
    case " $missing " in *" $pkg "*) ;; *) missing="$missing $pkg" ;; esac
  done <<EOF_NEEDS
$(scenarist_needed_packages "$here" "$pack")
EOF_NEEDS
  missing="${missing# }"
  [ -n "$missing" ] || return 0
  local who="${pack:+the $pack pack}"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "scenarist: installing $missing for ${who:-the sandbox} (apt-get, once) ..." >&2
    if apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >&2; then
      return 0
    fi
    echo "scenarist: installing failed; run 'apt-get install $missing' and look at its errors" >&2
  elif command -v apt-get >/dev/null 2>&1; then
    echo "scenarist: ${who:-the sandbox} needs system packages that are missing; install them with:" >&2
    echo "  sudo apt-get install $missing" >&2
  else
    echo "scenarist: ${who:-the sandbox} needs these Debian/Ubuntu packages, missing here: $missing (install their equivalents)" >&2
  fi
  return 0
}
