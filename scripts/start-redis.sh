#!/usr/bin/env bash
# Starts the test Redis on 127.0.0.1:6390 (Debian's redis-server, Redis 7 with Functions), separate
# from any system Redis on 6379, with data under build-redis/ and every write fsynced (appendfsync
# always, the durable setting). Idempotent: an answering server is left alone.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
port=${LEDGERHOST_TEST_REDIS_PORT:-6390}
if redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1; then
  echo "redis on 127.0.0.1:$port (already running)"
  exit 0
fi
dir="$root/build-redis"
mkdir -p "$dir"
redis-server --bind 127.0.0.1 --port "$port" --daemonize yes --dir "$dir" --logfile "$dir/redis.log" \
  --pidfile "$dir/redis.pid" --appendonly yes --appendfsync always --save ""
for _ in $(seq 1 50); do redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null
echo "redis on 127.0.0.1:$port"
