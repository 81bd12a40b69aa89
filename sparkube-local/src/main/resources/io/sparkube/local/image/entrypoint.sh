#!/bin/bash
# Entrypoint of a Sparkube local image of Spark @SPARK_VERSION@ (Scala @SCALA_BINARY_VERSION@), written by
# "sparkube local image build". It keeps the contract of Spark's own images: the first argument is
# the role, "driver" or "executor", read with the env vars and properties file Spark's pod specs
# carry; any other command runs as given (pass-through).
#
# There is no bin/spark-submit (Spark's distribution is not on Maven Central), so the driver role
# builds the JVM command that bin/spark-submit, through Spark's launcher, would: classpath, -Xmx from
# spark.driver.memory, the driver's java options, and the launcher's own JVM flags for this release.
#
# SPARKUBE_ENTRYPOINT_DRY_RUN=1 prints the command, one argument per line, instead of running it.
set -eo pipefail

SPARK_HOME="${SPARK_HOME:-/opt/spark}"
if [ -z "$JAVA_HOME" ]; then
  JAVA_HOME="$(java -XshowSettings:properties -version 2>&1 >/dev/null | awk '/java.home/ {print $3}')"
fi

# What Spark @SPARK_VERSION@'s launcher adds to every driver JVM (JavaModuleOptions and the like),
# read from its spark-launcher jar when this image was built.
LAUNCHER_JAVA_OPTS=(@LAUNCHER_JAVA_OPTS@)

fail() {
  echo "sparkube entrypoint: $*" >&2
  exit 1
}

run() {
  if [ "${SPARKUBE_ENTRYPOINT_DRY_RUN:-}" = 1 ]; then
    printf '%s\n' "$@"
    exit 0
  fi
  exec "$@"
}

# A Java properties value, unescaped (Properties.store escapes '=', ':', '#', '!' and blanks).
unescape() {
  local in="$1" out="" c i=0
  while (( i < ${#in} )); do
    c="${in:i:1}"
    if [[ "$c" == '\' ]] && (( i + 1 < ${#in} )); then
      i=$((i + 1))
      c="${in:i:1}"
      case "$c" in
        t) c=$'\t' ;;
        n) c=$'\n' ;;
        r) c=$'\r' ;;
        f) c=$'\f' ;;
        u) c="$(printf "\\u${in:i+1:4}")"; i=$((i + 4)) ;;
      esac
    fi
    out+="$c"
    i=$((i + 1))
  done
  printf '%s' "$out"
}

# Reads the spark.driver.* keys of a properties file into PROPS. The keys read here contain no
# escapes, so a key ends at the first '=', ':' or blank. Continuation lines are not supported.
declare -A PROPS=()
read_properties() {
  local line key value
  while IFS= read -r line || [ -n "$line" ]; do
    line="${line#"${line%%[![:space:]]*}"}"
    case "$line" in '' | '#'* | '!'*) continue ;; esac
    key="${line%%[=:[:space:]]*}"
    case "$key" in spark.driver.*) ;; *) continue ;; esac
    value="${line:${#key}}"
    value="${value#"${value%%[![:space:]]*}"}"
    case "$value" in [=:]*) value="${value:1}"; value="${value#"${value%%[![:space:]]*}"}" ;; esac
    PROPS[$key]="$(unescape "$value")"
  done < "$1"
}

# Splits a java options string as Spark's launcher does (blanks, quotes, backslashes) onto the
# array named by $1.
split_options() {
  local -n into="$1"
  local parsed=()
  [ -n "$2" ] || return 0
  mapfile -d '' -t parsed < <(printf '%s' "$2" | xargs -r printf '%s\0')
  into+=("${parsed[@]}")
}

# As Spark's launcher: -Xmx is only ever set from the driver's memory setting.
check_java_options() {
  local options=() option
  split_options options "$1"
  for option in "${options[@]}"; do
    case "$option" in -Xmx*)
      fail "Not allowed to specify max heap(Xmx) memory settings through java options (was $1). Use the corresponding --driver-memory or spark.driver.memory configuration instead." ;;
    esac
  done
}

conf_dir() {
  echo "${SPARK_CONF_DIR:-$SPARK_HOME/conf}"
}

# Classpath entries joined with ':', empty ones left out.
join_classpath() {
  local joined="" entry
  for entry in "$@"; do
    [ -n "$entry" ] && joined="${joined:+$joined:}$entry"
  done
  echo "$joined"
}

driver() {
  local properties_file="" main_class="" primary="" name value
  declare -A explicit=()
  local args=("$@") i=0
  # Only as much of spark-submit's parsing as the launcher needs: the properties file, driver
  # settings given as flags, and the primary resource (the first argument that is not an option).
  while (( i < ${#args[@]} )); do
    name="${args[i]}"
    case "$name" in
      --*=*) value="${name#*=}"; name="${name%%=*}"; i=$((i + 1)) ;;
      --verbose | -v | --supervise | --help | -h | --version | --usage-error) i=$((i + 1)); continue ;;
      --* | -c) value="${args[i + 1]}"; i=$((i + 2)) ;;
      *) primary="$name"; break ;;
    esac
    case "$name" in
      --properties-file) properties_file="$value" ;;
      --class) main_class="$value" ;;
      --conf | -c) explicit["${value%%=*}"]="${value#*=}" ;;
      --driver-memory) explicit[spark.driver.memory]="$value" ;;
      --driver-java-options) explicit[spark.driver.extraJavaOptions]="$value" ;;
      --driver-class-path) explicit[spark.driver.extraClassPath]="$value" ;;
      --driver-library-path) explicit[spark.driver.extraLibraryPath]="$value" ;;
    esac
  done

  case "$primary" in *.py | *.R | *.r)
    fail "this local image runs JVM applications only, not $primary: PySpark and SparkR are not on Maven Central, so local images have no Python or R. Run it on a Kubernetes cluster with Spark's own images." ;;
  esac
  case "$main_class" in org.apache.spark.deploy.PythonRunner | org.apache.spark.deploy.RRunner)
    fail "this local image runs JVM applications only, not $main_class: PySpark and SparkR are not on Maven Central, so local images have no Python or R. Run it on a Kubernetes cluster with Spark's own images." ;;
  esac

  if [ -z "$properties_file" ] && [ -f "$(conf_dir)/spark-defaults.conf" ]; then
    properties_file="$(conf_dir)/spark-defaults.conf"
  fi
  if [ -n "$properties_file" ]; then
    [ -f "$properties_file" ] || fail "Invalid properties file '$properties_file'."
    read_properties "$properties_file"
  fi
  for name in "${!explicit[@]}"; do
    PROPS[$name]="${explicit[$name]}"
  done

  local default_java_options="${PROPS[spark.driver.defaultJavaOptions]}"
  local extra_java_options="${PROPS[spark.driver.extraJavaOptions]}"
  check_java_options "$default_java_options"
  check_java_options "$extra_java_options"
  local extra_class_path
  extra_class_path="$(join_classpath "${PROPS[spark.driver.extraClassPath]}" "${PROPS[spark.driver.defaultExtraClassPath]}")"
  if [ -n "${PROPS[spark.driver.extraLibraryPath]}" ]; then
    export LD_LIBRARY_PATH="${PROPS[spark.driver.extraLibraryPath]}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  fi
  local memory="${PROPS[spark.driver.memory]:-${SPARK_DRIVER_MEMORY:-${SPARK_MEM:-1g}}}"

  local cmd=("$JAVA_HOME/bin/java" -cp "$(join_classpath "$extra_class_path" "$(conf_dir)" "$SPARK_HOME/jars/*" \
      "$HADOOP_CONF_DIR" "$YARN_CONF_DIR" "$SPARK_DIST_CLASSPATH")")
  split_options cmd "$SPARK_SUBMIT_OPTS"
  cmd+=("-Xmx$memory")
  split_options cmd "$default_java_options"
  split_options cmd "$extra_java_options"
  cmd+=("${LAUNCHER_JAVA_OPTS[@]}")
  cmd+=(org.apache.spark.deploy.SparkSubmit
    --conf "spark.driver.bindAddress=$SPARK_DRIVER_BIND_ADDRESS"
    --conf "spark.executorEnv.SPARK_DRIVER_POD_IP=$SPARK_DRIVER_BIND_ADDRESS"
    --deploy-mode client
    "$@")
  run "${cmd[@]}"
}

executor() {
  # SPARK_JAVA_OPT_<n>, in the order of n: the driver passes the executor's java options this way.
  local java_opts=() name
  while IFS= read -r name; do
    [ -n "$name" ] && java_opts+=("${!name}")
  done < <(for name in "${!SPARK_JAVA_OPT_@}"; do echo "${name#SPARK_JAVA_OPT_} $name"; done | sort -n | cut -d' ' -f2)

  if [ -n "$HADOOP_HOME" ] && [ -z "$SPARK_DIST_CLASSPATH" ]; then
    SPARK_DIST_CLASSPATH="$("$HADOOP_HOME/bin/hadoop" classpath)"
    export SPARK_DIST_CLASSPATH
  fi
  # As Spark's images: conf dir, Hadoop conf, SPARK_CLASSPATH, the jars, extra entries, then the
  # working directory (SPARK-43540: where --files and --jars land).
  local classpath
  classpath="$(join_classpath "$(conf_dir)" "$HADOOP_CONF_DIR" "$SPARK_CLASSPATH" "$SPARK_HOME/jars/*" \
    "$SPARK_EXTRA_CLASSPATH" "$PWD" "$SPARK_DIST_CLASSPATH")"

  run "$JAVA_HOME/bin/java" "${java_opts[@]}" \
    -Xms"$SPARK_EXECUTOR_MEMORY" -Xmx"$SPARK_EXECUTOR_MEMORY" \
    -cp "$classpath" \
    org.apache.spark.scheduler.cluster.k8s.KubernetesExecutorBackend \
    --driver-url "$SPARK_DRIVER_URL" \
    --executor-id "$SPARK_EXECUTOR_ID" \
    --cores "$SPARK_EXECUTOR_CORES" \
    --app-id "$SPARK_APPLICATION_ID" \
    --hostname "$SPARK_EXECUTOR_POD_IP" \
    --resourceProfileId "$SPARK_RESOURCE_PROFILE_ID" \
    --podName "$SPARK_EXECUTOR_POD_NAME"
}

if [ -n "${PYSPARK_PYTHON+x}" ]; then export PYSPARK_PYTHON; fi
if [ -n "${PYSPARK_DRIVER_PYTHON+x}" ]; then export PYSPARK_DRIVER_PYTHON; fi

case "$1" in
  driver) shift; driver "$@" ;;
  executor) shift; executor ;;
  '') fail "no command: expected driver, executor, or a command to run" ;;
  *) run "$@" ;;
esac
