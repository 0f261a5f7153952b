#include "migration/engine/history_sql.h"

#include "migration/sql/dialect.h"
#include "migration/sql/sql_generator.h"

namespace ledgerhost::migration {

std::string HistorySql::ChangeLogTable() const {
  switch (kind_) {
    case db::DatabaseKind::kPostgresql:
      return "databasechangelog";
    case db::DatabaseKind::kMysql:
    case db::DatabaseKind::kMariadb:
      return live_ ? "DATABASECHANGELOG" : "databasechangelog";
    case db::DatabaseKind::kH2:
      return "PUBLIC.DATABASECHANGELOG";
    default:
      return "DATABASECHANGELOG";
  }
}

std::string HistorySql::LockTable() const {
  const std::string table = ChangeLogTable();
  return table + (table.back() == 'g' ? "lock" : "LOCK");
}

// The bookkeeping statements use the same literals as the generated change SQL.
std::string HistorySql::CurrentTimeFunction() const { return Dialect(kind_).CurrentDateTime(); }

std::string HistorySql::Boolean(bool value) const { return Dialect(kind_).Boolean(value); }

std::string HistorySql::Literal(const std::string& value) const { return QuoteString(value, kind_); }

std::string HistorySql::Literal(const std::optional<std::string>& value) const {
  return value ? Literal(*value) : "NULL";
}

std::string HistorySql::CreateChangeLogTable() const {
  const std::string t = ChangeLogTable();
  switch (kind_) {
    case db::DatabaseKind::kPostgresql:
      return "CREATE TABLE " + t +
             " (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL, FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED "
             "TIMESTAMP WITHOUT TIME ZONE NOT NULL, ORDEREXECUTED INTEGER NOT NULL, EXECTYPE VARCHAR(10) NOT NULL, "
             "MD5SUM VARCHAR(35), DESCRIPTION VARCHAR(255), COMMENTS VARCHAR(255), TAG VARCHAR(255), LIQUIBASE "
             "VARCHAR(20), CONTEXTS VARCHAR(255), LABELS VARCHAR(255), DEPLOYMENT_ID VARCHAR(10))";
    case db::DatabaseKind::kMysql:
    case db::DatabaseKind::kMariadb:
      return "CREATE TABLE " + t +
             " (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL, FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED "
             "datetime NOT NULL, ORDEREXECUTED INT NOT NULL, EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35) NULL, "
             "`DESCRIPTION` VARCHAR(255) NULL, COMMENTS VARCHAR(255) NULL, TAG VARCHAR(255) NULL, LIQUIBASE "
             "VARCHAR(20) NULL, CONTEXTS VARCHAR(255) NULL, LABELS VARCHAR(255) NULL, DEPLOYMENT_ID VARCHAR(10) NULL)";
    case db::DatabaseKind::kOracle:
      return "CREATE TABLE " + t +
             " (ID VARCHAR2(255) NOT NULL, AUTHOR VARCHAR2(255) NOT NULL, FILENAME VARCHAR2(255) NOT NULL, "
             "DATEEXECUTED TIMESTAMP NOT NULL, ORDEREXECUTED INTEGER NOT NULL, EXECTYPE VARCHAR2(10) NOT NULL, MD5SUM "
             "VARCHAR2(35), DESCRIPTION VARCHAR2(255), COMMENTS VARCHAR2(255), TAG VARCHAR2(255), LIQUIBASE "
             "VARCHAR2(20), CONTEXTS VARCHAR2(255), LABELS VARCHAR2(255), DEPLOYMENT_ID VARCHAR2(10))";
    case db::DatabaseKind::kMssql:
      return "CREATE TABLE " + t +
             " (ID nvarchar(255) NOT NULL, AUTHOR nvarchar(255) NOT NULL, FILENAME nvarchar(255) NOT NULL, "
             "DATEEXECUTED datetime2(3) NOT NULL, ORDEREXECUTED int NOT NULL, EXECTYPE nvarchar(10) NOT NULL, MD5SUM "
             "nvarchar(35), DESCRIPTION nvarchar(255), COMMENTS nvarchar(255), TAG nvarchar(255), LIQUIBASE "
             "nvarchar(20), CONTEXTS nvarchar(255), LABELS nvarchar(255), DEPLOYMENT_ID nvarchar(10))";
    case db::DatabaseKind::kSqlite:
      return "CREATE TABLE " + t +
             " (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL, FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED "
             "TEXT NOT NULL, ORDEREXECUTED INTEGER NOT NULL, EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35), "
             "DESCRIPTION VARCHAR(255), COMMENTS VARCHAR(255), TAG VARCHAR(255), LIQUIBASE VARCHAR(20), CONTEXTS "
             "VARCHAR(255), LABELS VARCHAR(255), DEPLOYMENT_ID VARCHAR(10))";
    case db::DatabaseKind::kH2:
      return "CREATE TABLE " + t +
             " (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL, FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED "
             "TIMESTAMP NOT NULL, ORDEREXECUTED INT NOT NULL, EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35), "
             "DESCRIPTION VARCHAR(255), COMMENTS VARCHAR(255), TAG VARCHAR(255), LIQUIBASE VARCHAR(20), CONTEXTS "
             "VARCHAR(255), LABELS VARCHAR(255), DEPLOYMENT_ID VARCHAR(10))";
  }
  return {};
}

std::string HistorySql::CreateLockTable() const {
  const std::string t = LockTable();
  switch (kind_) {
    case db::DatabaseKind::kPostgresql:
      return "CREATE TABLE " + t +
             " (ID INTEGER NOT NULL, LOCKED BOOLEAN NOT NULL, LOCKGRANTED TIMESTAMP WITHOUT TIME ZONE, LOCKEDBY "
             "VARCHAR(255), CONSTRAINT databasechangeloglock_pkey PRIMARY KEY (ID))";
    case db::DatabaseKind::kMysql:
    case db::DatabaseKind::kMariadb:
      // BooleanType: TINYINT(1) on MariaDB, TINYINT on MySQL.
      return "CREATE TABLE " + t + " (ID INT NOT NULL, `LOCKED` " +
             (kind_ == db::DatabaseKind::kMariadb ? "TINYINT(1)" : "TINYINT") +
             " NOT NULL, LOCKGRANTED datetime NULL, LOCKEDBY VARCHAR(255) NULL, "
             "CONSTRAINT PK_DATABASECHANGELOGLOCK PRIMARY KEY (ID))";
    case db::DatabaseKind::kOracle:
      return "CREATE TABLE " + t +
             " (ID INTEGER NOT NULL, LOCKED NUMBER(1) NOT NULL, LOCKGRANTED TIMESTAMP, LOCKEDBY VARCHAR2(255), "
             "CONSTRAINT PK_DATABASECHANGELOGLOCK PRIMARY KEY (ID))";
    case db::DatabaseKind::kMssql:
      return "CREATE TABLE " + t +
             " (ID int NOT NULL, LOCKED bit NOT NULL, LOCKGRANTED datetime2(3), LOCKEDBY nvarchar(255), CONSTRAINT "
             "PK_DATABASECHANGELOGLOCK PRIMARY KEY (ID))";
    case db::DatabaseKind::kSqlite:
      return "CREATE TABLE " + t +
             " (ID INTEGER NOT NULL, LOCKED BOOLEAN NOT NULL, LOCKGRANTED TEXT, LOCKEDBY VARCHAR(255), CONSTRAINT "
             "PK_DATABASECHANGELOGLOCK PRIMARY KEY (ID))";
    case db::DatabaseKind::kH2:
      return "CREATE TABLE " + t +
             " (ID INT NOT NULL, LOCKED BOOLEAN NOT NULL, LOCKGRANTED TIMESTAMP, LOCKEDBY VARCHAR(255), CONSTRAINT "
             "PK_DATABASECHANGELOGLOCK PRIMARY KEY (ID))";
  }
  return {};
}

namespace {
std::string LockedColumn(db::DatabaseKind kind) {
  return kind == db::DatabaseKind::kMysql || kind == db::DatabaseKind::kMariadb ? "`LOCKED`" : "LOCKED";
}
}  // namespace

std::vector<std::string> HistorySql::InitializeLockTable() const {
  return {"DELETE FROM " + LockTable(),
          "INSERT INTO " + LockTable() + " (ID, " + LockedColumn(kind_) + ") VALUES (1, " + Boolean(false) + ")"};
}

std::string HistorySql::Lock(const std::string& locked_by) const {
  const std::string locked = LockedColumn(kind_);
  return "UPDATE " + LockTable() + " SET " + locked + " = " + Boolean(true) + ", LOCKEDBY = " + Literal(locked_by) +
         ", LOCKGRANTED = " + CurrentTimeFunction() + " WHERE ID = 1 AND " + locked + " = " + Boolean(false);
}

std::string HistorySql::Unlock() const {
  return "UPDATE " + LockTable() + " SET " + LockedColumn(kind_) + " = " + Boolean(false) +
         ", LOCKEDBY = NULL, LOCKGRANTED = NULL WHERE ID = 1";
}

std::string HistorySql::SelectLocked() const {
  return "SELECT " + LockedColumn(kind_) + ", LOCKEDBY, LOCKGRANTED FROM " + LockTable() + " WHERE ID=1";
}

std::string HistorySql::SelectRows() const {
  return "SELECT ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM, " + DescriptionColumn() +
         ", COMMENTS, TAG, LIQUIBASE, CONTEXTS, LABELS, DEPLOYMENT_ID FROM " +
         ChangeLogTable() + " ORDER BY DATEEXECUTED ASC, ORDEREXECUTED ASC";
}

std::string HistorySql::SelectMaxOrderExecuted() const { return "SELECT MAX(ORDEREXECUTED) FROM " + ChangeLogTable(); }

std::string HistorySql::DescriptionColumn() const {
  // DESCRIPTION is a reserved word in MySQL and MariaDB; Liquibase quotes it there.
  return kind_ == db::DatabaseKind::kMysql || kind_ == db::DatabaseKind::kMariadb ? "`DESCRIPTION`" : "DESCRIPTION";
}

std::string HistorySql::Insert(const HistoryRow& row) const {
  std::string columns = "ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, " + DescriptionColumn() +
                        ", COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID";
  std::string values = Literal(row.id) + ", " + Literal(row.author) + ", " + Literal(row.filename) + ", " +
                       CurrentTimeFunction() + ", " + std::to_string(row.order_executed) + ", " + Literal(row.md5sum) +
                       ", " + Literal(row.description) + ", " + Literal(row.comments) + ", " +
                       Literal(row.exec_type) + ", " + Literal(row.contexts) + ", " + Literal(row.labels) + ", " +
                       Literal(row.liquibase) + ", " + Literal(row.deployment_id);
  if (row.tag) {
    columns += ", TAG";
    values += ", " + Literal(*row.tag);
  }
  return "INSERT INTO " + ChangeLogTable() + " (" + columns + ") VALUES (" + values + ")";
}

std::string HistorySql::UpdateReran(const HistoryRow& row) const {
  std::string sql = "UPDATE " + ChangeLogTable() + " SET DATEEXECUTED = " + CurrentTimeFunction() +
                    ", DEPLOYMENT_ID = " + Literal(row.deployment_id) + ", EXECTYPE = " + Literal(row.exec_type) +
                    ", MD5SUM = " + Literal(row.md5sum) + ", ORDEREXECUTED = " + std::to_string(row.order_executed) +
                    ", COMMENTS = " + Literal(row.comments) + ", CONTEXTS = " + Literal(row.contexts) +
                    ", LABELS = " + Literal(row.labels) + ", LIQUIBASE = " + Literal(row.liquibase) +
                    ", " + DescriptionColumn() + " = " + Literal(row.description);
  if (row.tag) sql += ", TAG = " + Literal(*row.tag);
  return sql + " WHERE ID = " + Literal(row.id) + " AND AUTHOR = " + Literal(row.author) +
         " AND FILENAME = " + Literal(row.filename);
}

std::string HistorySql::Delete(const std::string& id, const std::string& author, const std::string& filename) const {
  return "DELETE FROM " + ChangeLogTable() + " WHERE ID = " + Literal(id) + " AND AUTHOR = " + Literal(author) +
         " AND FILENAME = " + Literal(filename);
}

std::string HistorySql::UpdateCheckSum(const std::string& id, const std::string& author, const std::string& filename,
                                       const std::string& md5sum) const {
  return "UPDATE " + ChangeLogTable() + " SET MD5SUM = " + Literal(md5sum) + " WHERE ID = " + Literal(id) +
         " AND AUTHOR = " + Literal(author) + " AND FILENAME = " + Literal(filename);
}

std::string HistorySql::ClearCheckSums() const { return "UPDATE " + ChangeLogTable() + " SET MD5SUM = NULL"; }

std::string HistorySql::TagLatest(const std::string& tag) const {
  const std::string t = ChangeLogTable();
  switch (kind_) {
    case db::DatabaseKind::kPostgresql:
      return "UPDATE " + t + " t SET TAG=" + Literal(tag) + " FROM (SELECT DATEEXECUTED, ORDEREXECUTED FROM " + t +
             " ORDER BY DATEEXECUTED DESC, ORDEREXECUTED DESC LIMIT 1) sub WHERE t.DATEEXECUTED=sub.DATEEXECUTED AND "
             "t.ORDEREXECUTED=sub.ORDEREXECUTED";
    case db::DatabaseKind::kMysql:
    case db::DatabaseKind::kMariadb:
      return "UPDATE " + t + " AS C INNER JOIN (SELECT ORDEREXECUTED, DATEEXECUTED FROM " + t +
             " order by DATEEXECUTED desc, ORDEREXECUTED desc limit 1) AS D ON C.ORDEREXECUTED = D.ORDEREXECUTED SET "
             "C.TAG = " + Literal(tag);
    case db::DatabaseKind::kOracle:
      return "MERGE INTO " + t + " a USING (SELECT * FROM (SELECT ORDEREXECUTED, DATEEXECUTED from " + t +
             " order by DATEEXECUTED desc, ORDEREXECUTED desc) where rownum=1) b ON ( a.DATEEXECUTED = b.DATEEXECUTED "
             "and a.ORDEREXECUTED=b.ORDEREXECUTED ) WHEN MATCHED THEN UPDATE SET  a.tag=" + Literal(tag);
    case db::DatabaseKind::kMssql:
      return "UPDATE changelog SET TAG = " + Literal(tag) + " FROM " + t +
             " AS changelog INNER JOIN (SELECT TOP (1) ID, AUTHOR, FILENAME FROM " + t +
             " ORDER BY DATEEXECUTED DESC, ORDEREXECUTED DESC) AS latest ON latest.ID = changelog.ID AND "
             "latest.AUTHOR = changelog.AUTHOR AND latest.FILENAME = changelog.FILENAME";
    default:
      return "UPDATE " + t + " SET TAG = " + Literal(tag) + " WHERE DATEEXECUTED = (SELECT MAX(DATEEXECUTED) FROM " +
             t + ")";
  }
}

}  // namespace ledgerhost::migration
