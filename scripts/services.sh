#!/usr/bin/env bash
# Throwaway services for the tests, stopped on exit: a PostgreSQL cluster on 127.0.0.1:$PGPORT and
# a CUPS server with a cups-pdf queue "PDF" writing into $INTAKE_CUPS_PDF_OUT. Sourced by run-tests.
# Neither service starts by itself on these machines (no systemd; policy-rc.d forbids it).

_SERVICES_PG_DATA="" _SERVICES_PG_BIN="" _SERVICES_CUPSD=""

_as_pg() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

stop_services() {
  local rc=$?
  if [ -n "$_SERVICES_PG_DATA" ]; then
    _as_pg "$_SERVICES_PG_BIN/pg_ctl" -D "$_SERVICES_PG_DATA/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$_SERVICES_PG_DATA"
  fi
  [ -n "$_SERVICES_CUPSD" ] && kill "$_SERVICES_CUPSD" 2>/dev/null || true
  return $rc
}

# A throwaway certificate authority and a server certificate for 127.0.0.1, so the sync tests can
# connect with sslmode=verify-full and a CA file, as a station does in production.
_pg_tls() {
  local d=$1
  mkdir -p "$d"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=intake test CA" \
    -keyout "$d/ca.key" -out "$d/ca.pem" >/dev/null 2>&1
  openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$d/server.key" -out "$d/server.csr" \
    >/dev/null 2>&1
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$d/san.ext"
  openssl x509 -req -in "$d/server.csr" -CA "$d/ca.pem" -CAkey "$d/ca.key" -CAcreateserial -days 2 \
    -extfile "$d/san.ext" -out "$d/server.crt" >/dev/null 2>&1
  chmod 600 "$d/server.key" "$d/ca.key"
  chmod 644 "$d/ca.pem"
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$d"
  return 0
}

start_postgres() {
  _SERVICES_PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$_SERVICES_PG_BIN" ] || { say "PostgreSQL is not installed"; return 1; }
  _SERVICES_PG_DATA=$(mktemp -d /tmp/intake-pg.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$_SERVICES_PG_DATA"
  export PGHOST=127.0.0.1 PGPORT=${PGPORT:-55432} PGUSER=postgres
  while (exec 3<>/dev/tcp/127.0.0.1/$PGPORT) 2>/dev/null; do PGPORT=$((PGPORT + 1)); done  # port in use
  _as_pg "$_SERVICES_PG_BIN/initdb" -D "$_SERVICES_PG_DATA/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    --no-sync >/dev/null
  # the superuser "postgres" is trusted on loopback; every other role (the stations') needs its password
  _as_pg sh -c "printf '%s\n' 'local all all trust' 'host all postgres 127.0.0.1/32 trust' \
    'host all all 127.0.0.1/32 scram-sha-256' > '$_SERVICES_PG_DATA/data/pg_hba.conf'"
  _pg_tls "$_SERVICES_PG_DATA/tls"
  _as_pg "$_SERVICES_PG_BIN/pg_ctl" -D "$_SERVICES_PG_DATA/data" -l "$_SERVICES_PG_DATA/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $_SERVICES_PG_DATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c ssl=on -c ssl_cert_file=$_SERVICES_PG_DATA/tls/server.crt -c ssl_key_file=$_SERVICES_PG_DATA/tls/server.key" \
    start >/dev/null
  export INTAKE_PG_CA="$_SERVICES_PG_DATA/tls/ca.pem"
  export INTAKE_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$PGPORT/postgres"
  say "PostgreSQL on 127.0.0.1:$PGPORT"
}

start_cups() {
  export INTAKE_CUPS_PDF_OUT=${INTAKE_CUPS_PDF_OUT:-/tmp/intake-cups-pdf}
  local run=as_root
  mkdir -p "$INTAKE_CUPS_PDF_OUT" && chmod 1777 "$INTAKE_CUPS_PDF_OUT"
  $run mkdir -p /run/cups
  $run sed -i "s|^#\?Out .*|Out $INTAKE_CUPS_PDF_OUT/\${USER}|" /etc/cups/cups-pdf.conf
  if ! lpstat -r 2>/dev/null | grep -q "is running"; then
    if [ "$(id -u)" -eq 0 ]; then /usr/sbin/cupsd -f & _SERVICES_CUPSD=$!; else sudo /usr/sbin/cupsd; fi
    for _ in $(seq 100); do lpstat -r 2>/dev/null | grep -q "is running" && break; sleep 0.1; done
  fi
  $run lpadmin -p PDF -v cups-pdf:/ -E -m lsb/usr/cups-pdf/CUPS-PDF_noopt.ppd 2>/dev/null
  $run lpadmin -d PDF
  # A raw queue for ZPL, as a dock would set up a Zebra in CUPS: its socket backend delivers to
  # 127.0.0.1:$INTAKE_CUPS_ZPL_PORT, where the printing tests listen as a Zebra. "Raw queues are
  # deprecated" is CUPS's warning, not an error. retry-job: a printer that is off keeps the queue.
  export INTAKE_CUPS_ZPL_PORT=${INTAKE_CUPS_ZPL_PORT:-59100}
  while (exec 3<>/dev/tcp/127.0.0.1/$INTAKE_CUPS_ZPL_PORT) 2>/dev/null; do
    INTAKE_CUPS_ZPL_PORT=$((INTAKE_CUPS_ZPL_PORT + 1)); done  # port in use
  $run lpadmin -p ZPL -v "socket://127.0.0.1:$INTAKE_CUPS_ZPL_PORT" -E -m raw -o printer-error-policy=retry-job \
    2>/dev/null
  $run cancel -a ZPL 2>/dev/null || true  # jobs a previous run left behind
  say "CUPS with queue PDF -> $INTAKE_CUPS_PDF_OUT and raw queue ZPL -> 127.0.0.1:$INTAKE_CUPS_ZPL_PORT"
}

start_services() {
  trap stop_services EXIT
  start_postgres
  start_cups
}
