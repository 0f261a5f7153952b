#!/usr/bin/env python3
"""Real-world changelogs (../shared/corpus/) run by real Liquibase 4.28 and by ledgerhost on fresh
databases, compared as a user moving between the tools would: same exit, same DATABASECHANGELOG rows
(all columns but DATEEXECUTED and DEPLOYMENT_ID), same checksums, same schema, and each tool
continuing the other's database (cross).

  corpus.py --ledgerhost build/bin/ledgerhost --corpus cromwell-metadata --db postgresql [--cross] [--generate]
  corpus.py --ledgerhost build/bin/ledgerhost --all [--markdown FILE]   # every corpus x database
  corpus.py --list                                                      # the corpora, one a line

Each corpus says how its project runs it (search path, contexts, parameters, repeated runs, the
roles it expects), as written in its SOURCE.txt. The verdict line is EQUAL or DIFFERS; a corpus
that Liquibase itself cannot complete is equal when ledgerhost stops at the same changeset with the
same rows and schema behind it.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import compat  # noqa: E402  (Database, run, diff)
import liquibase_runner  # noqa: E402


class Corpus:
    def __init__(self, folder, search_path, changelog, runs=((),), parameters=None, roles=(), databases=None,
                 mysql_context=None):
        self.folder = folder                # below ../shared/corpus
        self.search_path = search_path      # roots below the folder, in Liquibase's order
        self.changelog = changelog          # relative to the search path
        self.runs = runs                    # one update per entry; each entry lists its contexts
        self.parameters = parameters or {}  # -D name=value
        self.roles = roles                  # PostgreSQL roles the changelog grants to (created once, cluster-wide)
        self.databases = databases or ("postgresql", "sqlite")
        self.mysql_context = mysql_context  # the context the project selects on MySQL/MariaDB instead of "postgresql"

    def runs_for(self, db):
        """The runs' contexts on this database (a project that selects its database by context)."""
        if db != "mariadb" or not self.mysql_context:
            return self.runs
        return tuple(tuple(self.mysql_context if c == "postgresql" else c for c in run) for run in self.runs)


FINERACT_ROOTS = ("fineract-provider/src/main/resources", "fineract-loan/src/main/resources",
                  "fineract-investor/src/main/resources", "_wrapper")
LIQUIBASE_IT = ("liquibase-integration-tests/src/test/resources", "_packaged-changelog-jar")

CORPORA = {
    "cromwell-engine": Corpus("cromwell", ("database/migration/src/main/resources",), "changelog.xml",
                              databases=("postgresql", "sqlite", "mariadb")),
    "cromwell-metadata": Corpus("cromwell", ("database/migration/src/main/resources",), "sql_metadata_changelog.xml",
                                databases=("postgresql", "sqlite", "mariadb")),
    # Fineract upgrades a tenant database twice: first with initial_switch, then without.
    "fineract-tenant": Corpus("fineract", FINERACT_ROOTS, "db/changelog/tenant-db-only.changelog-master.xml",
                              runs=(("tenant_db", "custom_changelog", "initial_switch", "default", "postgresql"),
                                    ("tenant_db", "custom_changelog", "default", "postgresql")),
                              databases=("postgresql", "sqlite", "mariadb"), mysql_context="mysql"),
    "gravitee-apim": Corpus("gravitee-apim", ("gravitee-apim-repository/gravitee-apim-repository-jdbc/src/main/resources",),
                            "liquibase/master.yml", parameters={"gravitee_prefix": "", "gravitee_rate_limit_prefix": ""},
                            databases=("postgresql", "sqlite", "mariadb")),
    "horreum": Corpus("horreum", ("horreum-backend/src/main/resources",), "db/changeLog.xml", roles=("appuser",)),
    "keel": Corpus("keel", ("keel-sql/src/main/resources",), "db/changelog-master.yml",
                   databases=("postgresql", "sqlite", "mariadb")),
    "orcid": Corpus("orcid", ("orcid-persistence/src/main/resources", "_wrapper"), "db-master-no-customchange.xml",
                    roles=("orcid", "orcidro")),
    "orcid-activities": Corpus("orcid", ("orcid-activities-indexer/src/main/resources",),
                               "activities-indexer-db-master.xml", roles=("orcid", "orcidro")),
    "orcid-message-listener": Corpus("orcid", ("orcid-message-listener/src/main/resources",),
                                     "message-listener-db-master.xml", roles=("orcid", "orcidro")),
    "liquibase-yaml": Corpus("liquibase", LIQUIBASE_IT, "changelogs/yaml/common.tests.changelog.yaml",
                             runs=(("test", "context-b"),), parameters={"loginuser": compat.PG["user"]},
                             databases=("postgresql", "sqlite", "mariadb")),
    "liquibase-json": Corpus("liquibase", LIQUIBASE_IT, "changelogs/json/common.tests.changelog.json",
                             runs=(("test", "context-b"),), parameters={"loginuser": compat.PG["user"]},
                             databases=("postgresql", "sqlite", "mariadb")),
    "liquibase-mariadb": Corpus("liquibase", LIQUIBASE_IT, "changelogs/mariadb/complete/root.changelog.xml",
                                runs=(("test", "context-b"),), parameters={"loginuser": compat.MARIADB["user"]},
                                databases=("mariadb",)),
    "liquibase-pg-fk-pk": Corpus("liquibase", LIQUIBASE_IT, "changelogs/pgsql/complete/testFkPkDependencies.xml",
                                 runs=(("test", "context-b"),), parameters={"loginuser": compat.PG["user"]},
                                 databases=("postgresql",)),
}


# The corpora CI runs (ctest compat.corpus.<name>.<db>): those that are equal today and quick.
# Everything else runs in the full table (--all), whose result docs/compatibility.md records.
CI = [(name, "postgresql") for name in ("cromwell-engine", "cromwell-metadata", "fineract-tenant", "gravitee-apim",
                                        "horreum", "keel", "orcid", "orcid-activities", "orcid-message-listener",
                                        "liquibase-yaml", "liquibase-json", "liquibase-pg-fk-pk")] + \
    [(name, "sqlite") for name in ("fineract-tenant", "gravitee-apim", "keel", "orcid-activities")] + \
    [(name, "mariadb") for name in ("cromwell-engine", "cromwell-metadata", "keel", "liquibase-mariadb")]


# The CI entries that also check generate-changelog (corpus.py --generate), chosen for their variety and
# their time: composite types and a schema Liquibase cannot rebuild, utf8mb3 columns, SQLite's rebuilt keys.
CI_GENERATE = {("liquibase-pg-fk-pk", "postgresql"), ("cromwell-metadata", "mariadb"), ("orcid-activities", "sqlite"),
               ("orcid-activities", "postgresql")}


def ensure_roles(roles):
    """Roles are cluster-wide: created once as the server's superuser (the test role cannot)."""
    for role in roles:
        sql = "DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname='%s') THEN CREATE ROLE %s; END IF; END$$" % (
            role, role)
        # The server's superuser over its local socket (no password there, unlike 127.0.0.1).
        cmd = ["psql", "-p", compat.PG["port"], "-d", compat.PG["admin_db"], "-qAt", "-c", sql]
        if os.geteuid() == 0:
            cmd = ["su", "postgres", "-c", " ".join("'%s'" % c.replace("'", "'\\''") for c in cmd)]
        else:
            cmd = ["sudo", "-u", "postgres"] + cmd
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if p.returncode != 0:
            raise RuntimeError("could not create role %s: %s" % (role, p.stderr.strip()))


class Tool:
    """One tool on one corpus: `update` with a run's contexts, `update-count` for the cross runs."""

    def __init__(self, name, shared, corpus_dir, corpus, executable=None):
        self.name = name
        self.shared = shared
        self.roots = [os.path.join(corpus_dir, r) for r in corpus.search_path]
        self.corpus = corpus
        self.executable = executable

    def command(self, db, verb, contexts, extra=()):
        c = self.corpus
        if self.name == "liquibase":
            cmd = ["--changelog-file=" + c.changelog, "--search-path=" + ",".join(self.roots)] + db.lb_args() + \
                [verb] + list(extra)
            if contexts:
                cmd.append("--contexts=" + ",".join(contexts))
            cmd += ["-D%s=%s" % kv for kv in sorted(c.parameters.items())]
            return liquibase_runner.run(self.shared, cmd, self.roots[0])
        else:
            cmd = [os.path.abspath(self.executable), "db", "--changelog-file", c.changelog,
                   "--search-path", ",".join(self.roots), "--url", db.lh_url()]
            if contexts:
                cmd += ["--contexts", ",".join(contexts)]
            cmd += ["-D%s=%s" % kv for kv in sorted(c.parameters.items())]
            cmd += [verb] + list(extra)
        return compat.run(cmd, cwd=self.roots[0], check=False)

    def update_all(self, db):
        """Every run of the corpus in order; stops at the first failing one. -> (exit, output)."""
        out = ""
        for contexts in self.corpus.runs_for(db.kind):
            r = self.command(db, "update", contexts)
            out += r.stdout + r.stderr
            if r.returncode != 0:
                return r.returncode, out
        return 0, out

    def update_count(self, db, n):
        extra = ["--count=%d" % n] if self.name == "liquibase" else [str(n)]
        r = self.command(db, "update-count", self.corpus.runs_for(db.kind)[0], extra)
        return r.returncode, r.stdout + r.stderr


def changeset_of(text):
    """The changeset an error names (file::id::author), as both tools print it."""
    m = re.findall(r"(?:[Cc]hange[Ss]et|changeset) (\S+?::.+?::.+?)(?::\s| \(|:?$)", text, re.M)
    return m[-1].strip() if m else ""


def history_rows(db):
    rows = db.history()
    return [] if rows and rows[0].startswith("(no ") else rows


def compare_corpus(name, db_kind, ledgerhost, shared, cross, generate=False):
    corpus = CORPORA[name]
    corpus_dir = os.path.join(shared, "corpus", corpus.folder)
    work = tempfile.mkdtemp(prefix="ledgerhost-corpus-")
    dbs = []

    def fresh(label):
        d = compat.Database(db_kind, work, label)
        dbs.append(d)
        return d

    lb = Tool("liquibase", shared, corpus_dir, corpus)
    lh = Tool("ledgerhost", shared, corpus_dir, corpus, ledgerhost)
    result = {"corpus": name, "db": db_kind, "differences": []}
    try:
        if db_kind == "postgresql" and corpus.roles:
            ensure_roles(corpus.roles)
        a, b = fresh("lb"), fresh("lh")
        ra, out_a = lb.update_all(a)
        rb, out_b = lh.update_all(b)
        ha, hb = history_rows(a), history_rows(b)
        result.update(lb_exit=ra, lh_exit=rb, lb_rows=len(ha), lh_rows=len(hb),
                      lb_stop=changeset_of(out_a) if ra else "", lh_stop=compat.last_error(out_b) if rb else "")
        key = lambda row: "|".join(row.split("|")[:3])  # id|author|filename
        md5 = lambda row: row.split("|")[5]
        by_key_b = {}
        for row in hb:
            by_key_b.setdefault(key(row), row)
        result["rows_equal"] = sum(1 for x, y in zip(ha, hb) if x == y)
        result["checksums_equal"] = sum(1 for row in ha if key(row) in by_key_b and md5(by_key_b[key(row)]) == md5(row))
        sa, sb = a.snapshot(), b.snapshot()
        schema_diff = [l for l in compat.diff("liquibase", sa, "ledgerhost", sb).splitlines()
                       if l[:1] in "+-" and not l.startswith(("+++", "---"))]
        result["schema_diff"] = len(schema_diff)
        # On SQLite ledgerhost completes what Liquibase 4.28 refuses (docs/compatibility.md, "SQLite:
        # complete and lossless"): then Liquibase's rows must be ledgerhost's first, and the schemas of
        # tables both rebuilt differ as documented (compat.compare_state's rule).
        result["deliberate"] = []
        liquibase_stopped_first = db_kind == "sqlite" and ra != 0 and (rb == 0 or len(hb) > len(ha))
        if liquibase_stopped_first:
            if hb[:len(ha)] != ha:
                result["differences"].append("Liquibase stopped on SQLite, and its rows are not ledgerhost's first:\n" +
                                             compat.diff("liquibase", ha, "ledgerhost", hb[:len(ha)]))
            else:
                result["deliberate"].append("Liquibase stops on SQLite at %s after %d rows; ledgerhost goes on to %d" %
                                            (result["lb_stop"], len(ha), len(hb)))
        else:
            if (ra == 0) != (rb == 0):
                result["differences"].append("exit: liquibase %d, ledgerhost %d; ledgerhost: %s; liquibase: %s" % (
                    ra, rb, compat.last_error(out_b) if rb else "-", compat.last_error(out_a) if ra else "-"))
            if ha != hb:
                first = next((i for i, (x, y) in enumerate(zip(ha, hb)) if x != y), min(len(ha), len(hb)))
                result["differences"].append("history differs from row %d:\n%s" % (
                    first + 1, compat.diff("liquibase", ha[first:first + 3], "ledgerhost", hb[first:first + 3])))
            if schema_diff and db_kind == "sqlite":
                (ca, ka), (cb, kb) = compat.outline(sa), compat.outline(sb)
                if ca != cb or not ka <= kb:
                    result["differences"].append("schema differs beyond the SQLite rebuilds' documented difference "
                                                 "(%d lines), first:\n%s" % (len(schema_diff), "\n".join(schema_diff[:12])))
                else:
                    result["deliberate"].append("SQLite rebuilds keep the tables' own definitions (%d schema lines)" %
                                                len(schema_diff))
            elif schema_diff:
                result["differences"].append("schema differs (%d lines), first:\n%s" % (
                    len(schema_diff), "\n".join(schema_diff[:12])))
        if cross and ra == 0:
            half = max(1, len(ha) // 2)
            for first_tool, second_tool in ((lb, lh), (lh, lb)):
                d = fresh(first_tool.name + "_first")
                r1, o1 = first_tool.update_count(d, half)
                r2, o2 = second_tool.update_all(d)
                if r1 or r2:
                    result["differences"].append("cross %s %d then %s: exit %d/%d: %s" % (
                        first_tool.name, half, second_tool.name, r1, r2, compat.last_error(o1 if r1 else o2)))
                    continue
                failures, notes = [], []
                compat.compare_state("cross %s %d then %s vs one Liquibase run" % (first_tool.name, half, second_tool.name),
                                     db_kind, a.state(), d.state(), failures, notes, ("liquibase alone", "cross"))
                result["differences"] += ["\n".join(f.splitlines()[:16]) for f in failures]
                result["deliberate"] += [n.splitlines()[0] for n in notes]
        if generate:
            # generate-changelog of the database the corpus made (Liquibase's; ledgerhost's where Liquibase
            # made nothing), applied by real Liquibase: compat.py's generate-changelog aspect.
            objects = lambda d: [l for l in d.snapshot() if "databasechangelog" not in l.lower()]
            failures, notes = [], []
            compat.check_generated_changelog(shared, os.path.abspath(ledgerhost), "ledgerhost",
                                             a if objects(a) else b, fresh, work, db_kind, failures, notes)
            result["differences"] += ["generate-changelog: " + "\n".join(f.splitlines()[:16]) for f in failures]
            result["deliberate"] += ["generate-changelog: " + n.splitlines()[0] for n in notes if n.startswith("DELIBERATE")]
            result["generate"] = "differs" if failures else "; ".join(n.splitlines()[0] for n in notes) or "equal"
    except RuntimeError as e:
        result["differences"].append(str(e)[:3000])
    finally:
        for d in dbs:
            try:
                d.drop()
            except Exception as e:  # a scratch database left behind is not a result
                print("warning: %s" % e, file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)
    result["verdict"] = "DIFFERS" if result["differences"] else "DELIBERATE" if result.get("deliberate") else "EQUAL"
    return result


def summary_line(r):
    if "lb_exit" not in r:
        return "%s %s/%s: %s" % (r["verdict"], r["corpus"], r["db"], r["differences"][0].splitlines()[0])
    return ("%s %s/%s: liquibase exit %d, %d rows%s | ledgerhost exit %d, %d rows | rows equal %d, checksums equal %d, "
            "schema diff %d lines%s" % (r["verdict"], r["corpus"], r["db"], r["lb_exit"], r["lb_rows"],
                                        " (stops at %s)" % r["lb_stop"] if r["lb_stop"] else "", r["lh_exit"], r["lh_rows"],
                                        r["rows_equal"], r["checksums_equal"], r["schema_diff"],
                                        " | generate-changelog: " + r["generate"] if "generate" in r else ""))


def markdown(results):
    lines = ["| corpus | database | Liquibase | ledgerhost | rows equal | checksums equal | schema diff lines | verdict |",
             "|---|---|---|---|---|---|---|---|"]
    for r in results:
        lb = "exit %d, %d rows" % (r.get("lb_exit", -1), r.get("lb_rows", 0))
        lh = "exit %d, %d rows" % (r.get("lh_exit", -1), r.get("lh_rows", 0))
        first = r["differences"][0].splitlines()[0].replace("|", "\\|")[:160] if r["differences"] else ""
        lines.append("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
            r["corpus"], r["db"], lb, lh, r.get("rows_equal", "-"), r.get("checksums_equal", "-"), r.get("schema_diff", "-"),
            r["verdict"] + (": " + first if first else "")))
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ledgerhost")
    ap.add_argument("--shared", default=os.environ.get("LEDGERHOST_SHARED_DIR", os.path.join(HERE, "../../../shared")))
    ap.add_argument("--corpus", choices=sorted(CORPORA))
    ap.add_argument("--db", choices=["sqlite", "postgresql", "mariadb"])
    ap.add_argument("--cross", action="store_true", help="also each tool continuing the other's database")
    ap.add_argument("--generate", action="store_true",
                    help="also ledgerhost's generate-changelog of the database, applied by Liquibase")
    ap.add_argument("--all", action="store_true", help="every corpus on every database it names")
    ap.add_argument("--markdown", help="with --all: write the results table here")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--list-ci", action="store_true", help="the corpus/database pairs CI runs")
    args = ap.parse_args()
    if args.list_ci:
        for name, db in CI:
            print(" ".join([name, db] + (["generate"] if (name, db) in CI_GENERATE else [])))
        return 0
    if args.list:
        for name, c in CORPORA.items():
            for db in c.databases:
                print(name, db)
        return 0
    if not args.ledgerhost or not (args.all or (args.corpus and args.db)):
        ap.error("--ledgerhost and either --all or --corpus with --db are required")
    shared = os.path.abspath(args.shared)
    todo = [(n, d) for n, c in CORPORA.items() for d in c.databases] if args.all else [(args.corpus, args.db)]
    results = []
    for name, db in todo:
        r = compare_corpus(name, db, args.ledgerhost, shared, args.cross, args.generate)
        results.append(r)
        print(summary_line(r), flush=True)
        for d in r.get("deliberate", []):
            print("  DELIBERATE: " + d, flush=True)
        for d in r["differences"]:
            print("  " + d.replace("\n", "\n  "), flush=True)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(markdown(results))
    return 0 if all(r["verdict"] in ("EQUAL", "DELIBERATE") for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
