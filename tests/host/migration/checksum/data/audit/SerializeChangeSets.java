// Debugging aid for the checksum audit: prints, for every changeset of a changelog, Liquibase's v9 checksum
// and the StringChangeLogSerializer text each change hashes (with the change's getExcludedFieldFilters).
// Parses with Liquibase's own parser but runs no validation and needs no database.
//   home=${LIQUIBASE_HOME:-$HOME/.cache/liquibase-4.28.1}
//   javac -cp "$home/internal/lib/*" -d classes SerializeChangeSets.java
//   (cd <dir with audit.xml> && TZ=UTC java -cp "$home/internal/lib/*:<dir>/classes:<noop.jar>" SerializeChangeSets . audit.xml [ids...])
// (sql, sqlFile, loadData and v9 createView/createProcedure hash more than this text: see ChangeSet.generateCheckSum.)
import liquibase.ChecksumVersion;
import liquibase.Scope;
import liquibase.change.AbstractChange;
import liquibase.change.Change;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.core.H2Database;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.serializer.core.string.StringChangeLogSerializer;

import java.nio.file.Paths;
import java.util.*;

public class SerializeChangeSets {
  public static void main(String[] args) throws Exception {
    ResourceAccessor accessor = new DirectoryResourceAccessor(Paths.get(args[0]));
    Set<String> only = new HashSet<>(Arrays.asList(args).subList(2, args.length));
    Map<String, Object> scope = new HashMap<>();
    scope.put(Scope.Attr.resourceAccessor.name(), accessor);
    scope.put(Scope.Attr.database.name(), new H2Database());
    scope.put(Scope.Attr.checksumVersion.name(), ChecksumVersion.latest());
    Scope.child(scope, () -> {
      DatabaseChangeLog log = ChangeLogParserFactory.getInstance().getParser(args[1], accessor)
          .parse(args[1], new ChangeLogParameters(new H2Database()), accessor);
      for (ChangeSet changeSet : log.getChangeSets()) {
        if (!only.isEmpty() && !only.contains(changeSet.getId())) continue;
        System.out.println(changeSet.getId() + "|" + changeSet.generateCheckSum(ChecksumVersion.latest()));
        for (Change change : changeSet.getChanges()) {
          List<String> excluded = change instanceof AbstractChange
              ? Arrays.asList(((AbstractChange) change).getExcludedFieldFilters(ChecksumVersion.latest())) : List.of();
          String text = new StringChangeLogSerializer(new StringChangeLogSerializer.FieldFilter() {
            @Override
            public boolean include(Object obj, String field, Object value) { return !excluded.contains(field); }
          }).serialize(change, false);
          System.out.println("    " + text.replace("\n", "\n    "));
        }
      }
    });
  }
}
