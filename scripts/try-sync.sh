#!/usr/bin/env bash
# Two stations and a central PostgreSQL on this computer, start to finish (README "Two stations and
# a central database"). Starts a throwaway PostgreSQL (with TLS and password log-in, as in
# production), sets up central, registers dock-1 and dock-2, scans a pallet at dock-1, syncs both
# and shows that both docks and central reconcile the order alike. Everything is removed at the end
# (KEEP=1 keeps the stations' folders and prints where they are).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
ensure_system_packages "${APP_PKGS[@]}" postgresql openssl
ensure_venv test
source "$ROOT/scripts/services.sh"
WORK=$(mktemp -d /tmp/intake-try-sync.XXXXXX)
cleanup() { stop_services; [ -n "${KEEP:-}" ] && say "kept $WORK" || rm -rf "$WORK"; }
trap cleanup EXIT
start_postgres
PSQL=(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -q)
"${PSQL[@]}" -c "CREATE DATABASE intake"
CENTRAL="postgresql+psycopg://postgres@127.0.0.1:$PGPORT/intake"
TLS=(--sslmode verify-full --ca-file "$INTAKE_PG_CA")
intake() { local home=$1; shift; INTAKE_HOME="$WORK/$home" "$VENV/bin/intake" "$@"; }
step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }

step "intake central init --url $CENTRAL ${TLS[*]}"
intake office central init --url "$CENTRAL" "${TLS[@]}"
step "intake --db $CENTRAL --station office demo      (the office makes orders, on central)"
intake office --db "$CENTRAL" --station office demo | head -3
for dock in dock-1 dock-2; do
  step "intake --station $dock station register --central $CENTRAL ${TLS[*]}"
  intake "$dock" --station "$dock" station register --central "$CENTRAL" "${TLS[@]}"
  step "intake --station $dock sync"
  intake "$dock" --station "$dock" sync
done
step "intake --station dock-1 scan --order TB-2026-0001 < resources/demo/pallet-TB-2026-0001.txt   (offline is fine)"
intake dock-1 --station dock-1 scan --order TB-2026-0001 --text < "$ROOT/resources/demo/pallet-TB-2026-0001.txt" | tail -4
step "intake --station dock-1 sync --status"
intake dock-1 --station dock-1 sync --status
step "intake --station dock-1 sync; intake --station dock-2 sync"
intake dock-1 --station dock-1 sync
intake dock-2 --station dock-2 sync
for who in dock-1 dock-2 central; do
  if [ "$who" = central ]; then args=(office --db "$CENTRAL" --station office); else args=("$who" --station "$who"); fi
  step "intake reconcile TB-2026-0001   (at $who)"
  intake "${args[@]}" reconcile TB-2026-0001 | head -2
  intake "${args[@]}" reconcile TB-2026-0001 --json >"$WORK/$who.json"
done
if cmp -s "$WORK/dock-1.json" "$WORK/dock-2.json" && cmp -s "$WORK/dock-1.json" "$WORK/central.json"; then
  say "dock-1, dock-2 and central reconcile TB-2026-0001 identically"
else
  say "the reconciliations differ"; exit 1
fi
