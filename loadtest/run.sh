#!/usr/bin/env bash
# Circuit load test (issue 9 §3): publishes App (Release) once, starts it in Production on SQLite with the demo data
# (like App.Benchmarks' AppServer), and drives it with the protocol-level client loadtest/circuits.mjs.
#
#   loadtest/run.sh [--steps 500,1000,2000] [--active 200] [--duration 60] [--think 2000-6000]
#                   [--per-page 100] [--pages /,/sales/opportunities,...] [--skip-memory] [--skip-scale]
#                   [--app-dir DIR] [--publish] [--out FILE]
#
# Prints one markdown report (and writes it to --out, default loadtest/results/load-<UTC date>.md). The app is
# published to $APP_DIR (default /tmp/blazorpartner-load-app) and reused on later runs; --publish forces a new publish.
# Environment: GC_SERVER=1 runs the app with server GC (the Web SDK default) instead of workstation GC.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
app_dir="${APP_DIR:-/tmp/blazorpartner-load-app}"
steps="500,1000,2000"; active=200; duration=60; think="2000-6000"; per_page=100; pages=""
skip_memory=0; skip_scale=0; publish=0; out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --steps) steps="$2"; shift 2 ;;
    --active) active="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --think) think="$2"; shift 2 ;;
    --per-page) per_page="$2"; shift 2 ;;
    --pages) pages="$2"; shift 2 ;;
    --skip-memory) skip_memory=1; shift ;;
    --skip-scale) skip_scale=1; shift ;;
    --app-dir) app_dir="$2"; shift 2 ;;
    --publish) publish=1; shift ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
out="${out:-$here/results/load-$(date -u +%Y-%m-%d-%H%M).md}"
mkdir -p "$(dirname "$out")"

# Thousands of WebSockets in one node process (and as many in the server, started from this shell).
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

if [[ $publish == 1 || ! -f "$app_dir/BlazorPartner.dll" ]]; then
  echo "Publishing App (Release) to $app_dir ..." >&2
  dotnet publish "$repo/App/App.csproj" -c Release -o "$app_dir" --nologo -v q >&2
fi
if [[ ! -d "$here/node_modules/@microsoft/signalr" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund >&2)
fi

work="$(mktemp -d /tmp/blazorpartner-load-XXXXXX)"
kek="$(openssl rand -base64 32)"
server_pid=""
stop_server() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
trap 'stop_server; rm -rf "$work"' EXIT

start_server() {
  port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
  base="http://127.0.0.1:$port/"
  (
    cd "$app_dir"
    export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port"
    export DOTNET_gcServer="${GC_SERVER:-0}"
    export Database__Provider=Sqlite Database__SqlitePath="$work/blazorpartner.db" Database__SeedDemoData=true
    export Opportunities__AutoRejectEnabled=false Diagnostics__MemoryEndpoint=true
    export DataProtection__KeyEncryptionKey="$kek" Http__HttpsRedirection=false
    # One demo user holds hundreds of circuits here; the per-user cap (8) would show "Too many open tabs".
    export Circuits__MaxCircuitsPerUser=0
    export Logging__LogLevel__Default=Warning
    exec dotnet BlazorPartner.dll
  ) >>"$work/app.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 600); do
    if curl -fs -o /dev/null "${base}health"; then return 0; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then tail -30 "$work/app.log" >&2; echo "The app exited during startup" >&2; exit 1; fi
    sleep 0.5
  done
  tail -30 "$work/app.log" >&2; echo "The app did not become healthy in 5 minutes" >&2; exit 1
}

node_opts="--max-old-space-size=6144"
{
  trap stop_server EXIT # this block is a subshell (pipeline): it owns the server it starts
  echo "# BlazorPartner circuit load test"
  echo
  echo "Run $(date -u '+%Y-%m-%d %H:%M') UTC on $(uname -sr), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM, $(node --version), app published from $(git -C "$repo" rev-parse --short HEAD) (Release, Production, SQLite with demo data, $( [[ ${GC_SERVER:-0} == 1 ]] && echo server || echo workstation) GC, auto-reject off)."
  echo "Machine load at start (uptime): $(uptime | sed 's/.*load average/load average/')."
  echo "The client runs on the same 2 cores as the server (and other work on the machine), so latencies are pessimistic."
  echo
  if [[ $skip_memory == 0 ]]; then
    echo "## Memory per idle circuit, by console page"
    echo
    echo "Each page in a fresh app process (as App.Benchmarks circuits does: a process's committed memory from an earlier page would hide the next page's resident growth): 5 warm-up circuits, a full compacting GC and a reading (/_diagnostics/memory), $per_page more circuits of the page, each waited for until its page is drawn (list pages: grid rows; others: the h1), another GC and reading; growth / $per_page. Circuits closed with _blazor/disconnect afterwards."
    echo
    echo "| page (user) | circuits | open time | resident (RSS) per circuit | managed per circuit | render batches / bytes received per circuit | server RSS after |"
    echo "|---|---|---|---|---|---|---|"
    IFS=, read -ra page_list <<<"${pages:-/,/sales/opportunities,/sales/customers,/finance/vouchers,/finance/funds,/todo@vendor,/vendor/opportunities@vendor,/vendor/operations@vendor}"
    for page in "${page_list[@]}"; do
      start_server
      node $node_opts "$here/circuits.mjs" memory --base "$base" --pid "$server_pid" --per-page "$per_page" --pages "$page" --rows-only 1 --json "$work/memory-$(echo "$page" | tr -c 'a-zA-Z0-9\n' '_').json"
      stop_server
    done
    echo
  fi
  if [[ $skip_scale == 0 ]]; then
    start_server
    echo "## Idle circuits and UI event latency with $active active users"
    echo
    node $node_opts "$here/circuits.mjs" scale --base "$base" --pid "$server_pid" --steps "$steps" --active "$active" --duration "$duration" --think "$think" --json "$work/scale.json"
    echo
    stop_server
  fi
  echo "Machine load at end (uptime): $(uptime | sed 's/.*load average/load average/')."
  if grep -qiE '"(Level|LogLevel)":"(Error|Critical)"|fail:|crit:' "$work/app.log"; then
    echo
    echo "Server log errors (first 5):"
    echo '```'
    grep -iE '"(Level|LogLevel)":"(Error|Critical)"|fail:|crit:' "$work/app.log" | head -5 | cut -c1-400
    echo '```'
  fi
} | tee "$out"
cp "$work"/*.json "$(dirname "$out")/" 2>/dev/null || true
echo "Report written to $out" >&2
