#!/usr/bin/env python3
"""The balance tracker against each store's floor, measured in one run on this machine (docs/performance.md).

Floors (the same kind of work without the tracker):
  Redis       redis-benchmark -P 16 -c 50: EVALSHA of a one-line HINCRBY script
  PostgreSQL  pgbench -M prepared -c 8 -j 2: the single conditional UPDATE, one hot account and 10,000 accounts
  SQLite      sqlite3: one transaction per operation (WAL, synchronous FULL)
The tracker: build/bin/ledgerhost_balance_benchmark, prepare + fulfill pairs from 64 caller threads; then
the same paced at half the peak it reached (p99 latency at half load), and the memory 100,000 accounts
take in each store, scaled to 1,000,000.

  scripts/bench/balances.py --bench build-release/bin/ledgerhost_balance_benchmark [--seconds 5]
Needs the test PostgreSQL (scripts/start-postgres.sh) and Redis (scripts/start-redis.sh).
"""
import argparse
import os
import re
import subprocess
import tempfile
import time

PG = "postgresql://ledgerhost:ledgerhost@127.0.0.1:5432"


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


def ours(bench, store, url, seconds, threads, accounts, prefix="lh_bench", rate=0):
    out = run([bench, "--store", store, "--url", url, "--seconds", str(seconds), "--threads", str(threads),
               "--accounts", str(accounts), "--key-prefix", prefix + str(time.time_ns()), "--rate", str(rate)])
    fields = dict(kv.split("=") for kv in out.split())
    return int(fields["ops_per_s"]), int(fields["p50_us"]), int(fields["p99_us"])


def peak_and_half(bench, store, url_for_run, seconds, threads, accounts):
    """The peak, then p99 at half of it (a fresh database or key prefix each time)."""
    peak = ours(bench, store, url_for_run(), seconds, threads, accounts)
    half = ours(bench, store, url_for_run(), seconds, threads, accounts, rate=max(1, peak[0] // 2))
    return peak, half


def configure(bench, store, url, accounts, prefix="lh_mem"):
    run([bench, "--store", store, "--url", url, "--threads", "16", "--accounts", str(accounts), "--configure-only",
         "--key-prefix", prefix])


def redis_used_memory(port):
    info = run(["redis-cli", "-p", str(port), "INFO", "memory"])
    return int(re.search(r"used_memory:(\d+)", info).group(1))


def memory_per_million(bench, redis_port, accounts=100000):
    """Bytes 1,000,000 configured accounts take, measured with `accounts` of them."""
    out = {}
    prefix = "lh_mem%d" % time.time_ns()
    before = redis_used_memory(redis_port)
    configure(bench, "redis", "redis://127.0.0.1:%d" % redis_port, accounts, prefix)
    out["Redis (used_memory)"] = (redis_used_memory(redis_port) - before) * 1000000 // accounts
    run(["redis-cli", "-p", str(redis_port), "EVAL",
         "for _, k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', k) end", "0", prefix + ":*"])
    env = fresh_pg("lh_bench_memory")
    configure(bench, "postgresql", PG + "/lh_bench_memory", accounts)
    size = run(["psql", "-h", "127.0.0.1", "-U", "ledgerhost", "-d", "lh_bench_memory", "-Atc",
                "SELECT pg_total_relation_size('balance_accounts')"], env=env)
    out["PostgreSQL (balance_accounts, indexes included)"] = int(size) * 1000000 // accounts
    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, "memory.db")
        def size_of():
            run(["sqlite3", db, "PRAGMA wal_checkpoint(TRUNCATE)"])
            return os.path.getsize(db)
        configure(bench, "sqlite", "sqlite:" + db, 0)
        empty = size_of()
        configure(bench, "sqlite", "sqlite:" + db, accounts)
        out["SQLite (file growth)"] = (size_of() - empty) * 1000000 // accounts
    return out


def fresh_pg(name):
    env = dict(os.environ, PGPASSWORD="ledgerhost")
    for sql in ("DROP DATABASE IF EXISTS %s" % name, "CREATE DATABASE %s" % name):
        run(["psql", "-h", "127.0.0.1", "-U", "ledgerhost", "-d", "ledgerhost_test", "-qc", sql], env=env)
    return env


def redis_floor(port):
    sha = run(["redis-cli", "-p", str(port), "SCRIPT", "LOAD", "return redis.call('HINCRBY', KEYS[1], 'f', ARGV[1])"]).strip()
    out = run(["redis-benchmark", "-p", str(port), "-P", "16", "-c", "50", "-n", "1000000", "-q",
               "EVALSHA", sha, "1", "bench:{floor}", "1"])
    return int(float(re.search(r"([\d.]+) requests per second", out).group(1)))


def pg_floor(accounts, seconds):
    env = fresh_pg("lh_bench_floor")
    psql = ["psql", "-h", "127.0.0.1", "-U", "ledgerhost", "-d", "lh_bench_floor", "-qc"]
    run(psql + ["CREATE TABLE balance_floor (account_id varchar(255) primary key, clearing bigint not null, "
                "prepaid bigint not null)"], env=env)
    run(psql + ["INSERT INTO balance_floor SELECT 'acct-' || g, 0, 0 FROM generate_series(0, %d) g" % (accounts - 1)], env=env)
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as f:
        f.write("\\set a random(0, %d)\n" % (accounts - 1))
        f.write("UPDATE balance_floor SET clearing = clearing - 1 WHERE account_id = 'acct-' || :a "
                "AND clearing + prepaid - 1 >= -1000000000000;\n")
    out = run(["pgbench", "-h", "127.0.0.1", "-U", "ledgerhost", "-n", "-M", "prepared", "-c", "8", "-j", "2",
               "-T", str(seconds), "-f", f.name, "lh_bench_floor"], env=env)
    os.unlink(f.name)
    return int(float(re.search(r"tps = ([\d.]+)", out).group(1)))


def sqlite_floor(n=3000):
    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, "floor.db")
        setup = "PRAGMA journal_mode=WAL;\nCREATE TABLE b (account_id TEXT PRIMARY KEY, clearing INTEGER, prepaid INTEGER);\n" \
                "INSERT INTO b VALUES ('hot', 0, 0);\n"
        subprocess.run(["sqlite3", db], input=setup, check=True, capture_output=True, text=True)
        script = "PRAGMA synchronous=FULL;\n" + "BEGIN;\nUPDATE b SET clearing = clearing - 1 WHERE account_id = 'hot' " \
                 "AND clearing + prepaid - 1 >= -1000000000000;\nCOMMIT;\n" * n
        start = time.monotonic()
        subprocess.run(["sqlite3", db], input=script, check=True, capture_output=True, text=True)
        return int(n / (time.monotonic() - start))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", required=True)
    ap.add_argument("--seconds", type=int, default=5)
    ap.add_argument("--threads", type=int, default=64, help="tracker caller threads (packets in flight)")
    ap.add_argument("--redis-port", type=int, default=int(os.environ.get("LEDGERHOST_TEST_REDIS_PORT", "6390")))
    args = ap.parse_args()
    rows = []
    floor = redis_floor(args.redis_port)
    peak, half = peak_and_half(args.bench, "redis", lambda: "redis://127.0.0.1:%d" % args.redis_port, args.seconds,
                               args.threads, 1000)
    rows.append(("Redis, 1,000 accounts", "redis-benchmark -P 16 -c 50 EVALSHA HINCRBY", floor, peak, half))
    for accounts, label in ((1, "PostgreSQL, one hot account"), (10000, "PostgreSQL, 10,000 accounts")):
        floor = pg_floor(accounts, args.seconds)

        def fresh_url():
            fresh_pg("lh_bench_tracker")
            return PG + "/lh_bench_tracker"
        peak, half = peak_and_half(args.bench, "postgresql", fresh_url, args.seconds, args.threads, accounts)
        rows.append((label, "pgbench -M prepared -c 8 -j 2, conditional UPDATE", floor, peak, half))
    floor = sqlite_floor()
    with tempfile.TemporaryDirectory() as d:
        files = iter(range(10))
        peak, half = peak_and_half(args.bench, "sqlite", lambda: "sqlite:" + os.path.join(d, "t%d.db" % next(files)),
                                   args.seconds, args.threads, 1)
    rows.append(("SQLite, one hot account", "sqlite3, one transaction per UPDATE (WAL, synchronous FULL)", floor, peak,
                 half))
    print("| store | floor | floor ops/s | tracker ops/s (prepare + fulfill) | ratio | p50 / p99 µs at peak "
          "| p99 µs at half the peak |")
    print("|---|---|---|---|---|---|---|")
    for label, how, floor, (ops, p50, p99), (_, _, half_p99) in rows:
        print("| %s | %s | %d | %d | %.2f× | %d / %d | %d |" % (label, how, floor, ops, ops / floor, p50, p99, half_p99))
    print()
    print("| store | bytes per 1,000,000 accounts |")
    print("|---|---|")
    for store, size in memory_per_million(args.bench, args.redis_port).items():
        print("| %s | %d (%.0f MB) |" % (store, size, size / 1e6))

if __name__ == "__main__":
    main()
