// Where the engine's statements go: executed on a live connection (update) or written as a script
// (update-sql). The engine produces the same calls for both, so the script is exactly what runs.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "db/connection.h"
#include "migration/sql/sql_generator.h"

namespace ledgerhost::migration {

// Liquibase's line comment in scripts: MySQL and MariaDB need a blank after "--", and Liquibase
// writes "--  " there.
std::string ScriptCommentPrefix(db::DatabaseKind database);

class StatementSink {
 public:
  // A statement the SQL generator leaves to be generated when it runs (SQLite table rebuilds):
  // its statements, generated now. Generation failures become DatabaseError, so that the engine
  // handles them as a failed changeset, as Liquibase does.
  static std::vector<SqlStatement> Generate(const SqlStatement& statement);

  virtual ~StatementSink() = default;
  virtual void Comment(const std::string& text) = 0;  // one "-- " line per line of text in a script
  virtual void Run(const SqlStatement& statement) = 0;
  // A statement of a change (not of the history or lock tables). Only scripts tell them apart:
  // Liquibase ends SQL Server change statements with ";" before "GO", its own statements without.
  virtual void RunChange(const SqlStatement& statement) { Run(statement); }
  virtual void Begin() = 0;
  virtual void Commit() = 0;
  virtual void Rollback() = 0;
  virtual bool live() const = 0;
  // Whether the database behind the statements can be read (preconditions are then checked).
  virtual bool reads_database() const { return live(); }
};

class LiveSink : public StatementSink {
 public:
  explicit LiveSink(db::Connection& connection) : connection_(connection) {}
  void Comment(const std::string&) override {}
  void Run(const SqlStatement& statement) override;
  void Begin() override { connection_.Begin(); }
  void Commit() override { connection_.Commit(); }
  void Rollback() override { connection_.Rollback(); }
  bool live() const override { return true; }

 private:
  db::Connection& connection_;
};

// Liquibase's LoggingExecutor format: statement, terminator, blank line. SQL Server scripts end each
// statement with a "GO" line.
class ScriptSink : public StatementSink {
 public:
  ScriptSink(std::ostream& out, db::DatabaseKind database) : out_(out), database_(database) {}
  void Comment(const std::string& text) override;
  void Run(const SqlStatement& statement) override;
  void RunChange(const SqlStatement& statement) override;
  void Begin() override {}
  void Commit() override {}
  void Rollback() override {}
  bool live() const override { return false; }

 private:
  std::ostream& out_;
  db::DatabaseKind database_;
};

// A script written while its statements run on a scratch copy of the database (SQLite's update-sql
// and rollback-sql): statements generated from the live table (table rebuilds) are generated from
// the copy as the script reaches them, preconditions are checked on it, and a statement that fails
// there fails the script, so the script is what update would run. The real database is untouched.
class RehearsalSink : public ScriptSink {
 public:
  RehearsalSink(std::ostream& out, db::Connection& scratch) : ScriptSink(out, scratch.kind()), scratch_(scratch) {}
  void Run(const SqlStatement& statement) override;
  void RunChange(const SqlStatement& statement) override { Run(statement); }
  void Begin() override { scratch_.Begin(); }
  void Commit() override { scratch_.Commit(); }
  void Rollback() override { scratch_.Rollback(); }
  bool reads_database() const override { return true; }

 private:
  db::Connection& scratch_;
};

}  // namespace ledgerhost::migration
