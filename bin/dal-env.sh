# Sourced by DAL's launchers and .ci/run: picks a JDK >= 21 and the JVM flags that go with it.
# JAVA_HOME wins when it is new enough; otherwise the newest JDK >= 21 under /usr/lib/jvm.

dal_java_major() {
  # The JDK's release file answers without starting a JVM (which would double the start-up of every tool).
  local v=""
  if [ -r "$1/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release")
    [ "$v" = 1 ] && v=""  # 1.8-style numbering: ask the JVM
  fi
  if [ -z "$v" ]; then
    v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 |
      sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')
  fi
  echo "$v"
}

dal_select_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    local m; m=$(dal_java_major "$JAVA_HOME")
    if [ -n "$m" ] && [ "$m" -ge 21 ]; then DAL_JAVA_HOME=$JAVA_HOME; DAL_JAVA_MAJOR=$m; return 0; fi
  fi
  local best="" bestm=0 d m
  for d in /usr/lib/jvm/*; do
    [ -x "$d/bin/javac" ] || continue
    m=$(dal_java_major "$d")
    if [ -n "$m" ] && [ "$m" -ge 21 ] && [ "$m" -gt "$bestm" ]; then best=$d; bestm=$m; fi
  done
  if [ -z "$best" ]; then
    echo "error: DAL needs JDK 21 or newer; set JAVA_HOME to one or install it (e.g. apt-get install openjdk-21-jdk)" >&2
    return 1
  fi
  DAL_JAVA_HOME=$best; DAL_JAVA_MAJOR=$bestm
}

# Serial GC: the tools are short single-threaded runs on small machines (CI has 2 cores), where a
# parallel collector's threads compete with the JIT and raise peak memory (measured: no faster on 100k
# ops, +40% RSS). TieredStopAtLevel=1 was measured and rejected: it saves CPU on one-shot runs but is
# slower in wall time, and makes hex decoding and long pass pipelines slower.
dal_jvm_flags() {
  case " ${DAL_JAVA_OPTS:-}" in
    *" -XX:+Use"*GC*) DAL_JVM_FLAGS="-XX:-UsePerfData" ;;  # the user's collector (two would be an error)
    *) DAL_JVM_FLAGS="-XX:+UseSerialGC -XX:-UsePerfData" ;;
  esac
  if [ "$DAL_JAVA_MAJOR" -ge 24 ]; then
    DAL_JVM_FLAGS="$DAL_JVM_FLAGS --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"
  fi
  if [ "$DAL_JAVA_MAJOR" -ge 25 ]; then
    # 8-byte object headers (JEP 519, a product flag from 25 on): the IR is millions of small objects, so
    # this cuts heap and GC copying (about 5% of the run time on 100k ops).
    DAL_JVM_FLAGS="$DAL_JVM_FLAGS -XX:+UseCompactObjectHeaders"
  fi
}
