#!/usr/bin/env bash
# HTTP load benchmark with wrk: login, profile and avatar upload at 1, 16 and 64 connections,
# against a server this script starts (embedded H2 in a temporary directory, or the database
# in TWITTNER_DB_URL if set).
#   bench/http.sh [seconds per run, default 10]
#   ENDPOINTS="profile" bench/http.sh   (a subset of: login profile avatar)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
port=18080
out=bench/out
mkdir -p "$out"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }

mvn -q -B -Dstyle.color=never package -DskipTests
work="$(mktemp -d)"
photo="$out/photo-4000x3000.jpg"
[ -f "$photo" ] || convert-im6.q16 -seed 42 -size 4000x3000 plasma:fractal -blur 0x1 -attenuate 0.25 \
  +noise Gaussian -quality 90 "$photo"

(cd "$work" && exec java -Xmx1g -jar "$OLDPWD/target/payara-micro-6.2025.10.jar" --deploy "$OLDPWD/target/twittner.war" \
  --port "$port" --nocluster --disablephonehome >"$work/server.log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break
  sleep 1
done
base="http://127.0.0.1:$port/mobile_api"

# 64 users, each wrk thread cycling through its own 32, so that concurrent uploads rarely wait
# for one user's row lock
users="$work/users.txt"
: >"$users"
for i in $(seq 1 64); do
  name="bench$(date +%s%N | tail -c 9)$i"
  token=$(curl -s "$base/signup" -d first_name=Bench -d last_name=User -d username="$name" \
    -d email="$name@example.com" -d password=secret1 | sed -E 's/.*"auth_token":"([0-9a-f]+)".*/\1/')
  id=$(curl -s "$base/profile" -d username="$name" | sed -E 's/.*"id":([0-9]+).*/\1/')
  echo "$name $id $token" >>"$users"
done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB RAM"
echo "server: Payara Micro 6.2025.10, java $(java -version 2>&1 | head -1 | cut -d'"' -f2), -Xmx1g, database ${TWITTNER_DB_URL:-embedded H2}"
echo "wrk: ${seconds}s per run, 2 threads (1 at 1 connection); bodies are checked: an answer without \"code\":200 counts as an error"
printf '\n%-8s %5s %10s %9s %9s %8s\n' endpoint conns "req/s" "p50 ms" "p99 ms" errors
for endpoint in ${ENDPOINTS:-login profile avatar}; do
  # warm-up (JIT, pools), not reported
  USERS="$users" PHOTO="$photo" ENDPOINT="$endpoint" wrk -t2 -c16 -d3s --timeout 60s -s bench/wrk-api.lua \
    "$base/$endpoint" >/dev/null 2>&1
  for conns in 1 16 64; do
    threads=$([ "$conns" -eq 1 ] && echo 1 || echo 2)
    USERS="$users" PHOTO="$photo" ENDPOINT="$endpoint" wrk -t"$threads" -c"$conns" -d"${seconds}s" \
      --timeout 60s -s bench/wrk-api.lua "$base/$endpoint" 2>/dev/null | awk -v e="$endpoint" -v c="$conns" '/^RESULT/ {printf "%-8s %5s %10s %9s %9s %8s\n", e, c, $2, $3, $4, $5}'
  done
done
