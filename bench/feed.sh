#!/usr/bin/env bash
# Feed benchmark on MariaDB: a synthetic community (bench/src/org/twittner/bench/Community.java:
# 100k users, 1M posts, power-law follow graph), EXPLAIN of the feed query (bench/feed-query.sql),
# then wrk against a server this script starts on that database.
#   bench/feed.sh [steps]         steps: any of load explain http (default: all three, in that order);
#                                 schema alone makes the database and its schema, without loading
# Environment:
#   BENCH_USERS   community size, 100000 (the small variant: 10000)
#   BENCH_DB      database name, twittner_bench (MariaDB at BENCH_DB_HOST:BENCH_DB_PORT, 127.0.0.1:3306,
#                 user BENCH_DB_USER root, password BENCH_DB_PASSWORD empty)
#   SECONDS       seconds per wrk run, 10 (each endpoint has a 3 s warm-up first)
#   WARMUP        seconds per endpoint of a first warm-up pass over all endpoints after the server
#                 starts, 10 (a cold JIT otherwise halves the first endpoint's figures)
#   SKIP_LOAD=1   never load: use the database as it is
#   RELOAD=1      drop BENCH_DB, recreate it and load anew (otherwise a loaded database is kept)
#   SEED          the community's seed, 1
#   BENCH_JAVA_OPTS  more options for the server's java (a profiler agent, GC settings)
#   ENDPOINTS     a subset of: profile feeds thread_data profile_posts fetch_followers like_post
#                 search_posts search_people search_hashtags
#                 (feeds also runs the heavy and the typical user alone; fetch_followers reads star's
#                 followers, page 1 and page 100; like_post toggles likes on the sampled posts, then
#                 all on one post; the searches rotate through bench/wrk-feed.lua's queries: common words
#                 alone and together, hashtags, names and username prefixes)
# The schema is made by the server (Flyway at deploy), so the WAR is built when the database has
# no schema yet and for the http step. Files: bench/out/feed-$BENCH_DB/ (tokens, samples, server log).
run_seconds=$SECONDS # bash's own SECONDS counter goes on from the value it is given
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$run_seconds" -gt 0 ] 2>/dev/null || run_seconds=10
users="${BENCH_USERS:-100000}"
db="${BENCH_DB:-twittner_bench}"
host="${BENCH_DB_HOST:-127.0.0.1}"
dbport="${BENCH_DB_PORT:-3306}"
dbuser="${BENCH_DB_USER:-root}"
dbpass="${BENCH_DB_PASSWORD:-}"
seed="${SEED:-1}"
steps="${*:-load explain http}"
port=18081       # API (bench/http.sh uses 18080)
ops_port=19081   # health, metrics
out="$PWD/bench/out/feed-$db"
mkdir -p "$out"
jdbc="jdbc:mysql://$host:$dbport/$db"
mysql_() { MYSQL_PWD="$dbpass" mysql --protocol=tcp -h "$host" -P "$dbport" -u "$dbuser" "$@"; }
sql() { mysql_ -N -B "$db" -e "$1"; }
has() { [[ " $steps " == *" $1 "* ]]; }
server=""
work="$(mktemp -d)"
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

command -v mysql >/dev/null || { echo "the mysql client is not installed (apt-get install mariadb-client)"; exit 1; }
if has http; then command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }; fi
if ! MYSQL_PWD="$dbpass" mysqladmin --protocol=tcp -h "$host" -P "$dbport" -u "$dbuser" ping >/dev/null 2>&1; then
  echo "MariaDB does not answer at $host:$dbport"; exit 1
fi

# the JDBC driver the server uses, for Community.java
connector() {
  local version jar
  version=$(grep -A2 '<artifactId>mysql-connector-j</artifactId>' pom.xml | grep -m1 -oE '<version>[^<]+' | cut -d'>' -f2)
  jar="$HOME/.m2/repository/com/mysql/mysql-connector-j/$version/mysql-connector-j-$version.jar"
  [ -f "$jar" ] || jar="bench/out/lib/mysql-connector-j-$version.jar"
  if [ ! -f "$jar" ]; then
    mvn -q -B -Dstyle.color=never dependency:copy -Dartifact="com.mysql:mysql-connector-j:$version" \
      -DoutputDirectory=bench/out/lib >&2
  fi
  echo "$jar"
}
community() { # the loader writes search terms with the server's own platform.SearchText: built first
  build
  java -Xmx1g -cp "$(connector):target/classes" bench/src/org/twittner/bench/Community.java --users "$users" --seed "$seed" \
    --url "$jdbc" --user "$dbuser" --password "$dbpass" --out "$out" "$@"
}

war_built=""
build() {
  if [ -z "$war_built" ]; then
    mvn -q -B -Dstyle.color=never package -DskipTests
    war_built=1
  fi
}
start_server() {
  build
  mkdir -p "$work/upload"
  (cd "$work" && TWITTNER_DB_URL="$jdbc" TWITTNER_DB_USER="$dbuser" TWITTNER_DB_PASSWORD="$dbpass" \
    TWITTNER_MEDIA_DIR="$work/upload" TWITTNER_OPS_PORT="$ops_port" \
    exec java -Xmx1g ${BENCH_JAVA_OPTS:-} -Dproduct.name= -jar "$OLDPWD/target/payara-micro-6.2025.10.jar" \
    --deploy "$OLDPWD/target/twittner.war" --port "$port" --nohazelcast --disablephonehome \
    --prebootcommandfile "$OLDPWD/src/main/payara/preboot.asadmin" \
    --logproperties "$OLDPWD/src/main/payara/logging.properties" >"$out/server.log" 2>&1) &
  server=$!
  for _ in $(seq 1 180); do
    curl -sf "http://127.0.0.1:$ops_port/health/ready" >/dev/null && return 0
    kill -0 "$server" 2>/dev/null || break
    sleep 1
  done
  echo "the server did not become ready; the end of $out/server.log:"; tail -20 "$out/server.log"; exit 1
}
stop_server() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  server=""
}

# ---- load: database, schema (by the server: Flyway), community
if has load || has schema; then
  [ "${RELOAD:-}" = 1 ] && mysql_ -e "DROP DATABASE IF EXISTS \`$db\`" && rm -f "$out"/*.txt
  mysql_ -e "CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  if [ -z "$(sql "SHOW TABLES LIKE 'timeline'")" ]; then
    echo "schema: starting the server once on $db (Flyway)"
    start_server
    stop_server
  fi
fi
[ "$steps" = schema ] && exit 0
if has load; then
  have=$(sql "SELECT COUNT(*) FROM users")
  if [ "$have" -eq 0 ] && [ "${SKIP_LOAD:-}" != 1 ]; then
    rm -f "$out"/*.txt
    community
  elif [ "$have" -ne "$users" ] && [ "${SKIP_LOAD:-}" != 1 ]; then
    echo "$db holds $have users, not $users: RELOAD=1 to load it anew, or another BENCH_DB"; exit 1
  else
    echo "load: skipped, $db holds $have users"
  fi
fi
[ "$(sql "SELECT COUNT(*) FROM users" 2>/dev/null || echo 0)" -gt 0 ] || { echo "$db holds no community: run the load step"; exit 1; }
[ -f "$out/tokens.txt" ] || community --sessions-only  # a database loaded elsewhere: new sessions
[ -f "$out/threads.txt" ] && [ -f "$out/post-users.txt" ] || community --threads-sample
heavy_id=$(sed -n 1p "$out/tokens.txt" | cut -d' ' -f1)
typical_id=$(sed -n 2p "$out/tokens.txt" | cut -d' ' -f1)

# ---- explain: the feed query for the heavy and the typical user, first and next page
feed_query() { # viewer offset: the plan the server picks for this viewer (feed.control.Timelines)
  local following plan few prolific="" part author
  following=$(sql "SELECT COUNT(*) FROM follows WHERE follower_id = $1 AND status = 'active'")
  plan=$([ "$following" -le 500 ] && [ "$(sql "SELECT COUNT(*) FROM follows f JOIN users u ON u.id = f.following_id WHERE f.follower_id = $1 AND f.status = 'active' AND u.post_count > 20")" -le 64 ] && echo few-followed || echo many-followed)
  few=$(sql "SET SESSION group_concat_max_len = 100000000; SELECT GROUP_CONCAT(f.following_id) FROM follows f
    JOIN users u ON u.id = f.following_id WHERE f.follower_id = $1 AND f.status = 'active' AND u.post_count <= 20")
  few="$1${few:+,$few}"
  part=$(grep -A1 "^-- part: prolific" bench/feed-query.sql | tail -1)
  if [ "$plan" = few-followed ]; then
    for author in $(sql "SELECT f.following_id FROM follows f JOIN users u ON u.id = f.following_id
        WHERE f.follower_id = $1 AND f.status = 'active' AND u.post_count > 20"); do
      prolific="$prolific${part//:author/$author}"
    done
  fi
  local newest
  newest=$(sql "SELECT LEAST($2 - 1, MAX(id)) FROM timeline")
  grep -A1 "^-- plan: $plan" bench/feed-query.sql | tail -1 | sed -e "s/:prolific/${prolific//\//\\/}/" \
    -e "s/:newest/$newest/g" -e "s/:viewer_id/$1/g" -e "s/:offset_id/$2/g" -e "s/:page_size/20/g" -e "s/:few/$few/g"
}
if has explain; then
  for who in heavy:"$heavy_id" typical:"$typical_id"; do
    viewer=${who#*:}
    echo
    echo "== feed query, ${who%%:*} (user $viewer: follows $(sql "SELECT following_count FROM users WHERE id = $viewer"))"
    offset=9223372036854775807
    for page in first next; do
      q=$(feed_query "$viewer" "$offset")
      echo "-- $page page (offset $offset)"
      mysql_ -t "$db" -e "EXPLAIN $q"
      echo "ANALYZE (r_ columns: what the run read):"
      mysql_ -t "$db" -e "ANALYZE $q"
      mysql_ -N -B "$db" -e "ANALYZE FORMAT=JSON $q" >"$work/analyze.json"
      time_of() { grep -m1 -oE "\"$1\": *\\{[^{]*\"r_total_time_ms\": *[0-9.]+" "$work/analyze.json" | sed -n 1p | grep -oE '[0-9.]+$' || echo '?'; }
      echo "server time (ANALYZE FORMAT=JSON, one run): optimization $(time_of query_optimization) ms, execution $(time_of query_block) ms"
      offset=$(mysql_ -N -B "$db" -e "$q" | tail -1 | cut -f1)
      [ -n "$offset" ] || break
    done
  done
fi

# ---- http: wrk at 1, 16 and 64 connections
if has http; then
  start_server
  base="http://127.0.0.1:$port/mobile_api"
  endpoints="${ENDPOINTS:-profile feeds thread_data profile_posts fetch_followers like_post search_posts search_people search_hashtags}"
  # feeds' next pages: each signed-in user's first page, its last offset_id (first 200 users)
  : >"$out/offsets.txt"
  if [[ " $endpoints " == *" feeds "* ]]; then
    head -202 "$out/tokens.txt" | while read -r _ token _; do
      offset=$(curl -s "$base/feeds?session_id=$token&page_size=20" | grep -oE '"offset_id": *"?[0-9]+' | tail -1 \
        | grep -oE '[0-9]+$' || true)
      if [ -n "$offset" ]; then echo "$token $offset" >>"$out/offsets.txt"; fi
    done
    echo "feeds: next-page offsets for $(wc -l <"$out/offsets.txt") of $(head -202 "$out/tokens.txt" | wc -l) users"
  fi
  status() { sql "SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_select', 'Questions')" | sort | cut -f2 | tr '\n' ' '; }
  # star (user 3): 50,000 followers; page 100 of its followers starts after the 1,980th newest
  star_offset=$(sql "SELECT id FROM follows WHERE following_id = 3 AND status = 'active' ORDER BY id DESC LIMIT 1 OFFSET 1979")
  hot_post=$(head -1 "$out/threads.txt")
  run() { # label endpoint conns seconds feed_user [VAR=value...]: variant settings for wrk-feed.lua
    local threads
    threads=$([ "$3" -eq 1 ] && echo 1 || echo 2)
    env "${@:6}" ENDPOINT="$2" FEED_USER="$5" TOKENS="$out/tokens.txt" THREADS="$out/threads.txt" \
      POST_USERS="$out/post-users.txt" OFFSETS="$out/offsets.txt" STAR=3 wrk -t"$threads" -c"$3" -d"${4}s" --timeout 60s -s bench/wrk-feed.lua "$base/$2" \
      2>/dev/null | grep '^RESULT' || echo "RESULT - - - - 0"
  }
  row() { # label endpoint conns feed_user [VAR=value...]
    local before after result selects questions
    before=$(status)
    result=$(run "$1" "$2" "$3" "$run_seconds" "$4" "${@:5}")
    after=$(status)
    read -r _ rps p50 p99 errors requests <<<"$result"
    if [ "$3" -eq 16 ] && [ "$requests" -gt 0 ]; then
      read -r s0 q0 <<<"$before"; read -r s1 q1 <<<"$after"
      selects=$(awk -v d=$((s1 - s0)) -v n="$requests" 'BEGIN {printf "%.2f", d / n}')
      questions=$(awk -v d=$((q1 - q0)) -v n="$requests" 'BEGIN {printf "%.2f", d / n}')
    else
      selects=-; questions=-
    fi
    printf '%-14s %5s %10s %9s %9s %8s %10s %10s\n' "$1" "$3" "$rps" "$p50" "$p99" "$errors" "$selects" "$questions"
  }

  echo
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB RAM"
  echo "server: Payara Micro 6.2025.10, java $(java -version 2>&1 | head -1 | cut -d'"' -f2), -Xmx1g, $jdbc"
  echo "database: MariaDB $(sql "SELECT VERSION()"), innodb_buffer_pool_size $(( $(sql "SELECT @@innodb_buffer_pool_size") / 1048576 )) MB"
  echo "data: $(sql "SELECT CONCAT((SELECT COUNT(*) FROM users), ' users, ', (SELECT COUNT(*) FROM follows), ' follows, ', (SELECT COUNT(*) FROM posts), ' posts')")"
  echo "wrk: a ${WARMUP:-10} s warm-up per endpoint after the server starts, then ${run_seconds}s per run after a 3 s warm-up per endpoint, 2 threads (1 at 1 connection); an answer without \"code\":200 counts as an error"
  echo "SQL per request (16 connections only): MariaDB's global Com_select and Questions over the run / wrk's requests;"
  echo "approximate: every client of this MariaDB server counts"
  printf '\n%-14s %5s %10s %9s %9s %8s %10s %10s\n' endpoint conns "req/s" "p50 ms" "p99 ms" errors "selects/req" "stmts/req"
  for endpoint in $endpoints; do
    run warm-up "$endpoint" 16 "${WARMUP:-10}" all >/dev/null
  done
  for endpoint in $endpoints; do
    run warm-up "$endpoint" 16 3 all >/dev/null
    for conns in 1 16 64; do
      row "$endpoint" "$endpoint" "$conns" all
    done
    if [ "$endpoint" = feeds ]; then
      for who in heavy typical; do
        run warm-up feeds 16 3 "$who" >/dev/null
        row "feeds:$who" feeds 16 "$who"
      done
    elif [ "$endpoint" = fetch_followers ]; then
      run warm-up fetch_followers 16 3 all FOLLOWERS_OFFSET="$star_offset" >/dev/null
      row "followers:p100" fetch_followers 1 all FOLLOWERS_OFFSET="$star_offset"
      row "followers:p100" fetch_followers 16 all FOLLOWERS_OFFSET="$star_offset"
    elif [ "$endpoint" = like_post ]; then
      run warm-up like_post 16 3 all LIKE_POST="$hot_post" >/dev/null
      row "like_post:hot" like_post 16 all LIKE_POST="$hot_post"
    fi
  done
  if [[ " $endpoints " == *" like_post "* ]]; then
    echo "posts whose likes_count differs from its post_likes rows after the run: $(sql "SELECT COUNT(*) FROM posts p
      LEFT JOIN (SELECT post_id, COUNT(*) AS n FROM post_likes GROUP BY post_id) l ON l.post_id = p.id
      WHERE p.likes_count <> COALESCE(l.n, 0)") (of $(sql "SELECT COUNT(*) FROM posts") posts, $(sql "SELECT COUNT(*) FROM post_likes") likes)"
  fi
  stop_server
fi
