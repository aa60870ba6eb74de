# Sourced by ./mvnw and ./scenarist: make JAVA_HOME point at a JDK >= 21.
# Order: JAVA_HOME if it is >= 21, then the machine's Temurin (and other JDKs under /usr/lib/jvm, newest first),
# then `java` on PATH. Prints a clear message and returns 1 when none is found.
scenarist_java_major() { # $1 = path to a java executable
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
  echo "  Install one (e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+) and set JAVA_HOME to it." >&2
  return 1
}
