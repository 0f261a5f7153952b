#!/usr/bin/env python3
"""generate-changelog and diff: ledgerhost vs Liquibase 4.28 vs the floor, on one machine in one run.

  scripts/bench/snapshot_bench.py --ledgerhost build/bin/ledgerhost [--reps 3]

Databases (made once with ledgerhost's update, not timed): the generated changelog of bench.py (500
tables, each with an added column and an index) on SQLite and PostgreSQL, and the fineract-tenant corpus
(about 280 tables with their keys, indexes and foreign keys) on PostgreSQL.
Operations: generate-changelog into a new file; diff of the database against itself.
Floor: the database's own client writing the schema out: `pg_dump --schema-only`, `sqlite3 DB .schema`.
Every figure is the wall-clock median of --reps runs of the whole process (JVM start-up included; the
Liquibase process is started per run, as liquibase.sh runs it).
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../.."))
sys.path.insert(0, os.path.join(ROOT, "tests/compat"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compat  # noqa: E402
import corpus  # noqa: E402
import generate_changelog  # noqa: E402


def timed(cmd, env=None, cwd=None):
    start = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd)
    seconds = time.perf_counter() - start
    if p.returncode != 0:
        raise RuntimeError("%s failed: %s" % (" ".join(cmd[:4]), (p.stdout + p.stderr)[-400:]))
    return seconds


def attempt(results, key, cmd, env=None, cwd=None):
    """Liquibase may fail where ledgerhost does not (SQLite's compound SELECT limit): its reason is the result."""
    try:
        results[key].append(timed(cmd, env=env, cwd=cwd))
    except RuntimeError as e:
        last = [line for line in str(e).splitlines() if "Unexpected error" in line or "ERROR" in line]
        results[key] = "failed: " + (last[-1] if last else str(e))[:100]


def fmt(value):
    return value if isinstance(value, str) else "%.3f s" % statistics.median(value)


def ratio(a, b):
    return "—" if isinstance(a, str) or isinstance(b, str) else "%.2f" % (statistics.median(a) / statistics.median(b))


def liquibase(shared, args):
    # A JVM per run, as a DBA runs liquibase.sh (not the test suite's long-lived server).
    env = dict(os.environ, JAVA_OPTS=os.environ.get("JAVA_OPTS", ""))
    return [os.path.join(shared, "tools/liquibase.sh")] + args, env


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ledgerhost", required=True)
    ap.add_argument("--shared", default=os.environ.get("LEDGERHOST_SHARED_DIR", os.path.join(ROOT, "../shared")))
    ap.add_argument("--reps", type=int, default=3)
    args = ap.parse_args()
    shared = os.path.abspath(args.shared)
    lh = os.path.abspath(args.ledgerhost)
    work = tempfile.mkdtemp(prefix="ledgerhost-snapshot-bench-")
    changelog = os.path.join(work, "generated.xml")
    with open(changelog, "w") as f:
        f.write(generate_changelog.generate(500))

    databases = []
    for kind in ("sqlite", "postgresql"):
        db = compat.Database(kind, work, "generated")
        subprocess.run([lh, "db", "--url", db.lh_url(), "--search-path", work, "--changelog-file", "generated.xml",
                        "update"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        databases.append(("generated", db))
    fineract = compat.Database("postgresql", work, "fineract")
    spec = corpus.CORPORA["fineract-tenant"]
    tool = corpus.Tool("ledgerhost", shared, os.path.join(shared, "corpus", spec.folder), spec, lh)
    if tool.update_all(fineract)[0] != 0:
        raise RuntimeError("fineract-tenant did not update")
    databases.append(("fineract-tenant", fineract))

    rows = []
    try:
        for workload, db in databases:
            pg_env = dict(os.environ, PGPASSWORD=compat.PG["password"])
            if db.kind == "sqlite":
                floor = ["sqlite3", db.path, ".schema"]
            else:
                floor = ["pg_dump", "--schema-only", "-h", compat.PG["host"], "-p", compat.PG["port"], "-U",
                         compat.PG["user"], db.name]
            results = {"floor": [], "lh-generate": [], "lb-generate": [], "lh-diff": [], "lb-diff": []}
            for rep in range(args.reps):
                results["floor"].append(timed(floor, env=pg_env))
                out = os.path.join(work, "lh-%s-%s-%d.xml" % (workload, db.kind, rep))
                results["lh-generate"].append(timed([lh, "db", "--url", db.lh_url(), "generate-changelog",
                                                     "--changelog-file", out]))
                out = os.path.join(work, "lb-%s-%s-%d.xml" % (workload, db.kind, rep))
                cmd, env = liquibase(shared, db.lb_args() + ["generate-changelog", "--changelog-file=" + out])
                if not isinstance(results["lb-generate"], str):
                    attempt(results, "lb-generate", cmd, env=env, cwd=work)
                results["lh-diff"].append(timed([lh, "db", "--url", db.lh_url(), "diff", "--reference-url", db.lh_url()]))
                reference = [a.replace("--url=", "--reference-url=").replace("--username=", "--reference-username=")
                             .replace("--password=", "--reference-password=") for a in db.lb_args()]
                cmd, env = liquibase(shared, db.lb_args() + ["diff"] + reference)
                if not isinstance(results["lb-diff"], str):
                    attempt(results, "lb-diff", cmd, env=env, cwd=work)
            for operation, lh_key, lb_key in (("generate-changelog", "lh-generate", "lb-generate"),
                                              ("diff (itself)", "lh-diff", "lb-diff")):
                rows.append("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
                    workload, db.kind, operation, fmt(results[lh_key]), fmt(results[lb_key]), fmt(results["floor"]),
                    ratio(results[lh_key], results["floor"]), ratio(results[lb_key], results[lh_key])))
            print(rows[-2], flush=True)
            print(rows[-1], flush=True)
    finally:
        for _, db in databases:
            try:
                db.drop()
            except RuntimeError as e:  # a scratch database left behind is not a result
                print("warning: %s" % e, file=sys.stderr)
    print("\n| workload | database | operation | ledgerhost | Liquibase 4.28 | floor | ledgerhost/floor | Liquibase/ledgerhost |")
    print("|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
