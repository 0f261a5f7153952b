// Asks Liquibase 4.28 (its own code, through the public API) what it does on SQLite, for
// capture.sh:
//   rebuild DB TABLE...  SQLiteDatabase.getAlterTableSqls with a visitor that changes nothing: the
//                        table rebuild as Liquibase generates it from the live table, per table
//                        ("### table", then one statement per line, or "ERROR <message>")
//   types                for each declared type on stdin: "type|<LiquibaseDataType class>|<SQL>"
//                        (DataTypeFactory.fromDescription(type, sqlite).toDatabaseDataType)
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.sql.DriverManager;

import liquibase.change.ColumnConfig;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.SQLiteDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.datatype.DataTypeFactory;
import liquibase.datatype.LiquibaseDataType;
import liquibase.sql.Sql;
import liquibase.structure.core.Index;

public class LiquibaseSqliteRebuild {
  public static void main(String[] args) throws Exception {
    if (args[0].equals("types")) {
      SQLiteDatabase db = new SQLiteDatabase();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
      for (String line; (line = in.readLine()) != null;) {
        try {
          LiquibaseDataType type = DataTypeFactory.getInstance().fromDescription(line, db);
          System.out.println(line + "|" + type.getClass().getSimpleName() + "|" + type.toDatabaseDataType(db));
        } catch (Exception e) {
          System.out.println(line + "|ERROR|" + e.getMessage());
        }
      }
      return;
    }
    Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(
        new JdbcConnection(DriverManager.getConnection("jdbc:sqlite:" + args[1])));
    for (int i = 2; i < args.length; i++) {
      System.out.println("### " + args[i]);
      try {
        Sql[] sqls = SQLiteDatabase.getAlterTableSqls(db, new SQLiteDatabase.AlterTableVisitor() {
          public ColumnConfig[] getColumnsToAdd() { return new ColumnConfig[0]; }
          public boolean copyThisColumn(ColumnConfig column) { return true; }
          public boolean createThisColumn(ColumnConfig column) { return true; }
          public boolean createThisIndex(Index index) { return true; }
        }, null, null, args[i]);
        for (Sql sql : sqls) System.out.println(sql.toSql());
      } catch (Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null) cause = cause.getCause();
        System.out.println("ERROR " + cause.getMessage());
      }
    }
  }
}
