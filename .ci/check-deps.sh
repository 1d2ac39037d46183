#!/bin/bash
# Fails when the build read a file from a Debian package that installer/install-deps.sh does not
# bring: a package that is neither in its list nor a hard dependency (Depends, Pre-Depends) of one.
# Such a package is on this machine only by chance (an image, a Recommends, a hand install), and a
# fresh machine stops without it: Qt Charts' CMake config needs Qt6OpenGL, whose package
# (libqt6opengl6-dev) qt6-base-dev only recommends, and CI passed only because the package was here.
#
#   .ci/check-deps.sh <build-dir>...   each a configured and built Ninja build folder
#
# What counts as read, for each build folder:
#   configure   every CMake file the configure step read (config files, find modules): CMake records
#               them as the inputs that re-run it, the RERUN_CMAKE edge of build.ninja
#   pkg-config  the .pc file of each pkg_check_modules() module in CMakeCache.txt, and of every
#               module those require (Requires and Requires.private, which pkg-config needs too)
#   build       the build graph's own inputs and every absolute path in its commands (link
#               libraries, moc/rcc/lrelease, the compiler, ccache, npm)
#   header      every header the compiler read (`ninja -t deps`, system headers included)
# Files in the source or build folder, or that no package owns (/usr/local, generated) are counted
# and otherwise ignored; the others are mapped to packages in one batch of `dpkg-query -S`.
# Allowed: install-deps.sh --list, the Priority required / Essential packages, and everything they
# hard-depend on, transitively, as installed here (from dpkg's status, which is what
# `apt-cache depends --recurse --installed --no-recommends ...` would say, without the seconds apt
# spends rebuilding its cache from the package lists on every call on this image).
#
# CHECK_DEPS_INSTALLER=<script> takes the list from another copy of install-deps.sh (to try the check).
set -euo pipefail
trap 'echo "check-deps: error at line $LINENO (exit $?)" >&2' ERR

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
installer="${CHECK_DEPS_INSTALLER:-$repo/installer/install-deps.sh}"
[ $# -ge 1 ] || { echo "usage: $0 <build-dir>..." >&2; exit 2; }
for tool in ninja dpkg-query realpath; do
  command -v "$tool" >/dev/null 2>&1 || { echo "check-deps: $tool not found" >&2; exit 2; }
done

started=$(date +%s%N)
tmp=$(mktemp -d)
if [ -n "${CHECK_DEPS_KEEP:-}" ]; then echo "check-deps: keeping $tmp" >&2; else trap 'rm -rf "$tmp"' EXIT; fi

# ---- what install-deps.sh installs -------------------------------------------------------------
bash "$installer" --list | sed 's/[[:space:]]//g; /^$/d' | sort -u >"$tmp/listed"
[ -s "$tmp/listed" ] || { echo "check-deps: $installer --list printed no package" >&2; exit 2; }

# ---- the files the build read: "<kind>\t<path>" --------------------------------------------------
own_dirs=("$repo")
for build in "$@"; do
  build=$(cd "$build" && pwd) || exit 2
  if [ ! -f "$build/build.ninja" ] || [ ! -f "$build/CMakeCache.txt" ]; then
    echo "check-deps: $build is not a configured Ninja build folder" >&2
    exit 2
  fi
  own_dirs+=("$build")
  source_dir=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$build/CMakeCache.txt")
  [ -z "$source_dir" ] || own_dirs+=("$source_dir")

  ninja -C "$build" -t inputs build.ninja | sed 's/^/configure\t/' >>"$tmp/read"
  # and the programs it runs (not every tool it found: with llvm-ar around, a clang build's CMAKE_AR
  # is llvm-ar, used only if the project archives; the commands below show the tools really used)
  sed -nE 's/^(CMAKE_COMMAND|CMAKE_MAKE_PROGRAM|CMAKE_CXX_COMPILER|CMAKE_C_COMPILER):[A-Z]+=/configure\t/p' \
    "$build/CMakeCache.txt" >>"$tmp/read"

  # pkg-config modules, breadth first through their requirements
  pkg_config=$(sed -n 's/^PKG_CONFIG_EXECUTABLE:FILEPATH=//p' "$build/CMakeCache.txt")
  pkg_config=${pkg_config:-pkg-config}
  sed -n 's/^__pkg_config_arguments_[^:]*:INTERNAL=//p' "$build/CMakeCache.txt" | tr ';' '\n' \
    | grep -vxE 'REQUIRED|QUIET|IMPORTED_TARGET|GLOBAL|NO_CMAKE_PATH|NO_CMAKE_ENVIRONMENT_PATH' \
    | sed 's/[<>=!].*//; s/[[:space:]]//g; /^$/d' | sort -u >"$tmp/modules.todo" || true
  [ ! -s "$tmp/modules.todo" ] || command -v "$pkg_config" | sed 's/^/configure\t/' >>"$tmp/read"
  : >"$tmp/modules.seen"
  while [ -s "$tmp/modules.todo" ]; do
    sort -u "$tmp/modules.todo" | comm -23 - "$tmp/modules.seen" >"$tmp/modules.now"
    : >"$tmp/modules.todo"
    while read -r module; do
      "$pkg_config" --path "$module" 2>/dev/null | sed 's/^/pkg-config\t/' >>"$tmp/read" || continue
      "$pkg_config" --print-requires --print-requires-private "$module" 2>/dev/null \
        | awk 'NF { print $1 }' >>"$tmp/modules.todo" || true
    done <"$tmp/modules.now"
    sort -u "$tmp/modules.seen" "$tmp/modules.now" -o "$tmp/modules.seen"
  done

  ninja -C "$build" -t commands all >"$tmp/commands"
  {
    ninja -C "$build" -t inputs all
    { grep -oE '(^|[^A-Za-z0-9_.+-])/[^[:space:]"'\'';:=,]+' "$tmp/commands" || true; } | sed 's|^[^/]||' | sort -u
    # CMake links by full path; a bare -lNAME is whatever the compiler's linker search finds
    compiler=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt")
    { grep -oE '(^|[[:space:]])-l[A-Za-z0-9_.+-]+' "$tmp/commands" || true; } | sed 's/^[[:space:]]*-l//' | sort -u \
      | while read -r lib; do
          for file in "lib$lib.so" "lib$lib.a"; do
            found=$("${compiler:-c++}" -print-file-name="$file" 2>/dev/null || true)
            if [ "${found#/}" != "$found" ]; then echo "$found"; break; fi
          done
        done
  } | sed 's/^/build\t/' >>"$tmp/read"

  ninja -C "$build" -t deps | awk -v build="$build" '
    /^[^ ].*#deps/ { objects++ ; next }
    /^    / { sub(/^    /, ""); print "header\t" ($0 ~ /^\// ? $0 : build "/" $0) }
    END { if (objects == 0) print "check-deps: no compiler dependencies recorded: build first" > "/dev/stderr" }
  ' | sort -u >>"$tmp/read"
  if ! grep -q '^header' "$tmp/read"; then
    echo "check-deps: $build has no recorded headers (ninja -t deps is empty): build it first" >&2
    exit 2
  fi
done

# Absolute, lexically normalised (gcc's /usr/lib/gcc/x86_64-linux-gnu/12/../../../../include/...),
# existing non-directories; the first kind that read a file names it.
awk -F'\t' '$2 ~ /^\// && !seen[$2]++' "$tmp/read" >"$tmp/read.abs"
cut -f2 "$tmp/read.abs" | tr '\n' '\0' | xargs -0 -r realpath -s -m -- >"$tmp/read.norm"
paste <(cut -f1 "$tmp/read.abs") "$tmp/read.norm" | awk -F'\t' '!seen[$2]++' >"$tmp/read.kind"
own_regex=$(printf '%s\n' "${own_dirs[@]}" | sort -u | sed 's/[][\.*^$+?(){}|/]/\\&/g; s|$|/|' | paste -sd'|')
total=0 own=0
: >"$tmp/candidates"
while IFS=$'\t' read -r _ path; do
  if [ ! -e "$path" ] || [ -d "$path" ]; then continue; fi
  total=$((total + 1))
  if [[ "$path/" =~ ^($own_regex) ]]; then
    own=$((own + 1))
    continue
  fi
  printf '%s\n' "$path" >>"$tmp/candidates"
done <"$tmp/read.kind"

# ---- files to packages: "<package>\t<path>" ---------------------------------------------------
# dpkg-query -S takes many exact paths at once. A path it does not know is tried again through its
# symlinks (/usr/bin/c++ -> alternatives -> x86_64-linux-gnu-g++-12) and in its other form across the
# /usr merge (dpkg may know /lib/x86_64-linux-gnu/libc.so.6 where the compiler read /usr/lib/...).
owners() { # stdin: paths; stdout: "<packages>\t<path>"; $1: file for the paths not found
  tr '\n' '\0' | xargs -0 -r dpkg-query -S -- 2>"$tmp/dpkg.err" \
    | awk '/^diversion by / { next } { i = index($0, ": /"); if (i) print substr($0, 1, i - 1) "\t" substr($0, i + 2) }' \
    || true
  sed -n 's/^dpkg-query: no path found matching pattern //p' "$tmp/dpkg.err" >"$1"
}
owners <"$tmp/candidates" >"$tmp/owned" "$tmp/notfound"
: >"$tmp/alternatives" # "<alternative>\t<original>"
while read -r path; do
  real=$(realpath -e -- "$path" 2>/dev/null || true)
  for p in "$path" ${real:+"$real"}; do
    [ "$p" = "$path" ] || printf '%s\t%s\n' "$p" "$path"
    case "$p" in
      /usr/bin/*|/usr/sbin/*|/usr/lib/*|/usr/lib32/*|/usr/lib64/*|/usr/libx32/*) printf '%s\t%s\n' "${p#/usr}" "$path" ;;
      /bin/*|/sbin/*|/lib/*|/lib32/*|/lib64/*|/libx32/*) printf '%s\t%s\n' "/usr$p" "$path" ;;
    esac
  done
done <"$tmp/notfound" | awk -F'\t' '!seen[$1]++' >"$tmp/alternatives"
cut -f1 "$tmp/alternatives" | owners >"$tmp/owned.alt" "$tmp/notfound.alt"
awk -F'\t' 'NR == FNR { original[$1] = $2; next } ($2 in original) && !done[original[$2]]++ { print $1 "\t" original[$2] }' \
  "$tmp/alternatives" "$tmp/owned.alt" >>"$tmp/owned"
unowned=$(( $(wc -l <"$tmp/candidates") - $(cut -f2 "$tmp/owned" | sort -u | wc -l) ))
# one line per owning package, without its architecture: "pkg\tpath"
awk -F'\t' '{ n = split($1, p, /, */); for (i = 1; i <= n; i++) { sub(/:.*/, "", p[i]); print p[i] "\t" $2 } }' \
  "$tmp/owned" | sort -u >"$tmp/pairs"

# ---- the allowed packages -----------------------------------------------------------------------
# The roots (the list, and the Priority required / Essential packages) and, transitively, every
# installed package that one of them Depends or Pre-Depends on, read from dpkg's status: in a
# group of alternatives (a | b) each installed one counts, and a virtual package counts through
# its installed providers. Recommends, Suggests and Enhances never count.
dpkg-query -W -f='${Package}\t${db:Status-Abbrev}\t${Priority}\t${Essential}\t${Provides}\t${Pre-Depends}, ${Depends}\n' \
  >"$tmp/status"
awk -F'\t' '$2 ~ /^ii/ { print $1 }' "$tmp/status" | sort -u >"$tmp/installed"
not_installed=$(comm -23 "$tmp/listed" "$tmp/installed" | paste -sd' ')
[ -z "$not_installed" ] || echo "check-deps: warning: install-deps.sh lists packages that are not installed: $not_installed" >&2
awk -F'\t' '
  function want(name,   i, n, p) {
    if ((name in installed) && !(name in allowed)) { allowed[name] = 1; queue[++last] = name }
    n = split(providers[name], p, " ")
    for (i = 1; i <= n; i++) if (!(p[i] in allowed)) { allowed[p[i]] = 1; queue[++last] = p[i] }
  }
  NR == FNR { root[$1] = 1; next }
  $2 !~ /^ii/ { next }
  {
    installed[$1] = 1
    if ($3 == "required" || $4 == "yes") root[$1] = 1
    n = split($5, v, /,/)
    for (i = 1; i <= n; i++) { name = v[i]; gsub(/^ +/, "", name); sub(/[ (:].*/, "", name); if (name != "") providers[name] = providers[name] " " $1 }
    depends[$1] = depends[$1] "," $6
  }
  END {
    for (r in root) want(r)
    for (head = 1; head <= last; head++) {
      n = split(depends[queue[head]], d, /[,|]/)
      for (i = 1; i <= n; i++) { name = d[i]; gsub(/^ +/, "", name); sub(/[ (:].*/, "", name); if (name != "") want(name) }
    }
    for (p in allowed) print p
  }' "$tmp/listed" "$tmp/status" | sort -u >"$tmp/allowed"
sort -u "$tmp/listed" "$tmp/allowed" -o "$tmp/allowed"

# ---- verdict ------------------------------------------------------------------------------------
packages=$(cut -f1 "$tmp/pairs" | sort -u | wc -l)
packaged=$(cut -f2 "$tmp/pairs" | sort -u | wc -l)
# a file is covered when any package that owns it is allowed
awk -F'\t' 'NR == FNR { ok[$1] = 1; next } { owners[$2] = owners[$2] (owners[$2] == "" ? "" : ", ") $1; if ($1 in ok) covered[$2] = 1 }
  END { for (f in owners) if (!(f in covered)) print owners[f] "\t" f }' "$tmp/allowed" "$tmp/pairs" \
  | sort >"$tmp/gaps"
awk -F'\t' '{ print $2 "\t" $1 }' "$tmp/read.kind" >"$tmp/kind.by.path"
elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
summary="$total files read: $packaged from $packages Debian packages, $own in the source or build folder, $unowned owned by no package; $(wc -l <"$tmp/listed") packages listed, $(wc -l <"$tmp/allowed") allowed with their hard dependencies and the required base; $((elapsed / 1000)).$((elapsed % 1000 / 100))s"
if [ ! -s "$tmp/gaps" ]; then
  echo "check-deps: OK, every package the build read from is in installer/install-deps.sh or a hard dependency of one ($summary)"
  exit 0
fi

echo "check-deps: FAILED: the build read these files from packages that are neither in installer/install-deps.sh nor a hard dependency (Depends/Pre-Depends) of one of its packages:"
# per package, what configure and pkg-config read first, then the build's inputs, then headers
awk -F'\t' 'NR == FNR { kind[$1] = $2; next }
  { r = index("configure pkg-config build header", kind[$2]); print $1 "\t" r "\t" $2 "\t" kind[$2] }' \
  "$tmp/kind.by.path" "$tmp/gaps" | sort -t$'\t' -k1,1 -k2,2n -k3,3 \
  | awk -F'\t' '{ n[$1]++; if (n[$1] <= 12) printf "  %s -> %s  (%s)\n", $3, $1, $4; else more[$1]++ }
      END { for (p in more) printf "  ... and %d more files -> %s\n", more[p], p }'
echo "check-deps: add to PACKAGES in installer/install-deps.sh: $(cut -f1 "$tmp/gaps" | sort -u | paste -sd' ')"
echo "check-deps: $summary"
exit 1
