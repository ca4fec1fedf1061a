# shellcheck shell=bash
# Selects a JDK >= 21 for Levex and exports JAVA_HOME and JAVA. Sourced by ./levex and .ci/run.
#
# Order: $JAVA_HOME (if >= 21), the Temurin 25 JDK under /usr/lib/jvm, any other JDK >= 21 under /usr/lib/jvm,
# then `java` on the PATH. Stops with a clear message when none is found.

levex_java_major() {
  # prints the major version of the java executable $1 (e.g. 25, 21, 17, 8)
  local v
  v=$("$1" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
  case "$v" in
    1.*) echo "$v" | cut -d. -f2 ;;
    *) echo "$v" | cut -d. -f1 | cut -d- -f1 | cut -d+ -f1 ;;
  esac
}

levex_select_jdk() {
  local candidates=() c major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for c in /usr/lib/jvm/temurin-25-jdk* /usr/lib/jvm/temurin-2[1-9]-jdk* /usr/lib/jvm/*; do
    [ -d "$c" ] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    if [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ]; then
      major=$(levex_java_major "$c/bin/java")
      if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
        export JAVA_HOME="$c"
        export JAVA="$c/bin/java"
        return 0
      fi
    fi
  done
  if command -v java >/dev/null 2>&1 && command -v javac >/dev/null 2>&1; then
    major=$(levex_java_major "$(command -v java)")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
      export JAVA_HOME
      export JAVA="$JAVA_HOME/bin/java"
      return 0
    fi
  fi
  echo "levex: no JDK >= 21 found. Levex builds for Java 21 and needs a JDK 21 or newer (the build machine" >&2
  echo "       provides Temurin 25 under /usr/lib/jvm). Install one, or point JAVA_HOME at it, and retry." >&2
  [ -n "${JAVA_HOME:-}" ] && echo "       (JAVA_HOME=$JAVA_HOME is older than 21 or not a JDK)" >&2
  return 1
}
