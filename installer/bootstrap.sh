#!/bin/bash
# The README's first command: from a fresh Debian 12 machine to the console signed in as the demo
# finance user (ana) on a private, seeded sandbox. Safe to run again (each step skips what is done).
#   OKLA_SEED_DEALERS / OKLA_SEED_MONTHS change the demo data size (default 2000 dealers x 24 months).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s\n' "$*"; }

step "Installing what is missing (apt)"
./installer/install-deps.sh

step "Configuring and building (release preset)"
cmake --preset release >/dev/null
cmake --build --preset release -j"${OKLA_JOBS:-2}"

sandbox=build/release/sandbox/launcher/okla-sandbox
step "Starting the sandbox (PostgreSQL, Redis, S3 store) in ${OKLA_SANDBOX_DIR:-~/.local/share/okla/sandbox}"
"$sandbox" up ${OKLA_SANDBOX_DIR:+--dir "$OKLA_SANDBOX_DIR"} --profile sandbox

step "Seeding demo data"
"$sandbox" seed ${OKLA_SANDBOX_DIR:+--dir "$OKLA_SANDBOX_DIR"} --dealers "${OKLA_SEED_DEALERS:-2000}" \
  --months "${OKLA_SEED_MONTHS:-24}" --seed 20260101 --if-available

step "Opening the console as ana (finance)"
export OKLA_PROFILE=sandbox
exec build/release/app/admin/okla-admin --user ana
