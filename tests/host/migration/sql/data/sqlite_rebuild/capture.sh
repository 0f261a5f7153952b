#!/usr/bin/env bash
# Captures what Liquibase 4.28 generates for SQLite table rebuilds, asking its own code through
# LiquibaseSqliteRebuild.java (compiled here against the Liquibase install of
# ../../../../../../shared/tools/liquibase.sh):
#   types.txt    -> types.expected     declared type, the type a rebuild gives a column declared so
#                                      (or n/a: SQLite refuses the declaration), the SQL type Liquibase
#                                      prints for it in a changelog
#   defaults.txt -> defaults.expected  type, default as written, the default as SQLite keeps it
#                                      (PRAGMA table_info; None: NULL), the column as the rebuild
#                                      creates it
# (.expected fields are separated by tabs: defaults may contain '|'.)
#   tables.sql   -> tables.expected    every table of that schema rebuilt ("### table", statements)
# The SQL generator tests compare against these files.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
liquibase_home=${LIQUIBASE_HOME:-$HOME/.cache/liquibase-4.28.1}
[[ -d $liquibase_home ]] || "$here/../../../../../../../shared/tools/liquibase.sh" --version >/dev/null
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
classpath="$liquibase_home/internal/lib/*:$liquibase_home/lib/*"
javac -cp "$classpath" -d "$scratch" "$here/LiquibaseSqliteRebuild.java"
export CAPTURE_CLASSPATH="$classpath:$scratch" CAPTURE_SCRATCH="$scratch" CAPTURE_HERE="$here"
python3 - <<'EOF'
import os, re, sqlite3, subprocess

here, scratch, classpath = os.environ["CAPTURE_HERE"], os.environ["CAPTURE_SCRATCH"], os.environ["CAPTURE_CLASSPATH"]

def liquibase(*args, stdin=None):
    p = subprocess.run(["java", "-cp", classpath, "LiquibaseSqliteRebuild", *args], input=stdin,
                       capture_output=True, text=True, check=True)
    return p.stdout

def rebuilds(db, tables):
    """Liquibase's rebuild per table: name -> list of lines. The JDBC driver reads all columns of
    the schema in one SELECT, so batches stay below SQLite's 500 compound terms."""
    out, current = {}, None
    for line in liquibase("rebuild", db, *tables).splitlines():
        if line.startswith("### "):
            current = line[4:]
            out[current] = []
        elif current is not None:
            out[current].append(line)
    return out

def fresh(name):
    path = os.path.join(scratch, name)
    if os.path.exists(path):
        os.remove(path)
    return path

def column_definition(statements):
    for line in statements:
        if line.startswith("ERROR "):
            return line
        m = re.match(r"CREATE TABLE t\d+ \(c (.*)\)$", line)
        if m:
            return m.group(1)
    return "?"

# Types: declared on a live column, and as a changelog type.
types = [l.rstrip("\n") for l in open(os.path.join(here, "types.txt")) if l.strip() and not l.startswith("#")]
changelog = {}
for line in liquibase("types", stdin="\n".join(types) + "\n").splitlines():
    declared, cls, sql = line.split("|", 2)
    changelog[declared] = sql if cls != "ERROR" else "ERROR " + sql
declared = {}
for start in range(0, len(types), 100):
    batch = types[start:start + 100]
    db = fresh("types.db")
    con = sqlite3.connect(db)
    names = []
    for i, t in enumerate(batch):
        try:
            con.execute("CREATE TABLE t%03d (c %s)" % (i, t))
            names.append(("t%03d" % i, t))
        except sqlite3.Error:
            declared[t] = "n/a"
    con.commit()
    con.close()
    result = rebuilds(db, [n for n, _ in names])
    for n, t in names:
        declared[t] = column_definition(result[n])
with open(os.path.join(here, "types.expected"), "w") as f:
    f.write("# declared type, column type after a rebuild, changelog type (tab-separated; capture.sh)\n")
    for t in types:
        f.write("%s\t%s\t%s\n" % (t, declared[t], changelog[t]))

# Defaults, one table per type and default (a failing one must not hide the others).
pairs = [l.rstrip("\n").split("|", 1) for l in open(os.path.join(here, "defaults.txt")) if l.strip() and not l.startswith("#")]
lines = []
for start in range(0, len(pairs), 200):
    batch = pairs[start:start + 200]
    db = fresh("defaults.db")
    con = sqlite3.connect(db)
    for i, (t, d) in enumerate(batch):
        con.execute("CREATE TABLE t%03d (c %s DEFAULT %s)" % (i, t, d))
    kept = [con.execute("SELECT dflt_value FROM pragma_table_info('t%03d')" % i).fetchone()[0] for i in range(len(batch))]
    con.commit()
    con.close()
    result = rebuilds(db, ["t%03d" % i for i in range(len(batch))])
    for i, (t, d) in enumerate(batch):
        lines.append("%s\t%s\t%s\t%s" % (t, d, kept[i], column_definition(result["t%03d" % i])))
with open(os.path.join(here, "defaults.expected"), "w") as f:
    f.write("# type, default as written, dflt_value, column after a rebuild (tab-separated; capture.sh)\n")
    f.write("\n".join(lines) + "\n")

# The tables of one schema.
db = fresh("tables.db")
con = sqlite3.connect(db)
con.executescript(open(os.path.join(here, "tables.sql")).read())
tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name")]
con.close()
result = rebuilds(db, tables)
with open(os.path.join(here, "tables.expected"), "w") as f:
    for t in tables:
        f.write("### %s\n%s\n" % (t, "\n".join(result[t])))
EOF
