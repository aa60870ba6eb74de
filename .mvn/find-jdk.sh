# Sourced by ./mvnw and ./scenarist: make JAVA_HOME point at a JDK >= 21.
# Order: JAVA_HOME if it is >= 21, then the machine's Temurin (and other JDKs under /usr/lib/jvm, newest first),
# then `java` on PATH. Prints a clear message and returns 1 when none is found.
scenarist_java_major() { # $1 = path to a java executable
  # the JDK's release file says it without starting a JVM (0.2 s each, on every launch); a JDK without one is asked
  local release version
  release="$(dirname "$(dirname "$(readlink -f "$1")")")/release"
  if [ -f "$release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' "$release" | head -n 1)
    [ -n "$version" ] && { echo "$version"; return 0; }
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
scenarist_find_jdk() {
  local candidate major jdks
  # callers may run with globbing off (mvnw uses set -f)
  case $- in *f*) set +f; jdks=$(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); set -f ;; *) jdks=$(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV) ;; esac
  for candidate in "${JAVA_HOME-}" /usr/lib/jvm/temurin-25-jdk-amd64 $jdks \
                   "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    candidate="${candidate%/}"
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(scenarist_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
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
