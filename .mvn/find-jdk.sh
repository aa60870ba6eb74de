# Sourced by ./mvnw and ./scenarist: make JAVA_HOME point at a JDK >= 21.
# Order: JAVA_HOME if it is >= 21, then the machine's Temurin (and other JDKs under /usr/lib/jvm, newest first),
# then `java` on PATH. Prints a clear message and returns 1 when none is found.
scenarist_java_major() { # $1 = path to a java executable
  scenarist_read_java_major "$1"
  echo "$SCENARIST_JAVA_MAJOR"
}
# Sets SCENARIST_JAVA_MAJOR to the feature version of the java executable $1 (empty when unknown). Without a process in
# the common case: every fork costs ~5-15 ms on a busy 2-core machine, and the launcher's start counts against the
# read-only commands' 0.6 s. The JDK's release file says it without starting a JVM (0.2 s); a JDK without one is asked.
scenarist_read_java_major() {
  local java="$1" home line version
  SCENARIST_JAVA_MAJOR=""
  [ -L "$java" ] && java="$(readlink -f "$java")"
  home="${java%/*}"; home="${home%/*}"
  if [ -f "$home/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in
        JAVA_VERSION=*)
          version="${line#JAVA_VERSION=}"; version="${version#\"}"
          case "$version" in 1.*) version="${version#1.}" ;; esac
          version="${version%%[!0-9]*}"
          [ -n "$version" ] && { SCENARIST_JAVA_MAJOR="$version"; return 0; }
          break ;;
      esac
    done < "$home/release"
  fi
  SCENARIST_JAVA_MAJOR=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1)
}
# Whether $1 is a JDK >= 21: then JAVA_HOME is exported as it and SCENARIST_JAVA_MAJOR says its version.
scenarist_try_jdk() {
  local candidate="${1%/}"
  [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || return 1
  scenarist_read_java_major "$candidate/bin/java"
  [ -n "$SCENARIST_JAVA_MAJOR" ] && [ "$SCENARIST_JAVA_MAJOR" -ge 21 ] || return 1
  export JAVA_HOME="$candidate"
}
scenarist_find_jdk() {
  local candidate jdks onpath
  # the usual answers first, without listing /usr/lib/jvm or resolving java on PATH (processes, see above)
  scenarist_try_jdk "${JAVA_HOME-}" && return 0
  scenarist_try_jdk /usr/lib/jvm/temurin-25-jdk-amd64 && return 0
  # callers may run with globbing off (mvnw uses set -f)
  case $- in *f*) set +f; jdks=$(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); set -f ;; *) jdks=$(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV) ;; esac
  onpath="$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"
  for candidate in $jdks "$onpath"; do
    scenarist_try_jdk "$candidate" && return 0
  done
  echo "scenarist: no JDK 21 or newer found (looked at JAVA_HOME, /usr/lib/jvm/*, and java on PATH)." >&2
  scenarist_jdk_hint >&2
  return 1
}
# How to install a JDK 21 here. Debian 13 and Ubuntu 22.04+ package openjdk-21-jdk; Debian 12 (bookworm) does not
# (only 17, too old), so there Adoptium's apt repository (temurin-21-jdk) is the way.
scenarist_jdk_hint() {
  local pkg codename sudo=""
  [ "$(id -u 2>/dev/null)" = 0 ] || sudo="sudo "
  if command -v apt-cache >/dev/null 2>&1; then
    for pkg in openjdk-25-jdk openjdk-21-jdk temurin-25-jdk temurin-21-jdk; do
      if apt-cache policy "$pkg" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
        echo "  Install one:  ${sudo}apt-get install $pkg" ; return 0
      fi
    done
    codename=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-bookworm}")
    echo "  This system's packages have no JDK 21+ (Debian 12 ships only 17). Install Temurin 21 from Adoptium:"
    echo "    ${sudo}apt-get install -y wget gpg"
    echo "    wget -qO - https://packages.adoptium.net/artifactory/api/gpg/key/public | ${sudo}gpg --dearmor -o /usr/share/keyrings/adoptium.gpg"
    echo "    echo 'deb [signed-by=/usr/share/keyrings/adoptium.gpg] https://packages.adoptium.net/artifactory/deb ${codename:-bookworm} main' | ${sudo}tee /etc/apt/sources.list.d/adoptium.list"
    echo "    ${sudo}apt-get update && ${sudo}apt-get install -y temurin-21-jdk"
    echo "  (or without root: curl -s https://get.sdkman.io | bash, then 'sdk install java 21-tem'; then set JAVA_HOME)"
  else
    echo "  Install a JDK 21 or newer (Fedora: dnf install java-21-openjdk-devel; macOS: brew install openjdk@21;"
    echo "  anywhere: https://adoptium.net or SDKMAN 'sdk install java 21-tem') and set JAVA_HOME to it."
  fi
}
