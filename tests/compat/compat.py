#!/usr/bin/env python3
"""Runs real Liquibase 4.28 and ledgerhost on the same changelog and fresh databases and compares
what they leave behind. One invocation = one case x database x aspect, so each ctest entry says
exactly what differs.

  compat.py --ledgerhost build/bin/ledgerhost --shared ../shared --case corda-cash --db sqlite --aspect update

Aspects:
  update      schema (tables, columns, types, nullability, defaults, keys, indexes, views, sequences)
              + DATABASECHANGELOG rows (all columns but DATEEXECUTED, DEPLOYMENT_ID) + lock table
  update-sql  the update-sql scripts of both on a fresh database, modulo whitespace and the lines that
              carry a date, a host or a version (masked: '-- Ran at:', '-- Against:', '-- Liquibase
              version:', LOCKEDBY values, DEPLOYMENT_ID values; on PostgreSQL also 'SET SEARCH_PATH TO'
              lines and the 'public.' schema prefix, which Liquibase adds against a live database)
  rollback    update-count of the first half, tag, update, rollback --tag, on both: schema + history equal
  cross       Liquibase runs the first half (update-count), ledgerhost finishes; and the reverse.
              Both end equal to a single-tool Liquibase run, with no checksum error.
  generate-changelog
              Liquibase updates a database with the case's changelog; ledgerhost's generate-changelog of it,
              applied by real Liquibase to an empty database, must rebuild that schema exactly. Liquibase's
              own generated changelog is applied the same way: where it loses something ledgerhost's keeps,
              or cannot be applied at all, the entry is DELIBERATE.

'--ledgerhost liquibase' runs Liquibase on both sides: the harness's own check (must be all EQUAL).
"""
import argparse
import difflib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

import liquibase_runner

HERE = os.path.dirname(os.path.abspath(__file__))


PG = dict(host="127.0.0.1", port="5432", user="ledgerhost", password="ledgerhost", admin_db="ledgerhost_test")
MARIADB = dict(host="127.0.0.1", port="3306", user="ledgerhost", password="ledgerhost", admin_db="ledgerhost_test")


def cases(shared):
    corda = os.path.join(shared, "corpus/corda")
    res = lambda *p: os.path.join(corda, *p)
    ilp = os.path.join(shared, "corpus/ilp/connector-persistence/src/main/resources")
    golden = os.path.join(shared, "reference/liquibase-update-sql")
    own = os.path.join(HERE, "changelogs")
    return {
        # name: (search path, changelog file relative to it, databases)
        "golden": (golden, {"postgresql": "changelog.xml", "mariadb": "changelog.xml", "sqlite": "changelog_sqlite.xml"}),
        "corda-cash": (res("finance/workflows/src/main/resources"), "migration/cash.changelog-master.xml"),
        "corda-cp": (res("finance/workflows/src/main/resources"), "migration/commercial-paper.changelog-master.xml"),
        "corda-node-info": (res("node/src/main/resources"), "migration/node-info.changelog-master.xml"),
        "corda-vault": (res("node/src/main/resources"), "migration/vault-schema.changelog-master.xml"),
        "corda-notary": (res("node/src/main/resources"), "migration/node-notary.changelog-master.xml"),
        "corda-common": (res("node/src/main/resources"), "migration/common.changelog-master.xml"),
        "corda-node-core": (res("node/src/main/resources"), "migration/node-core.changelog-master.xml"),
        "corda-notary-raft": (res("node/src/main/resources"), "migration/notary-raft.changelog-master.xml"),
        "corda-notary-bft": (res("node/src/main/resources"), "migration/notary-bft-smart.changelog-master.xml"),
        "corda-dbfailure": (res("testing/cordapps/dbfailure/dbfcontracts/src/main/resources"),
                            "migration/dbfailure.changelog-master.xml"),
        "ilp-connector": (ilp, "db/changelog-master.xml"),
        "features-xml": (own, "features.xml"),
        "features-yaml": (own, "features.yaml"),
        "features-json": (own, "features.json"),
        "features-sql": (own, "features.sql"),
        "rebuilds": (own, "rebuilds.xml"),
    }


# Which aspects run for which case; CMake turns each case x database x aspect into a ctest entry.
MATRIX = {
    "golden": ["update", "update-sql", "rollback", "future-rollback", "cross", "generate-changelog"],
    "corda-cash": ["update", "update-sql", "cross"],
    "corda-cp": ["update"],
    "corda-node-info": ["update"],
    "corda-vault": ["update", "generate-changelog"],
    "corda-notary": ["update"],
    "corda-common": ["update"],
    "corda-node-core": ["update"],
    "ilp-connector": ["update", "update-sql"],
    "features-xml": ["update", "update-sql", "rollback", "future-rollback", "cross", "generate-changelog"],
    "features-yaml": ["update"],
    "features-json": ["update"],
    "features-sql": ["update", "rollback"],
    "rebuilds": ["update", "update-sql", "cross", "generate-changelog"],
}
# (Trimmed to keep CI under its time budget; the other Corda masters (notary-raft, notary-bft,
# dbfailure) and the remaining aspects run with --case/--aspect by hand.)
DATABASES = ["sqlite", "postgresql", "mariadb"]
# Entries CI leaves to scripts/compat/report.py's full run, for its time budget: the YAML, JSON and
# formatted-SQL twins of features.xml on MariaDB (their parsing is compared on SQLite and PostgreSQL,
# their SQL on MariaDB by features-xml).
NOT_IN_CI = {("features-yaml", "mariadb"), ("features-json", "mariadb"), ("features-sql", "mariadb")}

# Changelogs neither tool can run to the end, and why; the suite still checks that both stop at the
# same changeset with the same database behind them.
EXPECTED_UNSUPPORTED = {
    "corda-node-core": "customChange classes are Corda Kotlin code (AttachmentVersionNumberMigration, "
                       "PersistentIdentityMigration, VaultStateMigration) that neither tool has",
}


# Differences found and not fixed yet: "case/db/aspect" -> why (docs/compatibility.md lists them).
# Such an entry prints KNOWN-DIFFERENCE and the diff; once the tools agree it prints NOW EQUAL so the
# entry gets removed. Any difference not listed here fails.
KNOWN_DIFFERENCES = {}  # case/database/aspect -> cause, for differences not yet resolved


def run(cmd, cwd=None, check=True):
    return checked(subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True), check)


def checked(p, check):
    """p, or a RuntimeError with its output when check is set and p failed."""
    cmd = p.args
    if check and p.returncode != 0:
        raise RuntimeError("command failed (%d): %s\n--- stdout\n%s\n--- stderr\n%s" %
                           (p.returncode, " ".join(cmd), p.stdout[-4000:], p.stderr[-4000:]))
    return p


class Database:
    """A fresh SQLite file, PostgreSQL or MariaDB database, dropped afterwards."""

    def __init__(self, kind, workdir, label):
        self.kind = kind
        if kind == "sqlite":
            self.path = os.path.join(workdir, label + ".db")
            return
        self.name = "compat_%s_%d_%d" % (re.sub(r"\W", "_", label), os.getpid(), int(time.time() * 1000) % 10**9)
        if kind == "postgresql":
            self.psql_admin("CREATE DATABASE %s" % self.name)
        else:
            self.mariadb("CREATE DATABASE %s" % self.name, db=MARIADB["admin_db"])

    def mariadb(self, sql, db=None):
        """Rows of a statement run by the mariadb client (batch mode: tab-separated, NULL as NULL)."""
        env = dict(os.environ, MYSQL_PWD=MARIADB["password"])
        p = subprocess.run(["mariadb", "-h", MARIADB["host"], "-P", MARIADB["port"], "-u", MARIADB["user"],
                            "-D", db or self.name, "-N", "-B", "-e", sql],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        if p.returncode != 0:
            raise RuntimeError("mariadb failed: %s\n%s" % (sql, p.stderr))
        return [["" if v == "NULL" else v for v in line.split("\t")] for line in p.stdout.splitlines()]

    def psql(self, sql, db=None):
        env = dict(os.environ, PGPASSWORD=PG["password"])
        p = subprocess.run(["psql", "-h", PG["host"], "-p", PG["port"], "-U", PG["user"], "-d", db or self.name,
                            "-v", "ON_ERROR_STOP=1", "-AtF", "\t", "-c", sql],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        if p.returncode != 0:
            raise RuntimeError("psql failed: %s\n%s" % (sql, p.stderr))
        return [line.split("\t") for line in p.stdout.splitlines()]

    def psql_admin(self, sql):
        return self.psql(sql, db=PG["admin_db"])

    def drop(self):
        if self.kind == "postgresql":
            self.psql_admin("DROP DATABASE IF EXISTS %s WITH (FORCE)" % self.name)
        elif self.kind == "mariadb":
            self.mariadb("DROP DATABASE IF EXISTS %s" % self.name, db=MARIADB["admin_db"])

    def lh_url(self):
        if self.kind == "sqlite":
            return "sqlite:" + self.path
        if self.kind == "mariadb":
            return "mariadb://%s:%s@%s:%s/%s" % (MARIADB["user"], MARIADB["password"], MARIADB["host"],
                                                 MARIADB["port"], self.name)
        return "postgresql://%s:%s@%s:%s/%s" % (PG["user"], PG["password"], PG["host"], PG["port"], self.name)

    def lb_args(self):
        if self.kind == "sqlite":
            return ["--url=jdbc:sqlite:" + self.path]
        if self.kind == "mariadb":
            return ["--url=jdbc:mariadb://%s:%s/%s" % (MARIADB["host"], MARIADB["port"], self.name),
                    "--username=" + MARIADB["user"], "--password=" + MARIADB["password"]]
        return ["--url=jdbc:postgresql://%s:%s/%s" % (PG["host"], PG["port"], self.name),
                "--username=" + PG["user"], "--password=" + PG["password"]]

    def query(self, sql):
        if self.kind == "sqlite":
            con = sqlite3.connect(self.path)
            try:
                return [["" if v is None else str(v) for v in row] for row in con.execute(sql)]
            finally:
                con.close()
        if self.kind == "mariadb":
            return self.mariadb(sql)
        return self.psql(sql)

    def snapshot(self):
        """Everything both tools should agree on, as sorted text lines."""
        out = []
        if self.kind == "sqlite":
            tables = [r[0] for r in self.query("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
            for t in tables:
                for cid, name, typ, notnull, dflt, pk in self.query("PRAGMA table_info('%s')" % t):
                    out.append("column %s.%s type=%s notnull=%s default=%s pk=%s" % (t, name, typ, notnull, dflt, pk))
                for row in self.query("PRAGMA index_list('%s')" % t):
                    name, unique, origin = row[1], row[2], row[3]
                    cols = [r[2] for r in self.query("PRAGMA index_info('%s')" % name)]
                    label = name if not name.startswith("sqlite_autoindex") else "(auto)"
                    out.append("index %s.%s unique=%s origin=%s cols=%s" % (t, label, unique, origin, ",".join(cols)))
                for row in self.query("PRAGMA foreign_key_list('%s')" % t):
                    out.append("fk %s(%s) -> %s(%s) on_update=%s on_delete=%s" % (t, row[3], row[2], row[4], row[5], row[6]))
            for name, sql in self.query("SELECT name, sql FROM sqlite_master WHERE type='view' ORDER BY name"):
                out.append("view %s %s" % (name, " ".join(sql.split())))
        elif self.kind == "mariadb":
            here = "table_schema = DATABASE()"
            for row in self.query("SELECT table_name, table_type, COALESCE(engine,''), table_comment FROM "
                                  "information_schema.tables WHERE %s ORDER BY 1" % here):
                out.append("table %s type=%s engine=%s comment=%s" % tuple(row))
            for row in self.query(
                    "SELECT table_name, column_name, column_type, is_nullable, COALESCE(column_default,'(none)'), "
                    "extra, COALESCE(collation_name,''), column_comment FROM information_schema.columns "
                    "WHERE %s ORDER BY table_name, ordinal_position" % here):
                out.append("column %s.%s type=%s nullable=%s default=%s extra=%s collation=%s comment=%s" % tuple(row))
            for row in self.query(
                    "SELECT table_name, index_name, non_unique, GROUP_CONCAT(CONCAT(column_name, "
                    "COALESCE(CONCAT('(', sub_part, ')'), ''), ' ', COALESCE(collation,'')) ORDER BY seq_in_index), "
                    "index_type FROM information_schema.statistics WHERE %s GROUP BY table_name, index_name, "
                    "non_unique, index_type ORDER BY 1, 2" % here):
                out.append("index %s.%s non_unique=%s cols=%s type=%s" % tuple(row))
            for row in self.query(
                    "SELECT tc.table_name, tc.constraint_type, tc.constraint_name, GROUP_CONCAT(k.column_name "
                    "ORDER BY k.ordinal_position), COALESCE(MAX(k.referenced_table_name),''), "
                    "COALESCE(GROUP_CONCAT(k.referenced_column_name ORDER BY k.ordinal_position),'') "
                    "FROM information_schema.table_constraints tc LEFT JOIN information_schema.key_column_usage k "
                    "ON k.constraint_schema = tc.constraint_schema AND k.table_name = tc.table_name AND "
                    "k.constraint_name = tc.constraint_name WHERE tc.constraint_schema = DATABASE() "
                    "GROUP BY tc.table_name, tc.constraint_type, tc.constraint_name ORDER BY 1, 2, 3"):
                out.append("constraint %s %s %s (%s) -> %s(%s)" % tuple(row))
            for row in self.query("SELECT constraint_name, table_name, update_rule, delete_rule FROM "
                                  "information_schema.referential_constraints WHERE constraint_schema = DATABASE() "
                                  "ORDER BY 1"):
                out.append("fk %s on %s update=%s delete=%s" % tuple(row))
            for row in self.query("SELECT constraint_name, table_name, check_clause FROM "
                                  "information_schema.check_constraints WHERE constraint_schema = DATABASE() ORDER BY 1"):
                out.append("check %s on %s %s" % tuple(row))
            for row in self.query("SELECT table_name, view_definition FROM information_schema.views WHERE %s "
                                  "ORDER BY 1" % here):
                out.append("view %s %s" % (row[0], " ".join(row[1].replace(self.name, "(db)").split())))
            for row in self.query("SELECT table_name, auto_increment FROM information_schema.tables WHERE %s AND "
                                  "auto_increment IS NOT NULL ORDER BY 1" % here):
                out.append("auto_increment %s next=%s" % tuple(row))
        else:
            for row in self.query(
                    "SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text,''), "
                    "coalesce(numeric_precision::text,''), coalesce(numeric_scale::text,''), is_nullable, "
                    "coalesce(column_default,''), is_identity FROM information_schema.columns "
                    "WHERE table_schema='public' ORDER BY table_name, ordinal_position"):
                out.append("column %s.%s type=%s len=%s prec=%s scale=%s nullable=%s default=%s identity=%s" % tuple(row))
            for row in self.query(
                    "SELECT tc.table_name, tc.constraint_type, tc.constraint_name, "
                    "string_agg(k.column_name, ',' ORDER BY k.ordinal_position) FROM information_schema.table_constraints tc "
                    "LEFT JOIN information_schema.key_column_usage k ON k.constraint_name=tc.constraint_name AND "
                    "k.table_schema=tc.table_schema AND k.table_name=tc.table_name WHERE tc.table_schema='public' "
                    "AND tc.constraint_type IN ('PRIMARY KEY','UNIQUE','FOREIGN KEY') "
                    "GROUP BY tc.table_name, tc.constraint_type, tc.constraint_name ORDER BY 1,2,3"):
                out.append("constraint %s %s %s (%s)" % tuple(row))
            for row in self.query("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype='f' "
                                  "AND connamespace='public'::regnamespace ORDER BY 1"):
                out.append("fkdef %s %s" % tuple(row))
            for row in self.query("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname='public' ORDER BY 1"):
                out.append("index %s %s" % tuple(row))
            for row in self.query("SELECT sequence_name, data_type, start_value, increment FROM information_schema.sequences "
                                  "WHERE sequence_schema='public' ORDER BY 1"):
                out.append("sequence %s %s start=%s inc=%s" % tuple(row))
            for row in self.query("SELECT viewname, regexp_replace(definition, '\\s+', ' ', 'g') FROM pg_views WHERE schemaname='public' ORDER BY 1"):
                out.append("view %s %s" % (row[0], " ".join(row[1].split())))
        return sorted(out)

    def history(self, last_tag_only=False):
        table = "databasechangelog" if self.kind == "postgresql" else "DATABASECHANGELOG"
        try:
            rows = self.query("SELECT ID, AUTHOR, FILENAME, ORDEREXECUTED, EXECTYPE, MD5SUM, DESCRIPTION, "
                              "COALESCE(COMMENTS,''), COALESCE(TAG,''), LIQUIBASE, COALESCE(CONTEXTS,''), "
                              "COALESCE(LABELS,'') FROM %s ORDER BY ORDEREXECUTED" % table)
        except Exception:
            return ["(no %s)" % table]
        if last_tag_only:
            # The tag command on SQLite tags every row WHERE DATEEXECUTED = MAX(DATEEXECUTED): which
            # rows share the last timestamp depends on timing, so keep a tag on its last row only.
            last = {}
            for i, r in enumerate(rows):
                if r[8]:
                    last[r[8]] = i
            rows = [r[:8] + [r[8] if r[8] and last[r[8]] == i else ""] + r[9:] for i, r in enumerate(rows)]
        return ["|".join(r) for r in rows]

    def lock(self):
        table = "databasechangeloglock" if self.kind == "postgresql" else "DATABASECHANGELOGLOCK"
        try:
            return ["|".join(r) for r in self.query("SELECT ID, LOCKED, COALESCE(LOCKEDBY,'') FROM %s" % table)]
        except Exception:
            return ["(no %s)" % table]

    def state(self, last_tag_only=False):
        return ["-- schema"] + self.snapshot() + ["-- history"] + self.history(last_tag_only) + \
            ["-- lock"] + self.lock()


class Liquibase:
    name = "liquibase"

    def __init__(self, shared, search_path, changelog):
        self.shared = shared
        self.search_path = search_path
        self.changelog = changelog

    def __call__(self, db, command, *args, check=True):
        # Liquibase resolves the changelog against its search path (the working directory here).
        cmd = ["--changelog-file=" + self.changelog, "--search-path=" + self.search_path] + \
            db.lb_args() + [command] + list(args)
        return checked(liquibase_runner.run(self.shared, cmd, self.search_path), check)

    def update_count(self, db, n, check=True):
        return self(db, "update-count", "--count=%d" % n, check=check)

    def tag(self, db, tag, check=True):
        return self(db, "tag", "--tag=" + tag, check=check)

    def rollback_to_tag(self, db, tag, tag_version=None, check=True):
        extra = ["--tag-version=" + tag_version] if tag_version else []
        return self(db, "rollback", "--tag=" + tag, *extra, check=check)


class Ledgerhost:
    name = "ledgerhost"

    def __init__(self, executable, search_path, changelog):
        self.executable = os.path.abspath(executable)
        self.search_path = search_path
        self.changelog = changelog

    def __call__(self, db, command, *args, check=True, log_level=None):
        cmd = [self.executable] + (["--log-level", log_level] if log_level else []) + [
            "db", "--changelog-file", self.changelog, "--search-path", self.search_path, "--url", db.lh_url(),
            command] + list(args)
        return run(cmd, cwd=self.search_path, check=check)

    def update_count(self, db, n, check=True):
        return self(db, "update-count", str(n), check=check)

    def tag(self, db, tag, check=True):
        return self(db, "tag", tag, check=check)

    def rollback_to_tag(self, db, tag, tag_version=None, check=True):
        extra = ["--tag-version", tag_version] if tag_version else []
        return self(db, "rollback", tag, *extra, check=check)


def diff(label_a, a, label_b, b):
    return "\n".join(difflib.unified_diff(a, b, label_a, label_b, lineterm="", n=2))


def compare(what, a, b, failures, labels=("liquibase", "ledgerhost")):
    if a != b:
        failures.append("%s differs:\n%s" % (what, diff(labels[0], a, labels[1], b)))


def sections(state):
    """A state() list split into its schema, history and lock lines."""
    out, current = {}, None
    for line in state:
        if line.startswith("-- "):
            current = line[3:]
            out[current] = []
        else:
            out[current].append(line)
    return out


def outline(schema_lines):
    """What of a SQLite schema both tools keep through a table rebuild: columns by name, indexes by
    name (not SQLite's own autoindexes), foreign keys by their columns, views by name."""
    columns, kept = set(), set()
    for line in schema_lines:
        words = line.split()
        if words[0] == "column":
            columns.add(words[1])
        elif words[0] == "index" and not words[1].endswith("(auto)"):
            kept.add("index " + words[1])
        elif words[0] == "fk":
            kept.add(" ".join(words[:4]))
        elif words[0] == "view":
            kept.add("view " + words[1])
    return columns, kept


def compare_state(what, db_kind, a, b, failures, notes, labels=("liquibase", "ledgerhost")):
    """On SQLite ledgerhost rebuilds tables from their own CREATE TABLE text where Liquibase 4.28
    rebuilds them from a JDBC snapshot that loses types, defaults, constraints and indexes: a
    deliberate difference (docs/compatibility.md). There the history and lock must be equal, the
    same columns exist, and every index, foreign key and view Liquibase kept ledgerhost kept too."""
    if a == b or db_kind != "sqlite":
        compare(what, a, b, failures, labels)
        return
    sa, sb = sections(a), sections(b)
    compare(what + " (history)", sa.get("history"), sb.get("history"), failures, labels)
    compare(what + " (lock)", sa.get("lock"), sb.get("lock"), failures, labels)
    (ca, ka), (cb, kb) = outline(sa.get("schema", [])), outline(sb.get("schema", []))
    if ca != cb:
        failures.append("%s: the columns differ:\n%s" % (what, diff(labels[0], sorted(ca), labels[1], sorted(cb))))
    if not ka <= kb:
        failures.append("%s: %s lost what %s kept: %s" % (what, labels[1], labels[0], sorted(ka - kb)))
    notes.append("DELIBERATE (SQLite rebuilds keep the table's own definition): %s\n%s" %
                 (what, "\n".join(diff(labels[0], sa.get("schema", []), labels[1], sb.get("schema", [])).splitlines()[:12])))


def apply_script(db, script):
    """Runs an update-sql script on a SQLite database, as `sqlite3 db < script` does."""
    con = sqlite3.connect(db.path)
    try:
        con.executescript(script)
    finally:
        con.close()


def mask_script(text):
    out = []
    for line in text.splitlines():
        if re.match(r"^--\s+(Ran at|Against|Liquibase version):", line):
            continue
        # Against a live PostgreSQL database Liquibase qualifies every name with the default schema
        # and re-sets the search path around statements; ledgerhost leaves both to the connection.
        if line.startswith("SET SEARCH_PATH TO "):
            continue
        line = re.sub(r"\bpublic\.", "", line)
        # Against a live MariaDB Liquibase qualifies names with the database (each side has its own).
        line = re.sub(r"\bcompat_\w+?_\d+_\d+\.", "", line)
        line = re.sub(r"LOCKEDBY = '[^']*'", "LOCKEDBY = '?'", line)
        line = re.sub(r"'\d{10}'\)", "'?')", line)  # DEPLOYMENT_ID
        line = re.sub(r"'\d{10}', ('[^']*')\)", r"'?', \1)", line)  # DEPLOYMENT_ID followed by TAG
        line = " ".join(line.split())
        if line:
            out.append(line)
    return out


def rolled_back(script):
    return [line for line in mask_script(script) if "Rolling Back ChangeSet:" in line]


def without_sqlite_prologue(script):
    """ledgerhost's SQLite scripts start by turning foreign keys off, as its update runs (a DBA's sqlite3 may
    enforce them); Liquibase's do not. The rest must match."""
    lines = mask_script(script)
    return lines[1:] if lines[:1] == ["PRAGMA foreign_keys = OFF;"] else lines


def last_error(text):
    lines = [l for l in text.splitlines() if "rror" in l or "failed" in l.lower()]
    return lines[-1].strip() if lines else text.strip().splitlines()[-1:] and text.strip().splitlines()[-1]


def check_generated_changelog(shared, lh_executable, lh_name, ref, fresh, work, db_kind, failures, notes):
    """The generate-changelog aspect (also corpus.py --generate): `ref` holds the reference schema; the
    changelog ledgerhost generates from it, applied by real Liquibase to an empty database, must rebuild
    it exactly, or rebuild what Liquibase's own generated changelog rebuilds."""
    generated = {}
    for tool in ("liquibase",) if lh_name == "liquibase" else ("liquibase", lh_name):
        out = os.path.join(work, "%s-generated.xml" % tool)
        if tool == "liquibase":
            r = checked(liquibase_runner.run(shared, ref.lb_args() + ["generate-changelog",
                                                                      "--changelog-file=" + out], work), False)
        else:
            r = run([lh_executable, "db", "--url", ref.lh_url(), "generate-changelog", "--changelog-file", out],
                    cwd=work, check=False)
        if r.returncode != 0:
            failures.append("%s generate-changelog failed: %s" % (tool, last_error(r.stdout + r.stderr)))
        generated[tool] = out
    # MariaDB's next AUTO_INCREMENT value comes from the rows the reference holds, not from its schema;
    # the history tables are whoever applies the changelog's, not part of it (a corpus may alter them).
    def schema_of(db):
        return [line for line in db.snapshot()
                if not line.startswith("auto_increment ") and "databasechangelog" not in line.lower()]
    rebuilt = {}
    for name, out in generated.items():
        if not os.path.exists(out):
            continue
        db = fresh("from_" + name)
        applier = Liquibase(shared, work, os.path.basename(out))
        r = applier(db, "update", check=False)
        rebuilt[name] = (r, schema_of(db))
    reference_schema = schema_of(ref)
    mine = rebuilt.get(lh_name)
    if mine is None and not reference_schema and "liquibase" not in rebuilt:
        # Liquibase's update of this changelog stopped before it made anything here.
        notes.append("the reference database holds no objects: neither tool writes a changelog")
    elif mine is None:
        failures.append("no changelog from %s to apply" % lh_name)
    elif (mine[0].returncode != 0 and db_kind == "sqlite" and lh_name == "ledgerhost" and
          "is not supported on sqlite" in mine[0].stdout + mine[0].stderr):
        # Deliberate: a key whose columns are not in the table's order, or a foreign key of several
        # columns, has no createTable spelling, and Liquibase 4.28 refuses addPrimaryKey and
        # addForeignKeyConstraint on SQLite. ledgerhost applies them (rebuilds): exactly the reference.
        db = fresh("from_ledgerhost_by_ledgerhost")
        r = run([lh_executable, "db", "--url", db.lh_url(), "--search-path", work, "--changelog-file",
                 os.path.basename(generated[lh_name]), "update"], cwd=work, check=False)
        if r.returncode != 0:
            failures.append("ledgerhost cannot apply its own generated changelog: %s" % last_error(r.stdout + r.stderr))
        else:
            compare("the schema ledgerhost's generated changelog rebuilds (applied by ledgerhost) vs the reference",
                    reference_schema, schema_of(db), failures, ("reference", "ledgerhost's changelog"))
            notes.append("DELIBERATE: Liquibase refuses what SQLite needs here (%s); applied by ledgerhost the "
                         "changelog rebuilds the reference exactly" % last_error(mine[0].stdout + mine[0].stderr))
    elif mine[0].returncode != 0 and rebuilt.get("liquibase", (mine[0],))[0].returncode != 0:
        theirs = rebuilt.get("liquibase", mine)
        notes.append("neither tool's generated changelog applies (what the schema uses that no changelog change "
                     "makes):\n  liquibase's: %s\n  %s's: %s" % (last_error(theirs[0].stdout + theirs[0].stderr), lh_name,
                                                             last_error(mine[0].stdout + mine[0].stderr)))
    elif mine[0].returncode != 0:
        failures.append("Liquibase cannot apply %s's generated changelog: %s" %
                        (lh_name, last_error(mine[0].stdout + mine[0].stderr)))
    else:
        theirs = rebuilt.get("liquibase")
        if (mine[1] != reference_schema and theirs is not None and theirs[0].returncode == 0 and
                theirs[1] == mine[1]):
            # What neither changelog format can say (a serial column comes back as an identity).
            notes.append("both tools' generated changelogs rebuild the same schema, which differs from the "
                         "reference:\n" + "\n".join(diff("reference", reference_schema, "rebuilt",
                                                           mine[1]).splitlines()[:12]))
        else:
            compare("the schema %s's generated changelog rebuilds (applied by Liquibase) vs the reference" %
                    lh_name, reference_schema, mine[1], failures, ("reference", lh_name + "'s changelog"))
    theirs = rebuilt.get("liquibase")
    if lh_name != "liquibase" and not failures and theirs is not None and mine is not None and mine[0].returncode == 0:
        if theirs[0].returncode != 0:
            notes.append("DELIBERATE: Liquibase cannot apply its own generated changelog here (%s); "
                         "ledgerhost's rebuilds the schema exactly" % last_error(theirs[0].stdout + theirs[0].stderr))
        elif theirs[1] != reference_schema and theirs[1] != mine[1]:
            notes.append("DELIBERATE: Liquibase's own generated changelog loses what ledgerhost's keeps:\n" +
                         "\n".join(diff("reference", reference_schema, "liquibase's changelog",
                                         theirs[1]).splitlines()[:12]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ledgerhost", help="the ledgerhost executable; 'liquibase' runs Liquibase against itself")
    ap.add_argument("--shared", default=os.environ.get("LEDGERHOST_SHARED_DIR", os.path.join(HERE, "../../../shared")))
    ap.add_argument("--case")
    ap.add_argument("--db", choices=["sqlite", "postgresql", "mariadb"])
    ap.add_argument("--aspect", choices=["update", "update-sql", "rollback", "future-rollback", "cross",
                                         "generate-changelog"])
    ap.add_argument("--list", action="store_true", help="print 'case aspect' lines of the matrix and exit")
    ap.add_argument("--list-ci", action="store_true", help="print the 'case aspect database' entries CI runs and exit")
    args = ap.parse_args()
    if args.list or args.list_ci:
        for case, aspects in MATRIX.items():
            for aspect in aspects:
                if args.list:
                    print(case, aspect)
                    continue
                for db in DATABASES:
                    if (case, db) not in NOT_IN_CI:
                        print(case, aspect, db)
        return 0
    if not (args.ledgerhost and args.case and args.db and args.aspect):
        ap.error("--ledgerhost, --case, --db and --aspect are required")

    shared = os.path.abspath(args.shared)
    search_path, changelog = cases(shared)[args.case]
    if isinstance(changelog, dict):
        changelog = changelog[args.db]
    work = tempfile.mkdtemp(prefix="ledgerhost-compat-")
    # Liquibase writes files next to the changelog in some modes: work on a copy.
    copy = os.path.join(work, "src")
    shutil.copytree(search_path, copy)
    lb = Liquibase(shared, copy, changelog)
    lh = lb if args.ledgerhost == "liquibase" else Ledgerhost(args.ledgerhost, copy, changelog)
    dbs = []

    def fresh(label):
        db = Database(args.db, work, label)
        dbs.append(db)
        return db

    failures = []
    notes = []
    unsupported = EXPECTED_UNSUPPORTED.get(args.case) if args.aspect == "update" else None
    try:
        if args.aspect == "update":
            a, b = fresh("lb"), fresh("lh")
            ra = lb(a, "update", check=False)
            rb = lh(b, "update", check=False)
            if ra.returncode != 0 and rb.returncode != 0:
                # Both refuse this changelog on this database (e.g. a customChange, addPrimaryKey on
                # SQLite): that is agreement as long as both leave the same database behind.
                notes.append("both tools stop:\n  liquibase: %s\n  %s: %s" %
                             (last_error(ra.stdout + ra.stderr), lh.name, last_error(rb.stdout + rb.stderr)))
            elif args.db == "sqlite" and ra.returncode != 0 and rb.returncode == 0 and lh.name == "ledgerhost":
                # Deliberate: ledgerhost completes on SQLite what Liquibase 4.28 cannot (addPrimaryKey,
                # a rebuild of a referenced table, ...); the rows Liquibase wrote before stopping are
                # ledgerhost's first rows.
                ha, hb = a.history(), b.history()
                if hb[:len(ha)] != ha:
                    failures.append("update: the rows Liquibase wrote before stopping are not ledgerhost's first:\n" +
                                    diff("liquibase", ha, "ledgerhost", hb[:len(ha)]))
                notes.append("DELIBERATE: Liquibase stops on SQLite (%s) after %d changesets; ledgerhost completes "
                             "all %d" % (last_error(ra.stdout + ra.stderr), len(ha), len(hb)))
                unsupported = None
            elif ra.returncode != rb.returncode:
                failures.append("update: liquibase exit %d, %s exit %d\n--- liquibase\n%s\n--- %s\n%s" %
                                (ra.returncode, lh.name, rb.returncode, (ra.stdout + ra.stderr)[-3000:], lh.name,
                                 (rb.stdout + rb.stderr)[-3000:]))
            if not (args.db == "sqlite" and ra.returncode != 0 and rb.returncode == 0):
                compare_state("database after update", args.db, a.state(), b.state(), failures, notes,
                              ("liquibase", lh.name + " "))
        elif args.aspect == "update-sql":
            a, b = fresh("lb"), fresh("lh")
            ra = lb(a, "update-sql", check=False)
            rb = lh(b, "update-sql", check=False)
            sqlite_rehearsal = args.db == "sqlite" and lh.name == "ledgerhost"
            if sqlite_rehearsal and rb.returncode == 0 and (ra.returncode != 0 or
                                                            mask_script(ra.stdout) != mask_script(rb.stdout)):
                # Deliberate: on SQLite ledgerhost writes the script while running it on a scratch copy
                # (rebuilds Liquibase cannot write without the live table, preconditions checked as
                # update checks them). The script must be exactly what its update runs.
                c, d = fresh("lh_update"), fresh("lh_script")
                rc = lh(c, "update", check=False)
                try:
                    apply_script(d, rb.stdout)
                except sqlite3.Error as e:
                    failures.append("ledgerhost's update-sql script does not apply with sqlite3: %s" % e)
                if rc.returncode != 0:
                    failures.append("ledgerhost wrote an update-sql script but its update fails: %s" %
                                    last_error(rc.stdout + rc.stderr))
                compare("the update-sql script applied vs update", c.state(), d.state(), failures, ("update", "script"))
                notes.append("DELIBERATE: on SQLite ledgerhost's script is rehearsed on a scratch copy (%s); applied "
                             "with sqlite3 it gives what its update gives" %
                             ("Liquibase refuses: " + last_error(ra.stdout + ra.stderr) if ra.returncode
                              else "Liquibase's script differs"))
            elif sqlite_rehearsal and rb.returncode != 0 and ra.returncode == 0:
                # Deliberate: the rehearsal fails where update fails; Liquibase prints a script that its
                # own update cannot run either.
                c, d = fresh("lb_update"), fresh("lh_update")
                rc, rd = lb(c, "update", check=False), lh(d, "update", check=False)
                if rc.returncode == 0 or rd.returncode == 0:
                    failures.append("update-sql: ledgerhost refuses (%s) a changelog that update %s" %
                                    (last_error(rb.stdout + rb.stderr),
                                     "of Liquibase applies" if rc.returncode == 0 else "of ledgerhost applies"))
                notes.append("DELIBERATE: ledgerhost's rehearsal stops where both updates stop (%s); Liquibase prints "
                             "a script that cannot run" % last_error(rb.stdout + rb.stderr))
            elif ra.returncode != 0 and rb.returncode != 0:
                notes.append("both tools refuse update-sql:\n  liquibase: %s\n  %s: %s" %
                             (last_error(ra.stdout + ra.stderr), lh.name, last_error(rb.stdout + rb.stderr)))
            elif ra.returncode != 0 or rb.returncode != 0:
                failures.append("update-sql: liquibase exit %d, %s exit %d\n--- liquibase\n%s\n--- %s\n%s" %
                                (ra.returncode, lh.name, rb.returncode, (ra.stdout + ra.stderr)[-3000:], lh.name,
                                 (rb.stdout + rb.stderr)[-3000:]))
            else:
                compare("update-sql script", mask_script(ra.stdout), mask_script(rb.stdout), failures,
                        ("liquibase", lh.name + " "))
        elif args.aspect == "rollback":
            # Tag after the first half, update the rest, roll back to the tag. On SQLite DATEEXECUTED has
            # one-second resolution and `tag` marks every row of the last second, so which rows carry
            # the tag depends on each tool's timing: roll back to the newest of them there, which is
            # always the half's last changeset. PostgreSQL tags one row and keeps the default (OLDEST).
            tag_version = "NEWEST" if args.db == "sqlite" else None
            ref = fresh("ref")
            lb(ref, "update", check=False)  # a changelog Liquibase stops on still has a first half
            half = max(1, len(ref.history()) // 2)
            results = []
            for tool, db in ((lb, fresh("lb")), (lh, fresh("lh"))):
                steps = [("update-count %d" % half, lambda: tool.update_count(db, half, check=False)),
                         ("tag", lambda: tool.tag(db, "compat_tag", check=False)),
                         ("update", lambda: tool(db, "update", check=False)),
                         ("rollback --tag", lambda: tool.rollback_to_tag(db, "compat_tag", tag_version, check=False))]
                stopped = None
                for step, action in steps:
                    r = action()
                    if r.returncode != 0:
                        stopped = (step, last_error(r.stdout + r.stderr), (r.stdout + r.stderr)[-2000:])
                        break
                results.append((tool.name, stopped, db.state(last_tag_only=True)))
            (na, ra, sa), (nb, rb, sb) = results
            if args.db == "sqlite" and ra and not rb and lh.name == "ledgerhost":
                notes.append("DELIBERATE: Liquibase stops on SQLite at %s (%s); ledgerhost completes the sequence" %
                             (ra[0], ra[1]))
            elif (ra and ra[0]) != (rb and rb[0]):
                failures.append("rollback sequence: %s stopped at %s, %s stopped at %s\n--- %s\n%s\n--- %s\n%s" %
                                (na, ra and ra[0], nb, rb and rb[0], na, ra and ra[2], nb, rb and rb[2]))
            elif ra:
                notes.append("both tools stop at %s: %s / %s" % (ra[0], ra[1], rb[1]))
            if not (args.db == "sqlite" and ra and not rb):
                compare_state("database after tag at %d, update, rollback to the tag" % half, args.db, sa, sb, failures,
                              notes, (na, nb + " "))
        elif args.aspect == "future-rollback":
            # After the first half, each tool prints the script undoing the second half. Liquibase
            # prints a partial script and fails at a changeset without a rollback; ledgerhost prints
            # nothing then (deliberate: a script is whole or absent).
            ref = fresh("ref")
            lb(ref, "update", check=False)
            half = max(1, len(ref.history()) // 2)
            a, b = fresh("lb"), fresh("lh")
            lb.update_count(a, half, check=False)
            lh.update_count(b, half, check=False)
            ra = lb(a, "future-rollback-sql", check=False)
            rb = lh(b, "future-rollback-sql", check=False)
            if ra.returncode != 0 and rb.returncode != 0:
                if rb.stdout.strip():
                    failures.append("future-rollback-sql failed but printed a partial script:\n" + rb.stdout[-2000:])
                notes.append("both tools refuse future-rollback-sql:\n  liquibase: %s\n  %s: %s" %
                             (last_error(ra.stdout + ra.stderr), lh.name, last_error(rb.stdout + rb.stderr)))
            elif ra.returncode == 0 and rb.returncode == 0 and mask_script(ra.stdout) == without_sqlite_prologue(rb.stdout):
                pass
            elif args.db == "sqlite" and rb.returncode == 0 and lh.name == "ledgerhost":
                # Deliberate: ledgerhost rehearses the pending changesets on a scratch copy first, so
                # that rebuilds see their tables; its script must undo its update exactly.
                c = fresh("lh_undone")
                lh.update_count(c, half)
                before = c.state()
                lh(c, "update")
                try:
                    apply_script(c, rb.stdout)
                except sqlite3.Error as e:
                    failures.append("ledgerhost's future-rollback-sql script does not apply with sqlite3: %s" % e)
                compare("the future-rollback-sql script applied after update vs before it", before, c.state(),
                        failures, ("before update", "after update and script"))
                if ra.returncode == 0:  # the same changesets, in the same order, whatever their SQL
                    compare("changesets the future-rollback-sql scripts roll back", rolled_back(ra.stdout),
                            rolled_back(rb.stdout), failures, ("liquibase", lh.name + " "))
                notes.append("DELIBERATE: on SQLite ledgerhost rehearses the pending changesets before writing their "
                             "rollback (%s); applied after its update the script restores the database" %
                             ("Liquibase refuses: " + last_error(ra.stdout + ra.stderr) if ra.returncode
                              else "Liquibase's script differs"))
            elif args.db == "sqlite" and ra.returncode == 0 and rb.returncode != 0 and lh.name == "ledgerhost":
                # Deliberate if Liquibase's script cannot run after Liquibase's own update either (the
                # rehearsal found the statement that fails).
                c = fresh("lb_undone")
                lb.update_count(c, half, check=False)
                lb(c, "update", check=False)
                try:
                    apply_script(c, ra.stdout)
                    failures.append("ledgerhost refuses future-rollback-sql (%s), but Liquibase's script applies after "
                                    "its update" % last_error(rb.stdout + rb.stderr))
                except sqlite3.Error as e:
                    notes.append("DELIBERATE: ledgerhost's rehearsal refuses (%s); Liquibase's script fails when run "
                                 "after its update (%s)" % (last_error(rb.stdout + rb.stderr), e))
            elif ra.returncode != rb.returncode:
                failures.append("future-rollback-sql: liquibase exit %d, %s exit %d\n--- liquibase\n%s\n--- %s\n%s" %
                                (ra.returncode, lh.name, rb.returncode, (ra.stdout + ra.stderr)[-3000:], lh.name,
                                 (rb.stdout + rb.stderr)[-3000:]))
            else:
                compare("future-rollback-sql script", mask_script(ra.stdout), without_sqlite_prologue(rb.stdout), failures,
                        ("liquibase", lh.name + " "))
        elif args.aspect == "cross":
            ref = fresh("ref")
            r = lb(ref, "update", check=False)
            half = max(1, len(ref.history()) // 2)
            if r.returncode != 0:
                unsupported = "Liquibase itself cannot update this changelog here (%s)" % \
                    last_error(r.stdout + r.stderr)
            for first, second in (((lb, lh), (lh, lb)) if r.returncode == 0 else ()):
                db = fresh(first.name + "_first")
                first.update_count(db, half)
                second(db, "update")  # a checksum or validation error fails here
                # Only the order of the two tools differs; dates and deployment ids are excluded.
                compare_state("%s (%d) then %s vs one Liquibase run" % (first.name, half, second.name), args.db,
                              ref.state(), db.state(), failures, notes, ("liquibase alone", first.name + " first"))
        elif args.aspect == "generate-changelog":
            ref = fresh("ref")
            lb(ref, "update", check=False)  # a changelog Liquibase stops on still leaves a schema to read
            if lh.name == "ledgerhost" and not [t for t in ref.snapshot() if "atabasechangelog" not in t.lower()]:
                # Liquibase made nothing here (it stops on SQLite where ledgerhost completes): ledgerhost's
                # update makes the reference instead.
                ref.drop()
                ref = fresh("ref_lh")
                lh(ref, "update", check=False)
            check_generated_changelog(shared, lh.executable if lh.name == "ledgerhost" else None, lh.name, ref,
                                      fresh, work, args.db, failures, notes)
    except RuntimeError as e:
        failures.append(str(e))
    finally:
        for db in dbs:
            try:
                db.drop()
            except Exception as e:  # leaving a scratch database is not a test failure
                print("warning: %s" % e, file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)

    name = "%s/%s/%s" % (args.case, args.db, args.aspect)
    known = KNOWN_DIFFERENCES.get(name)
    if failures and known:
        print("KNOWN-DIFFERENCE %s: %s\n%s" % (name, known, "\n\n".join(failures)))
        return 0
    if failures:
        print("DIFFERS %s\n%s" % (name, "\n\n".join(failures)))
        return 1
    if known:
        # Listed differences that a fix resolved: report, so the list gets pruned, but do not fail.
        print("NOW EQUAL %s: remove it from KNOWN_DIFFERENCES (%s)" % (name, known))
        return 0
    if unsupported and (notes or args.aspect == "cross"):
        print("UNSUPPORTED %s: %s" % (name, unsupported))
    elif any(note.startswith("DELIBERATE") for note in notes):
        print("DELIBERATE %s (a documented difference, checked as described in docs/compatibility.md)" % name)
    else:
        print("EQUAL %s" % name)
    for note in notes:
        print(note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
