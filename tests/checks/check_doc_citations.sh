#!/usr/bin/env bash
# Comments cite the repository's own docs (docs/<file>.md §N), never documents outside the
# repository (docs/howto.md §10). This check fails when a file outside docs/ cites
#   - the old shared design notes or specs: DESIGN[.]md, anything under specs/, ../shared;
#   - {reliability,kpi,domain,azul,stripe}[.]md without the docs/ prefix.
# (Written [.] here so that a plain grep for those names finds only real citations.)
# Exempt: docs/ itself, the applied migrations resources/migrations/000[1-8]_* (checksummed, so
# their comments cannot change; docs/README.md maps their citations) and this script.
# It also checks, in every file including docs/, that a cited docs/<file>.md exists and that a
# cited section (`docs/<file>.md §N`) is a "## N." heading of that file.
#   usage: tests/checks/check_doc_citations.sh [repository root]
#          (default: the folder two levels above this script)
#   exit:  0 clean; 1 with one "file:line: reason: text" per offence on stdout; 2 bad usage
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="${1:-$script_dir/../..}"
if [ ! -d "$root" ]; then
    echo "check_doc_citations: $root is not a folder" >&2
    exit 2
fi
root="$(cd "$root" && pwd)"
self="tests/checks/check_doc_citations.sh"

# Tracked and new (not ignored) files in a git checkout; otherwise every file but .git and build*.
list_files() {
    if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        git -C "$root" ls-files -z --cached --others --exclude-standard
    else
        (cd "$root" && find . \( -name .git -o -name 'build*' -o -name node_modules \) -prune -o -type f -print0 \
            | sed -z 's#^\./##')
    fi
}

names='reliability|kpi|domain|azul|stripe'
candidates="DESIGN\\.md|(^|[^A-Za-z0-9_])specs/|\\.\\./shared|($names)\\.md|docs/[A-Za-z0-9_-]+\\.md"
offences=0

report() { # file line reason text
    local text="$4"
    text="${text#"${text%%[![:space:]]*}"}" # trim leading blanks
    printf '%s:%s: %s: %s\n' "$1" "$2" "$3" "${text:0:160}"
    offences=$((offences + 1))
}

# The sections of each docs file, cached: "## 3. Title" gives " 3 ".
declare -A sections
load_sections() {
    local doc="$1"
    if [ -z "${sections[$doc]+set}" ]; then
        sections[$doc]=" $(sed -nE 's/^## ([0-9]+)\. .*/\1/p' "$root/docs/$doc.md" | tr '\n' ' ')"
    fi
}

check_line() { # file line text
    local file="$1" line="$2" text="$3" rest
    local exempt=0
    case "$file" in
        docs/* | "$self") exempt=1 ;;
        resources/migrations/000[1-8]_*) exempt=1 ;;
    esac

    if [ "$exempt" -eq 0 ]; then
        if [[ $text =~ DESIGN\.md ]]; then
            report "$file" "$line" "cites ${BASH_REMATCH[0]} (outside the repository; cite docs/)" "$text"
        elif [[ $text =~ (^|[^A-Za-z0-9_])specs/ ]]; then
            report "$file" "$line" "cites specs/ (outside the repository; cite docs/)" "$text"
        elif [[ $text =~ \.\./shared ]]; then
            report "$file" "$line" "cites ../shared (outside the repository; cite docs/)" "$text"
        else
            rest="$text"
            while [[ $rest =~ docs/($names)\.md ]]; do
                rest="${rest/"${BASH_REMATCH[0]}"/}"
            done
            if [[ $rest =~ (^|[^A-Za-z0-9_])($names)\.md ]]; then
                report "$file" "$line" "cites ${BASH_REMATCH[2]}.md without docs/" "$text"
            fi
        fi
    fi

    # docs/<file>.md must exist, and `docs/<file>.md §N` (backticks allowed) must be a section.
    rest="$text"
    local re='(^|[^A-Za-z0-9_/.-])docs/([A-Za-z0-9_-]+)\.md`?( ?§([0-9]+))?'
    while [[ $rest =~ $re ]]; do
        local doc="${BASH_REMATCH[2]}" section="${BASH_REMATCH[4]}"
        rest="${rest/"${BASH_REMATCH[0]}"/}"
        if [ ! -f "$root/docs/$doc.md" ]; then
            report "$file" "$line" "cites docs/$doc.md, which does not exist" "$text"
        elif [ -n "$section" ] && [ "$doc" != README ]; then
            load_sections "$doc"
            if [[ ${sections[$doc]} != *" $section "* ]]; then
                report "$file" "$line" "cites docs/$doc.md §$section, which has no such section" "$text"
            fi
        fi
    done
}

# grep -Z: "path NUL line:text NL" for every candidate line; binary files skipped (-I).
while IFS= read -r -d '' file && IFS= read -r hit; do
    check_line "$file" "${hit%%:*}" "${hit#*:}"
done < <(cd "$root" && list_files | xargs -0 -r grep -I -s -n -H -Z -E "$candidates" -- || true)

if [ "$offences" -gt 0 ]; then
    echo "check_doc_citations: $offences citation(s) to fix; see docs/howto.md §10" >&2
    exit 1
fi
echo "check_doc_citations: clean"
