#!/usr/bin/env python3
"""ledgerhost vs Liquibase 4.28 vs the floor (the same SQL script through psql -f / sqlite3), on the
same machine in one run. Writes the results table into docs/performance.md (between the markers).

  scripts/bench/bench.py --ledgerhost build-release/bin/ledgerhost [--reps 3] [--dbs sqlite,postgresql]

Workloads: the generated changelog (scripts/bench/generate_changelog.py: 500 x createTable, addColumn
with a default, createIndex, insert = 2,000 changesets) and the Corda corpus masters combined under one
master. Operations: fresh update, no-op update (everything executed), update-sql, validate, status.
Floor: on PostgreSQL, Liquibase's update-sql script of the fresh database (DDL, data and the
DATABASECHANGELOG inserts) applied with psql -f; on SQLite, where no tool can script a fresh database
(addColumn rebuilds need the live table), the statements ledgerhost's update executed, replayed by sqlite3.
"""
import argparse
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../.."))
sys.path.insert(0, os.path.join(ROOT, "tests/compat"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compat  # noqa: E402  (Database, Liquibase, Ledgerhost, PG)
import generate_changelog  # noqa: E402

DOC = os.path.join(ROOT, "docs/performance.md")
# A node has one notary implementation: node-notary, notary-raft and notary-bft-smart share changesets
# (both tools refuse the duplicates), so only the first is included.
CORDA_MASTERS = ["common", "node-info", "vault-schema", "node-notary", "cash", "commercial-paper"]


def timed(fn):
    start = time.perf_counter()
    p = fn()
    return time.perf_counter() - start, p


def corda_tree(shared, work):
    """One search path holding the node and finance migration folders and a master including them."""
    root = os.path.join(work, "corda")
    for part in ("node/src/main/resources/migration", "finance/workflows/src/main/resources/migration"):
        shutil.copytree(os.path.join(shared, "corpus/corda", part), os.path.join(root, "migration"),
                        dirs_exist_ok=True)
    with open(os.path.join(root, "corda-masters.xml"), "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<databaseChangeLog '
                'xmlns="http://www.liquibase.org/xml/ns/dbchangelog" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                'xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog '
                'http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">\n')
        for m in CORDA_MASTERS:
            f.write('    <include file="migration/%s.changelog-master.xml"/>\n' % m)
        f.write("</databaseChangeLog>\n")
    return root, "corda-masters.xml"


class Runner:
    def __init__(self, args, work):
        self.args, self.work = args, work
        self.results = {}  # (workload, db, tool, op) -> [seconds] or error text
        self.counter = 0

    def fresh(self, kind):
        self.counter += 1
        return compat.Database(kind, self.work, "bench%d" % self.counter)

    def record(self, key, seconds=None, error=None):
        if error is not None:
            self.results[key] = error
            print("%-40s FAILED %s" % ("/".join(key), error[:200]), flush=True)
        elif not isinstance(self.results.get(key), str):
            self.results.setdefault(key, []).append(seconds)
            print("%-40s %.2fs" % ("/".join(key), seconds), flush=True)

    def attempt(self, key, fn):
        seconds, p = timed(fn)
        if p.returncode != 0:
            self.record(key, error=compat.last_error(p.stdout + p.stderr) or "exit %d" % p.returncode)
            return False
        self.record(key, seconds)
        return True

    def tool_ops(self, workload, kind, tool, full):
        last_db = None
        for _ in range(self.args.reps):
            db = self.fresh(kind)
            ok = self.attempt((workload, kind, tool.name, "update (fresh)"), lambda: tool(db, "update", check=False))
            if last_db:
                last_db.drop()
            last_db = db
            if not ok:
                break
        if not full or not ok:  # no-op timings on a half-migrated database would mean nothing
            last_db.drop()
            return
        ops = [("update (no-op)", "update"), ("status", "status"), ("validate", "validate")]
        for label, command in ops:
            for _ in range(self.args.reps):
                extra = ["--verbose"] if command == "status" and tool.name == "liquibase" else []
                self.attempt((workload, kind, tool.name, label), lambda: tool(last_db, command, *extra, check=False))
        last_db.drop()
        for _ in range(self.args.reps):
            db = self.fresh(kind)
            self.attempt((workload, kind, tool.name, "update-sql"), lambda: tool(db, "update-sql", check=False))
            db.drop()

    def floor(self, workload, kind, lb, lh):
        # Candidate scripts, best first: Liquibase's update-sql of the fresh database, else what
        # ledgerhost's update executed (on SQLite no tool can script a fresh database: addColumn
        # rebuilds need the live table; some changelogs' scripts do not replay, e.g. preconditions
        # that update-sql cannot evaluate). The first one that replays cleanly is timed.
        candidates = []
        if kind != "sqlite":
            db = self.fresh(kind)
            p = lb(db, "update-sql", check=False)
            db.drop()
            if p.returncode == 0:
                candidates.append(("liquibase", p.stdout))
        db = self.fresh(kind)
        executed = executed_statements(lh, db)
        db.drop()
        if executed:
            candidates.append(("ledgerhost-executed", executed))
        script = os.path.join(self.work, "floor-%s-%s.sql" % (workload, kind))
        chosen = None
        for source, text in candidates:
            with open(script, "w") as f:
                f.write(text)
            db = self.fresh(kind)
            ok = replay(kind, db, script).returncode == 0
            db.drop()
            if ok:
                chosen = source
                break
        if chosen is None:
            self.record((workload, kind, "floor", "update (fresh)"), error="no floor script replays")
            return
        self.floor_source[(workload, kind)] = chosen
        for _ in range(self.args.reps):
            db = self.fresh(kind)
            self.attempt((workload, kind, "floor", "update (fresh)"), lambda: replay(kind, db, script))
            db.drop()


def replay(kind, db, script):
    """The floor: the script through the database's own command-line client."""
    if kind == "sqlite":
        with open(script) as f:
            return subprocess.run(["sqlite3", "-bail", db.path], stdin=f, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
    env = dict(os.environ, PGPASSWORD=compat.PG["password"])
    return subprocess.run(["psql", "-q", "-h", compat.PG["host"], "-p", compat.PG["port"], "-U", compat.PG["user"],
                           "-d", db.name, "-v", "ON_ERROR_STOP=1", "-f", script],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} (\w+)\s+\[([\w.-]+)\] ", re.M)


def executed_statements(lh, db):
    """Every statement a fresh `update` executed, in order (transaction commands included), from the
    `sql` logger of `ledgerhost --log-level debug`; None when the update failed."""
    p = lh(db, "update", check=False, log_level="debug")
    if p.returncode != 0:
        return None
    parts = LOG_LINE.split(p.stderr)  # [before, level, logger, message, level, logger, message, ...]
    statements = [parts[i + 2].rstrip("\n") for i in range(1, len(parts) - 2, 3) if parts[i + 1] == "sql"]
    return "\n".join(statements) + "\n"


def median(v):
    return statistics.median(v) if isinstance(v, list) and v else None


def fmt(v):
    if isinstance(v, str):
        return "failed: " + v.replace("|", "\\|")[:120]
    m = median(v)
    return "—" if m is None else ("%.3f s" % m if m < 10 else "%.1f s" % m)


def ratio(a, b):
    ma, mb = median(a), median(b)
    return "%.2f" % (ma / mb) if ma and mb else "—"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ledgerhost", required=True)
    ap.add_argument("--shared", default=os.environ.get("LEDGERHOST_SHARED_DIR", os.path.join(ROOT, "../shared")))
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--dbs", default="sqlite,postgresql")
    ap.add_argument("--workloads", default="generated,corda")
    ap.add_argument("--no-doc", action="store_true")
    args = ap.parse_args()
    shared = os.path.abspath(args.shared)
    work = tempfile.mkdtemp(prefix="ledgerhost-bench-")
    runner = Runner(args, work)
    runner.floor_source = {}
    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = os.getloadavg()
    try:
        gen = os.path.join(work, "generated")
        os.makedirs(gen)
        with open(os.path.join(gen, "bench-2000.xml"), "w") as f:
            f.write(generate_changelog.generate(500))
        workloads = {"generated": (gen, "bench-2000.xml", True), "corda": corda_tree(shared, work) + (True,)}
        for name in args.workloads.split(","):
            search_path, changelog, full = workloads[name]
            lb = compat.Liquibase(shared, search_path, changelog)
            lh = compat.Ledgerhost(args.ledgerhost, search_path, changelog)
            for kind in args.dbs.split(","):
                runner.tool_ops(name, kind, lh, full)
                runner.tool_ops(name, kind, lb, full)
                if full:
                    runner.floor(name, kind, lb, lh)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    load_after = os.getloadavg()

    r = runner.results
    lines = []
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    cmd = "scripts/bench/bench.py --ledgerhost %s --reps %d" % (os.path.relpath(args.ledgerhost, ROOT), args.reps)
    if args.dbs != "sqlite,postgresql":
        cmd += " --dbs " + args.dbs
    lines.append("Generated %s UTC by `%s` (commit %s). Machine: nproc %d, %s, %s; load average %.1f before, "
                 "%.1f after (other work on the machine: none started by this run). Medians of %d runs." % (
                     started.strftime("%Y-%m-%d %H:%M"), cmd,
                     subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], stdout=subprocess.PIPE,
                                    text=True).stdout.strip(), os.cpu_count(), cpu, platform.platform(),
                     load_before[0], load_after[0], args.reps))
    lines += ["", "| workload | database | operation | ledgerhost | Liquibase 4.28 | floor | ledgerhost/floor | Liquibase/ledgerhost |",
              "|---|---|---|---|---|---|---|---|"]
    ops = ["update (fresh)", "update (no-op)", "status", "validate", "update-sql"]
    for name in args.workloads.split(","):
        for kind in args.dbs.split(","):
            for op in ops:
                lhv, lbv, fl = (r.get((name, kind, t, op)) for t in ("ledgerhost", "liquibase", "floor"))
                if lhv is None and lbv is None:
                    continue
                lines.append("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
                    name, kind, op, fmt(lhv), fmt(lbv), fmt(fl) if fl is not None else "—", ratio(lhv, fl),
                    ratio(lbv, lhv)))
    describe = {"liquibase": "Liquibase's update-sql", "ledgerhost": "ledgerhost's update-sql",
                "ledgerhost-executed": "the statements ledgerhost's update executed (its `sql` debug log)"}
    sources = ", ".join("%s/%s: %s" % (w, k, describe[s]) for (w, k), s in sorted(runner.floor_source.items()))
    lines += ["", "Floor scripts: " + (sources or "none") + "."]
    text = "\n".join(lines)
    print(text)
    if not args.no_doc:
        begin, end = "<!-- BEGIN results -->", "<!-- END results -->"
        doc = open(DOC).read()
        doc = doc[:doc.index(begin) + len(begin)] + "\n" + text + "\n" + doc[doc.index(end):]
        with open(DOC, "w") as f:
            f.write(doc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
