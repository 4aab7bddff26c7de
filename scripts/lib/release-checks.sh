# Shared by scripts/consumer-test, scripts/test-jdk25 and scripts/check-reproducible (sourced, not run; results
# files come from scripts/lib/results.sh). Expects ROOT (the repository root) to be set by the caller.

# The Temurin 25 the second-JDK runs use; JDK25_HOME points elsewhere.
JDK25_DEFAULT=/usr/lib/jvm/temurin-25-jdk-amd64

# find_jdk25: sets JDK25 to a JDK 25 home and returns 0, or sets JDK25_MISSING to the reason and returns 1.
find_jdk25() {
  local home=${JDK25_HOME:-$JDK25_DEFAULT} version
  JDK25='' JDK25_MISSING=''
  if [[ ! -x $home/bin/java || ! -x $home/bin/javac ]]; then
    JDK25_MISSING="no JDK 25 at $home (set JDK25_HOME to a JDK 25)"
    return 1
  fi
  version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  if [[ $version != 25 ]]; then
    JDK25_MISSING="the JDK at $home is Java ${version:-of unknown version}, not 25 (set JDK25_HOME to a JDK 25)"
    return 1
  fi
  JDK25=$home
}

# copy_tree DEST: the working tree as git sees it (tracked and new files, nothing ignored such as target/) plus
# .mvn/ (this checkout's Maven settings, e.g. its own local repository), so a build there cannot read or clobber
# this checkout's build output.
copy_tree() {
  mkdir -p "$1"
  (cd "$ROOT" && git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do [[ -e $f ]] && printf '%s\0' "$f"; done |
    tar --null -T - -cf -) | tar -xf - -C "$1"
  if [[ -d $ROOT/.mvn ]]; then cp -r "$ROOT/.mvn" "$1/"; fi
}
