#!/usr/bin/env bash
# Runs BlazorPartner as a small cluster on this machine: PostgreSQL 15, two app instances (Production) on loopback ports
# and nginx in front with WebSockets and sticky sessions (README, "Run as a cluster").
#
#   scripts/run-cluster.sh          # publish, start everything, wait; Ctrl-C stops it all
#   scripts/run-cluster.sh stop     # stops a cluster started from another terminal
#
# Settings (environment): BLAZORPARTNER_CLUSTER_DIR (state, logs, nginx prefix; default /tmp/blazorpartner-cluster),
# PROXY_PORT (8080), INSTANCE_A_PORT (5101), INSTANCE_B_PORT (5102), PG_DATABASE (blazorpartner_cluster),
# SKIP_PUBLISH=1 (reuse the last published build), DataProtection__KeyEncryptionKey (else one kept in the state dir).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

state=${BLAZORPARTNER_CLUSTER_DIR:-${TMPDIR:-/tmp}/blazorpartner-cluster}
proxy_port=${PROXY_PORT:-8080}
port_a=${INSTANCE_A_PORT:-5101}
port_b=${INSTANCE_B_PORT:-5102}
pg_database=${PG_DATABASE:-blazorpartner_cluster}
pg_user=partner
pg_password=partner
nginx_bin=${NGINX:-/usr/sbin/nginx}

stop_cluster() {
  # Only the processes this script recorded, by id: the proxy first, so nobody is routed to an instance going away.
  for name in nginx a b; do
    local pidfile="$state/$name.pid"
    if [[ -f "$pidfile" ]]; then
      local pid
      pid=$(cat "$pidfile")
      if kill -0 "$pid" 2>/dev/null; then
        echo "stopping $name (pid $pid)"
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "$pid" 2>/dev/null || true
      fi
      rm -f "$pidfile"
    fi
  done
}

if [[ "${1:-}" == "stop" ]]; then
  stop_cluster
  exit 0
fi

[[ -x "$nginx_bin" ]] || { echo "nginx is missing: apt-get install -y nginx (the Debian package, TOOLCHAIN.md)" >&2; exit 1; }
mkdir -p "$state"
stop_cluster

echo "== PostgreSQL 15"
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  pg_ctlcluster 15 main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
pg_isready -h 127.0.0.1 -p 5432
if [[ $(id -u) -eq 0 ]]; then
  # The same role .ci/run creates (it also runs the PostgreSQL tests).
  su postgres -c "psql -v ON_ERROR_STOP=1 -qtAc \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$pg_user') THEN CREATE ROLE $pg_user LOGIN CREATEDB PASSWORD '$pg_password'; END IF; END \\\$\\\$;\""
fi
export PGPASSWORD=$pg_password
if [[ -z $(psql -h 127.0.0.1 -U "$pg_user" -d postgres -qtAc "SELECT 1 FROM pg_database WHERE datname = '$pg_database'") ]]; then
  psql -h 127.0.0.1 -U "$pg_user" -d postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE \"$pg_database\""
  echo "created database $pg_database"
fi

echo "== publish (Release)"
publish="$state/publish"
# Production serves static web assets (blazor.web.js, Radzen) only from publish output, never from the build folders.
if [[ "${SKIP_PUBLISH:-}" != "1" || ! -f "$publish/BlazorPartner.dll" ]]; then
  dotnet publish App/App.csproj -c Release -o "$publish" -nologo -v q
fi

# One key-encryption key for both instances: the data-protection key ring is stored in the database, encrypted with it
# (ADR 0006), so a cookie protected by one instance is read by the other. Kept in the state dir so a restart reads the
# key ring it wrote before.
if [[ -z "${DataProtection__KeyEncryptionKey:-}" ]]; then
  if [[ ! -f "$state/kek" ]]; then
    (umask 077; openssl rand -base64 32 > "$state/kek")
  fi
  DataProtection__KeyEncryptionKey=$(cat "$state/kek")
fi

start_instance() {
  local name=$1 port=$2
  echo "== instance $name on http://127.0.0.1:$port (log $state/$name.log)"
  (
    cd "$publish"
    ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="http://127.0.0.1:$port" \
    Database__Provider=Postgres \
    ConnectionStrings__Partner="Host=127.0.0.1;Port=5432;Username=$pg_user;Password=$pg_password;Database=$pg_database" \
    Database__SeedDemoData=true \
    DataProtection__KeyEncryptionKey="$DataProtection__KeyEncryptionKey" \
    Http__KnownProxies__0=127.0.0.1 \
    Http__HttpsRedirection=false \
    exec dotnet BlazorPartner.dll
  ) >"$state/$name.log" 2>&1 &
  echo $! >"$state/$name.pid"
  # Ready = database reachable, migrations applied, jobs alive (README, Health).
  for _ in $(seq 1 180); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null; then
      echo "instance $name ready"
      return 0
    fi
    kill -0 "$(cat "$state/$name.pid")" 2>/dev/null || { echo "instance $name exited; see $state/$name.log" >&2; tail -20 "$state/$name.log" >&2; return 1; }
    sleep 1
  done
  echo "instance $name not ready after 180 s; see $state/$name.log" >&2
  return 1
}

trap 'echo; stop_cluster; exit 0' INT TERM
# One after the other, so each one's readiness is reported in turn. Starting them together would be safe too: startup
# migrates and seeds under a PostgreSQL advisory lock (App/Platform/Database/DatabaseInitializer.cs).
start_instance a "$port_a" || { stop_cluster; exit 1; }
start_instance b "$port_b" || { stop_cluster; exit 1; }

echo "== nginx on http://127.0.0.1:$proxy_port"
prefix="$state/nginx"
mkdir -p "$prefix"
sed -e "s|@PREFIX@|$prefix|g" -e "s|@LISTEN@|127.0.0.1:$proxy_port|g" \
    -e "s|@INSTANCE_A@|127.0.0.1:$port_a|g" -e "s|@INSTANCE_B@|127.0.0.1:$port_b|g" \
    "$repo/scripts/cluster/nginx.conf.template" >"$prefix/nginx.conf"
"$nginx_bin" -t -q -p "$prefix" -c "$prefix/nginx.conf"
"$nginx_bin" -p "$prefix" -c "$prefix/nginx.conf" >"$state/nginx.log" 2>&1 &
echo $! >"$state/nginx.pid"
for _ in $(seq 1 50); do curl -fsS -o /dev/null "http://127.0.0.1:$proxy_port/health/live" 2>/dev/null && break; sleep 0.2; done
curl -fsS -o /dev/null "http://127.0.0.1:$proxy_port/health/live"

cat <<EOF

BlazorPartner cluster is up: open http://127.0.0.1:$proxy_port
  instance a  http://127.0.0.1:$port_a  pid $(cat "$state/a.pid")   log $state/a.log
  instance b  http://127.0.0.1:$port_b  pid $(cat "$state/b.pid")   log $state/b.log
  nginx       pid $(cat "$state/nginx.pid")   logs $prefix/{access,error}.log
Try failover: kill the instance named in the X-BlazorPartner-Upstream response header.
Ctrl-C (or scripts/run-cluster.sh stop) stops everything.
EOF

# Foreground until Ctrl-C (or `stop` from another terminal, which ends the processes waited on here).
while kill -0 "$(cat "$state/nginx.pid" 2>/dev/null || echo 0)" 2>/dev/null; do
  wait -n 2>/dev/null || sleep 1
done
stop_cluster
