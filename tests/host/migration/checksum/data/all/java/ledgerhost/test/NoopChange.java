package ledgerhost.test;

import liquibase.change.custom.CustomSqlChange;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.RawSqlStatement;

// A customChange for capturing Liquibase's checksum of <customChange> changesets.
public class NoopChange implements CustomSqlChange {
  private String zeta;
  private String alpha;
  public void setZeta(String zeta) { this.zeta = zeta; }
  public void setAlpha(String alpha) { this.alpha = alpha; }
  public SqlStatement[] generateStatements(Database database) { return new SqlStatement[] {new RawSqlStatement("select 1")}; }
  public String getConfirmationMessage() { return "noop " + zeta + alpha; }
  public void setUp() {}
  public void setFileOpener(ResourceAccessor resourceAccessor) {}
  public ValidationErrors validate(Database database) { return new ValidationErrors(); }
}
