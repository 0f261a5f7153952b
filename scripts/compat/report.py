#!/usr/bin/env python3
"""Runs the whole compatibility matrix (tests/compat/compat.py MATRIX x sqlite/postgresql/mariadb) and writes
the results table to docs/compatibility.md, between the RESULTS markers.

  scripts/compat/report.py --ledgerhost build/bin/ledgerhost [--jobs 2] [--shared ../shared]
  scripts/compat/report.py --ledgerhost liquibase --section self-check   # Liquibase against itself
"""
import argparse
import concurrent.futures
import datetime
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../.."))
COMPAT = os.path.join(ROOT, "tests/compat/compat.py")
DOC = os.path.join(ROOT, "docs/compatibility.md")


def run_case(args, case, db, aspect):
    cmd = [sys.executable, COMPAT, "--ledgerhost", args.ledgerhost, "--shared", args.shared,
           "--case", case, "--db", db, "--aspect", aspect]
    started = datetime.datetime.now()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seconds = (datetime.datetime.now() - started).total_seconds()
    lines = p.stdout.splitlines()
    verdict = next((l for l in lines if re.match(r"^(EQUAL|DIFFERS|UNSUPPORTED|DELIBERATE) ", l)), None)
    if verdict is None:
        return case, db, aspect, "error", "compat.py exit %d: %s" % (p.returncode, " ".join(lines[-3:])), p.stdout, seconds
    status = verdict.split()[0].lower()
    detail = ""
    if status == "unsupported":
        detail = verdict.split(": ", 1)[1]
    elif status == "deliberate":
        # The first note says which documented difference, and how it was checked.
        note = next((l for l in lines if l.startswith("DELIBERATE:") or l.startswith("DELIBERATE (")), "")
        detail = note.split(":", 1)[-1].strip()[:200].replace("|", "\\|")
    elif status == "differs":
        body = p.stdout[p.stdout.index(verdict) + len(verdict):].strip().splitlines()
        detail = summarize(body)
    return case, db, aspect, status, detail, p.stdout, seconds


def summarize(body):
    """One line for the table: what differs, and the first differing line of each side."""
    what = next((l for l in body if l.endswith("differs:") or l.startswith("update:") or
                 l.startswith("command failed") or l.startswith("rollback")), body[0] if body else "")
    minus = next((l for l in body if l.startswith("-") and not l.startswith("---")), "")
    plus = next((l for l in body if l.startswith("+") and not l.startswith("+++")), "")
    text = what
    if minus or plus:
        text += " first: `%s` vs `%s`" % (minus[:140].replace("|", "\\|").replace("`", "'"),
                                          plus[:140].replace("|", "\\|").replace("`", "'"))
    elif "command failed" in what:
        err = next((l for l in reversed(body) if "rror" in l), "")
        text = (what[:160] + " — " + err[:200]).replace("|", "\\|")
    return text.replace("\n", " ")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ledgerhost", required=True)
    ap.add_argument("--shared", default=os.environ.get("LEDGERHOST_SHARED_DIR", os.path.join(ROOT, "../shared")))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--section", default="results", help="marker name in docs/compatibility.md")
    ap.add_argument("--aspects", default="update,update-sql,rollback,future-rollback,cross,generate-changelog")
    ap.add_argument("--log", default=os.path.join(tempfile.gettempdir(), "ledgerhost-compat-report.log"))
    args = ap.parse_args()
    if args.ledgerhost != "liquibase":
        args.ledgerhost = os.path.abspath(args.ledgerhost)
    args.shared = os.path.abspath(args.shared)
    wanted = set(args.aspects.split(","))

    listing = subprocess.run([sys.executable, COMPAT, "--list"], stdout=subprocess.PIPE, text=True, check=True)
    jobs = [(c, db, a) for c, a in (l.split() for l in listing.stdout.splitlines()) if a in wanted
            for db in ("sqlite", "postgresql", "mariadb")]
    # The cheap, most telling aspect first, so a run cut short still covers every changelog.
    priority = {"update": 0, "update-sql": 1, "cross": 2, "rollback": 3, "future-rollback": 4, "generate-changelog": 5}
    jobs.sort(key=lambda j: priority[j[2]])
    started = datetime.datetime.now(datetime.timezone.utc)
    results = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool, open(args.log, "w") as log:
        for r in pool.map(lambda j: run_case(args, *j), jobs):
            results.append(r)
            print("%-18s %-10s %-10s %-11s %5.0fs %s" % (r[0], r[1], r[2], r[3], r[6], r[4][:100]), flush=True)
            log.write("===== %s %s %s\n%s\n" % (r[0], r[1], r[2], r[5]))
            log.flush()
            write_doc(args, wanted, started, results, jobs)  # a run cut short still leaves its table
    return 0 if all(r[3] in ("equal", "unsupported", "deliberate") for r in results) else 1


def write_doc(args, wanted, started, results, jobs):

    counts = {}
    for r in results:
        counts[r[3]] = counts.get(r[3], 0) + 1
    cmd = "scripts/compat/report.py --ledgerhost %s --section %s%s" % (
        os.path.relpath(args.ledgerhost, ROOT) if args.ledgerhost != "liquibase" else "liquibase", args.section,
        "" if wanted == {"update", "update-sql", "rollback", "cross"} else " --aspects " + args.aspects)
    out = ["Generated %s UTC by `%s` (commit %s); %s; full output in the log of that run." % (
        started.strftime("%Y-%m-%d %H:%M"), cmd,
        subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], stdout=subprocess.PIPE, text=True).stdout.strip(),
        ", ".join("%d %s" % (n, s) for s, n in sorted(counts.items()))), "",
        "| case | database | aspect | result | detail |", "|---|---|---|---|---|"]
    for case, db, aspect, status, detail, _, _ in results:
        out.append("| %s | %s | %s | %s | %s |" % (case, db, aspect, status, detail))
    for case, db, aspect in jobs[len(results):]:
        out.append("| %s | %s | %s | not run yet | |" % (case, db, aspect))
    begin, end = "<!-- BEGIN %s -->" % args.section, "<!-- END %s -->" % args.section
    doc = open(DOC).read() if os.path.exists(DOC) else ""
    block = begin + "\n" + "\n".join(out) + "\n" + end
    if begin in doc:
        doc = doc[:doc.index(begin)] + block + doc[doc.index(end) + len(end):]
    else:
        doc += "\n" + block + "\n"
    with open(DOC, "w") as f:
        f.write(doc)


if __name__ == "__main__":
    sys.exit(main())
