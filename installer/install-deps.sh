#!/bin/bash
# Installs what OKLA Admin needs to build, test and run its sandbox on Debian 12, and nothing else.
# Skips apt entirely when everything is present. Never starts system services (the sandbox runs
# its own private PostgreSQL, Redis and RabbitMQ). Node.js/npm (for the S3 store, s3rver) come
# from Debian only when `node` is missing: an image's own Node.js conflicts with Debian's npm.
#   installer/install-deps.sh          install what is missing (as root, or through sudo)
#   installer/install-deps.sh --list   print the packages it would make sure of, one a line, and
#                                      change nothing (.ci/check-deps.sh compares the build with it)
set -euo pipefail

mode=install
case "${1:-}" in
  "") ;;
  --list) mode=list ;;
  *) echo "usage: $0 [--list]" >&2; exit 2 ;;
esac

PACKAGES=(
  # build
  cmake ninja-build g++ pkg-config ccache clang libclang-rt-14-dev
  # Qt 6 and friends
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-svg-dev qt6-httpserver-dev qt6-websockets-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins qtkeychain-qt6-dev
  libxkbcommon-dev libgl-dev fonts-dejavu-core
  # service clients
  libpq-dev libhiredis-dev librabbitmq-dev
  # Ed25519 audit checkpoints (libcrypto)
  libssl-dev
  # servers the sandbox and the tests run privately
  postgresql redis-server rabbitmq-server
  # keychain tests, property tests, tools
  gnome-keyring dbus libsecret-tools librapidcheck-dev openssl curl imagemagick
)
if ! command -v node >/dev/null 2>&1; then
  PACKAGES+=(nodejs npm)
else
  # The machine's own Node.js is used as it is. Where a package put its node or npm there (an
  # image's nodejs from another apt source, or Debian's from an earlier run of this script), the
  # build relies on that package: naming it installs nothing, since it is installed, and lets
  # .ci/check-deps.sh accept what the build reads from it.
  for tool in node npm; do
    tool_path=$(command -v "$tool" 2>/dev/null) || continue
    while read -r owner; do
      [[ -n "$owner" && " ${PACKAGES[*]} " != *" $owner "* ]] && PACKAGES+=("$owner")
    done < <(dpkg-query -S "$tool_path" "$(readlink -f "$tool_path")" 2>/dev/null \
               | sed -n '/^diversion by /d; s/: \/.*//p' | tr ',' '\n' | sed 's/^ *//; s/:.*//' | sort -u)
  done
fi

if [ "$mode" = list ]; then
  printf '%s\n' "${PACKAGES[@]}"
  exit 0
fi

missing=()
for package in "${PACKAGES[@]}"; do
  if [ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null)" != "install ok installed" ]; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: everything is installed."
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-deps: run as root or install sudo (missing: ${missing[*]})" >&2; exit 1; }
  SUDO="sudo"
fi

echo "install-deps: installing ${missing[*]}"
# policy-rc.d exit 101 = "do not start services": installing postgresql/redis/rabbitmq must not
# start system daemons. Ours is temporary and an existing one is left alone.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
  $SUDO chmod 755 "$policy"
  created_policy=1
fi
cleanup() { if [ "$created_policy" = 1 ]; then $SUDO rm -f "$policy"; fi; }
trap cleanup EXIT

$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "install-deps: done."
