// `ledgerhost db <command>`: the migration engine with Liquibase's command names, either on its own
// (one changelog file and one database URL) or on a node (--base-directory: the node's database and
// the changelogs the node would run, host and selected plugin schemas, plus `db check`).
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include "cli/commands.h"
#include "cli/db_diff.h"
#include "cli/db_history.h"
#include "cli/db_settings.h"
#include "core/error.h"
#include "core/files.h"
#include "core/logging.h"
#include "core/text.h"
#include "db/connection.h"
#include "db/backend_support.h"
#include "db/database_url.h"
#include "migration/engine/history_date.h"
#include "migration/engine/migrator.h"
#include "migration/parse/change_log_parser.h"
#include "node/node_database.h"
#include "node/node_migrations.h"
#include "node/node_schemas.h"
#include "schema/schema_drift.h"

namespace ledgerhost::cli {
namespace {

using namespace ledgerhost::migration;

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    auto first = item.find_first_not_of(' ');
    auto last = item.find_last_not_of(' ');
    if (first != std::string::npos) out.push_back(item.substr(first, last - first + 1));
  }
  return out;
}

class DbCommand;

// --tag-version's values, on the command line and from settings.
const std::map<std::string, TagVersion> kTagVersions{{"OLDEST", TagVersion::kOldest}, {"NEWEST", TagVersion::kNewest}};

// What a `db` subcommand takes, needs and runs (DbCommand::Subcommands() lists them).
enum class Argument { kNone, kCount, kTag, kRollbackTag, kChangeSet, kDate };
using Runner = int (DbCommand::*)(Migrator&, const db::DatabaseUrl&, std::ostream&);
struct DbSubcommand {
  std::string_view name;
  std::string_view help;
  Runner run;                  // nullptr: check, which works on a node's schemas, not a migrator
  Argument argument = Argument::kNone;
  bool needs_changelog = true;  // standalone: --changelog-file is required
  bool writes = true;           // on a node: opens the database for writing (may create the SQLite file)
  bool prints_sql = false;      // works on an offline URL
  bool offline_ok = false;      // works on an offline URL without printing SQL
  bool report = false;          // its output is made whole first, like a script, and honours --output-file
  bool writes_changelog = false;  // --changelog-file is where it writes a changelog (also on a node)
  std::string Name() const { return std::string(name); }
};

class DbCommand : public Command {
 public:
  CLI::App* Register(CLI::App& parent) override {
    app_ = parent.add_subcommand("db", "Run the Liquibase-compatible migration engine on one changelog and database");
    app_->require_subcommand(1);
    // Liquibase's spellings: commands and options in any case, kabob-case or camelCase.
    app_->ignore_case();
    app_->option_defaults()->ignore_case();
    app_->add_option("--changelog-file,--changelogFile", changelog_file_, "Root changelog (XML, YAML, JSON or formatted SQL)");
    app_->add_option("--url", url_,
                     "sqlite:PATH | postgresql://user:pass@host:port/db | jdbc: forms | offline:<db> (update-sql)");
    app_->add_option("--base-directory", base_directory_,
                     "Work on this node's database with the changelogs it would run (host and selected plugin "
                     "schemas) instead of --url/--changelog-file");
    app_->add_option("--username", username_, "Database user (overrides the URL)");
    app_->add_option("--default-schema-name,--defaultSchemaName", default_schema_,
                     "PostgreSQL: the schema changes and the history tables go to (the session's search_path); "
                     "MariaDB/MySQL: the database (USE)");
    app_->add_option("--liquibase-schema-name,--liquibaseSchemaName", liquibase_schema_,
                     "Where DATABASECHANGELOG lives: only the default schema is supported");
    app_->add_option("--password", password_, "Database password (overrides the URL; prefer LEDGERHOST_DATABASE_PASSWORD)")
        ->envname("LEDGERHOST_DATABASE_PASSWORD");
    app_->add_option("--search-path,--searchPath", search_path_,
                     "Roots that changelog paths are relative to, comma-separated as Liquibase's (default: the "
                     "current directory); includes cannot leave them, and a path found in two roots is an error");
    app_->add_option("--contexts,--context-filter,--contextFilter", contexts_, "Runtime contexts, comma-separated");
    app_->add_option("--labels,--label-filter,--labelFilter", labels_, "Label filter expression");
    app_->add_option("-D", properties_, "Changelog property name=value (repeatable)");
    app_->add_option("--custom-change", custom_changes_,
                     "CLASS=refuse|mark-ran: what to do with pending changesets whose Java customChange CLASS has no "
                     "native implementation (repeatable; default refuse)");
    app_->add_option("--output-file,--outputFile", output_file_, "Write SQL scripts here instead of stdout");
    app_->add_option("--lock-wait-seconds", lock_wait_seconds_, "How long to wait for the changelog lock")
        ->capture_default_str();
    app_->add_option("--defaults-file,--defaultsFile", defaults_file_,
                     "Liquibase defaults file for settings not on the command line (default: liquibase.properties "
                     "here, if it exists); LIQUIBASE_* environment variables come before it");
    app_->add_flag("--strict", strict_, "Unknown keys in the defaults file or LIQUIBASE_* variables are errors");
    app_->fallthrough();

    // Each command's --help names the db options it takes too (they may come before or after it).
    std::string db_options;
    for (const CLI::Option* option : app_->get_options()) {
      if (option->get_name() == "--help") continue;
      db_options += (db_options.empty() ? "" : ", ") + option->get_name();
    }
    const std::string options_footer = "Also the options of `ledgerhost db --help`, before or after the command:\n  " +
                                       db_options + "\n(and from LIQUIBASE_* variables or liquibase.properties: docs/operators.md)";
    for (const DbSubcommand& entry : Subcommands()) {
      CLI::App* sub = app_->add_subcommand(std::string(entry.name), std::string(entry.help));
      sub->footer(options_footer);
      if (const std::string camel = CamelCase(entry.name); camel != entry.name) sub->alias(camel);  // updateCountSql
      sub->fallthrough();
      // Counts and tags: as Liquibase's --count/--tag, or its legacy positional form (update-count 3).
      switch (entry.argument) {
        case Argument::kNone:
          break;
        case Argument::kCount:
          sub->add_option("--count,count", count_, "How many changesets");
          break;
        case Argument::kTag:
          sub->add_option("--tag,tag", tag_, "The tag");
          break;
        case Argument::kChangeSet:
          // Liquibase's spellings: one identifier path::id::author, or its three parts.
          sub->add_option("--changeset-identifier,--changesetIdentifier", changeset_identifier_, "The changeset as path::id::author");
          sub->add_option("--changeset-path,--changesetPath", changeset_path_, "The changeset's file, as DATABASECHANGELOG records it");
          sub->add_option("--changeset-id,--changesetId", changeset_id_, "The changeset's id");
          sub->add_option("--changeset-author,--changesetAuthor", changeset_author_, "The changeset's author");
          break;
        case Argument::kDate:
          // Liquibase's legacy positional form joins the words: rollback-to-date 2026-12-06 10:00:00.
          sub->add_option("--date,date", date_words_, "yyyy-MM-dd, yyyy-MM-dd HH:mm:ss or yyyy-MM-ddTHH:mm:ss")
              ->expected(1, 2);
          break;
        case Argument::kRollbackTag:
          sub->add_option("--tag,tag", tag_, "The tag to roll back to");
          sub->add_option("--tag-version,--tagVersion", tag_version_,
                          "OLDEST (default) or NEWEST: which row to roll back to when several carry the tag")
              ->transform(CLI::CheckedTransformer(kTagVersions, CLI::ignore_case));
          break;
      }
      if (entry.name == "status" || entry.name == "unexpected-changesets") sub->add_flag("--verbose", verbose_);
      if (entry.name == "execute-sql") {
        sub->add_option("--sql", sql_, "The statements to run");
        sub->add_option("--sql-file,--sqlFile", sql_file_, "A file of statements to run (wins over --sql, as in Liquibase)");
        sub->add_option("--delimiter", delimiter_, "What ends a statement instead of ';' and GO or / lines");
      }
      if (entry.name == "diff" || entry.name == "diff-changelog") {
        sub->add_option("--reference-url,--referenceUrl", diff_.reference_url, "The database as it should be");
        sub->add_option("--reference-username,--referenceUsername", diff_.reference_username, "Its user (overrides the URL)");
        sub->add_option("--reference-password,--referencePassword", diff_.reference_password,
                        "Its password (overrides the URL; prefer LIQUIBASE_COMMAND_REFERENCE_PASSWORD)");
        sub->add_option("--reference-default-schema-name,--referenceDefaultSchemaName", diff_.reference_default_schema,
                        "Its schema to compare (PostgreSQL; MariaDB: its database), as --default-schema-name for --url");
      }
      if (entry.name == "diff" || entry.name == "diff-changelog" || entry.name == "generate-changelog") {
        sub->add_option("--diff-types,--diffTypes", diff_.diff_types,
                        "Only these object types: tables, columns, indexes, foreignkeys, primarykeys, "
                        "uniqueconstraints, views, sequences (comma-separated)");
      }
      if (entry.name == "diff-changelog" || entry.name == "generate-changelog") {
        sub->add_option("--author", diff_.author, "The changesets' author (default: your login name and \" (generated)\")");
        sub->add_flag("--overwrite-output-file,--overwriteOutputFile", diff_.overwrite_output_file,
                      "Replace an existing --changelog-file instead of refusing (generate-changelog) or adding to it "
                      "(diff-changelog)");
      }
      if (entry.name == "snapshot") {
        sub->add_option("--snapshot-format,--snapshotFormat", diff_.snapshot_format, "TXT (default) or JSON")
            ->transform(CLI::CheckedTransformer(
                std::map<std::string, snapshot::SnapshotFormat>{{"TXT", snapshot::SnapshotFormat::kText},
                                                                {"JSON", snapshot::SnapshotFormat::kJson}},
                CLI::ignore_case));
      }
      if (entry.name == "history") {
        sub->add_option("--format", history_format_, "TABULAR (default): a table per deployment; TEXT: a paragraph each")
            ->transform(CLI::CheckedTransformer(
                std::map<std::string, HistoryFormat>{{"TABULAR", HistoryFormat::kTabular}, {"TEXT", HistoryFormat::kText}},
                CLI::ignore_case));
      }
    }
    return app_;
  }

  int Run() override {
    const DbSubcommand& command = FindSubcommand(app_->get_subcommands().front()->get_name());
    ApplySettings(command);
    if (!base_directory_.empty()) {
      if (!url_.empty() || (!changelog_file_.empty() && !command.writes_changelog)) {
        throw ConfigError("db " + command.Name() + ": give either --base-directory or --url/--changelog-file, not both");
      }
      if (!default_schema_.empty() || !liquibase_schema_.empty()) {
        throw ConfigError("db " + command.Name() + ": a node's schema is node.yaml's database.schema, not "
                          "--default-schema-name / --liquibase-schema-name");
      }
      return RunOnNode(command);
    }
    if (command.run == nullptr) {
      throw ConfigError("db " + command.Name() + " needs --base-directory: it compares a node's schemas");
    }
    if (url_.empty()) throw ConfigError("db " + command.Name() + " needs --url (or --base-directory for a node)");
    db::DatabaseUrl url = db::ParseDatabaseUrl(url_, username_, password_);
    if (command.needs_changelog && changelog_file_.empty()) {
      throw ConfigError("db " + command.Name() + " needs --changelog-file");
    }
    if (url.offline && !command.prints_sql && !command.offline_ok) {
      throw ConfigError("db " + command.Name() + " needs a database: offline URLs work with the *-sql commands, validate and calculate-checksum");
    }

    std::unique_ptr<db::Connection> connection;
    if (!url.offline) {
      connection = db::Connection::Open(url);
      Logger("migration")->debug("connected to {}", url.Redacted());
      UseDefaultSchema(*connection);
    } else if (!default_schema_.empty()) {
      throw ConfigError("db " + command.Name() + ": --default-schema-name needs a database, not an offline URL");
    }

    // Paths are relative to the search path, so FILENAME matches what Liquibase records when run
    // from the same directory.
    // --search-path a,b,c as Liquibase: each directory a root, searched together.
    std::vector<std::filesystem::path> roots;
    for (const auto& root : SplitList(search_path_)) roots.emplace_back(root);
    if (roots.empty()) roots.push_back(std::filesystem::current_path());
    std::string resource;
    if (!changelog_file_.empty() && command.needs_changelog) {  // history, release-locks, ...: no changelog read
      std::filesystem::path file(changelog_file_);
      if (file.is_absolute() && search_path_.empty()) {
        roots = {file.parent_path()};
        resource = file.filename().string();
      } else if (file.is_absolute()) {
        // Relative to the root that holds it (the first one, when none does: the loader then says
        // that the path leaves it).
        std::filesystem::path holder = roots.front();
        for (const auto& root : roots) {
          const auto relative = std::filesystem::weakly_canonical(file).lexically_relative(std::filesystem::weakly_canonical(root));
          if (!relative.empty() && *relative.begin() != "..") {
            holder = root;
            break;
          }
        }
        resource = std::filesystem::relative(file, holder).generic_string();
      } else {
        resource = file.generic_string();
      }
    }
    SearchPathResourceLoader loader(roots);
    ChangeLog change_log;
    if (!resource.empty()) {
      ParseOptions parse_options;
      parse_options.database = url.kind;
      parse_options.contexts = SplitList(contexts_);
      parse_options.label_filter = labels_;
      if (connection) parse_options.server = connection->Server();
      for (const auto& property : properties_) {
        auto eq = property.find('=');
        if (eq == std::string::npos) throw ConfigError("-D " + property + ": expected name=value");
        parse_options.properties[property.substr(0, eq)] = property.substr(eq + 1);
      }
      change_log = ParseChangeLog(loader, ResourceLoader::Resolve(resource), parse_options);
    }

    MigratorOptions options;
    options.contexts = SplitList(contexts_);
    options.label_filter = labels_;
    options.changelog_display = ResourceLoader::Resolve(resource);
    options.database_display = url.ScriptDisplay();
    options.custom_changes = CustomChangePolicies();
    options.offline_history_table = url.offline_history_table;
    options.offline_history_rows = url.offline_history_rows;
    options.lock.wait = std::chrono::seconds(lock_wait_seconds_);
    options.lock.poll = std::chrono::milliseconds(std::min(10000, std::max(100, lock_wait_seconds_ * 100)));
    Migrator migrator(change_log, loader, url.kind, connection.get(), options);
    connection_ = connection.get();
    return Dispatch(command, migrator, url);
  }

 private:
  // Liquibase's --default-schema-name: where unqualified names go, the history tables included
  // (ledgerhost keeps those in the default schema: a different --liquibase-schema-name is refused).
  void UseDefaultSchema(db::Connection& connection) const {
    if (!liquibase_schema_.empty() && liquibase_schema_ != default_schema_) {
      throw ConfigError("--liquibase-schema-name " + liquibase_schema_ +
                        ": ledgerhost keeps DATABASECHANGELOG in the default schema (--default-schema-name, else the "
                        "connection's); give the same name or leave it out");
    }
    if (!default_schema_.empty()) connection.UseDefaultSchema(default_schema_, "--default-schema-name");
  }

  // Settings not on the command line, from LIQUIBASE_* variables and the defaults file (db_settings.h).
  void ApplySettings(const DbSubcommand& command) {
    static const std::vector<SettingSpec> kSpecs{
        {"changelog-file", {}, false}, {"url", {}, false}, {"username", {}, false}, {"password", {}, false},
        {"contexts", {"context-filter"}, false}, {"label-filter", {"labels"}, false}, {"count", {}, false},
        {"tag", {}, false}, {"tag-version", {}, false}, {"date", {}, false}, {"changeset-identifier", {}, false},
        {"changeset-path", {}, false}, {"changeset-id", {}, false}, {"changeset-author", {}, false},
        {"sql", {}, false}, {"sql-file", {}, false}, {"delimiter", {}, false},
        {"default-schema-name", {}, false}, {"liquibase-schema-name", {}, false},
        {"reference-url", {}, false}, {"reference-username", {}, false}, {"reference-password", {}, false},
        {"reference-default-schema-name", {}, false},
        {"author", {}, false}, {"diff-types", {}, false}, {"snapshot-format", {}, false},
        {"overwrite-output-file", {}, false},
        {"search-path", {}, true}, {"output-file", {}, true}, {"defaults-file", {}, true}, {"strict", {}, true},
        {"changelog-lock-wait-time-in-minutes", {}, true},
        // Liquibase settings with no meaning here (the JVM's class path and driver, its own logging,
        // its banner): known, so not reported as unknown, and not used.
        {"driver", {}, false}, {"classpath", {}, true}, {"log-level", {}, true}, {"log-file", {}, true},
        {"show-banner", {}, true}, {"liquibase-pro-license-key", {"license-key", "pro-license-key"}, true}};
    std::vector<std::string> names;
    for (const auto& entry : Subcommands()) names.push_back(entry.Name());
    std::vector<std::string> environment;
    for (char** e = environ; e != nullptr && *e != nullptr; ++e) environment.emplace_back(*e);
    const DbSettings settings(kSpecs, command.Name(), names, defaults_file_, environment, strict_);
    for (const auto& warning : settings.warnings()) Logger("config")->warn("{}", warning);

    // What the command line gave (at the db level or the subcommand's) is never replaced, even when empty.
    CLI::App* sub = app_->get_subcommands().front();
    auto given = [&](const std::string& option) {
      const CLI::Option* at_db = app_->get_option_no_throw(option);
      const CLI::Option* at_sub = sub->get_option_no_throw(option);
      return (at_db != nullptr && at_db->count() > 0) || (at_sub != nullptr && at_sub->count() > 0);
    };
    const bool changeset_parts_given =
        given("--changeset-path") || given("--changeset-id") || given("--changeset-author");
    for (const auto& [name, target] : std::initializer_list<std::pair<const char*, std::string*>>{
             {"changelog-file", &changelog_file_}, {"url", &url_}, {"username", &username_}, {"password", &password_},
             {"contexts", &contexts_}, {"label-filter", &labels_}, {"tag", &tag_}, {"search-path", &search_path_},
             {"output-file", &output_file_}, {"changeset-identifier", &changeset_identifier_},
             {"changeset-path", &changeset_path_}, {"changeset-id", &changeset_id_},
             {"changeset-author", &changeset_author_}, {"sql", &sql_}, {"sql-file", &sql_file_},
             {"delimiter", &delimiter_}, {"default-schema-name", &default_schema_},
             {"liquibase-schema-name", &liquibase_schema_}, {"reference-url", &diff_.reference_url},
             {"reference-username", &diff_.reference_username}, {"reference-password", &diff_.reference_password},
             {"reference-default-schema-name", &diff_.reference_default_schema},
             {"author", &diff_.author}, {"diff-types", &diff_.diff_types}}) {
      const std::string option = std::string("--") + name;
      if (given(option) || !target->empty()) continue;  // the command line wins (tag: also its positional form)
      // A node's own database and changelogs (--base-directory) are not a defaults file's to change.
      if (!base_directory_.empty() && (option == "--changelog-file" || option == "--url" || option == "--username" ||
                                       option == "--password" || option == "--search-path" ||
                                       option == "--default-schema-name" || option == "--liquibase-schema-name")) {
        continue;
      }
      if (option == "--changeset-identifier" && changeset_parts_given) continue;
      if (auto found = settings.Find(name)) *target = found->value;
    }
    auto number = [](const SettingValue& v) {
      int n = 0;
      const auto [end, ec] = std::from_chars(v.value.data(), v.value.data() + v.value.size(), n);
      if (ec != std::errc() || end != v.value.data() + v.value.size() || n < 0) {
        throw ConfigError(v.origin + ": '" + v.value + "' is not a whole number");
      }
      return n;
    };
    if (!given("--count")) {
      if (auto found = settings.Find("count")) count_ = number(*found);
    }
    if (!given("--lock-wait-seconds")) {
      if (auto found = settings.Find("changelog-lock-wait-time-in-minutes")) {
        const int minutes = number(*found);
        if (minutes > 24 * 60) throw ConfigError(found->origin + ": a lock wait of more than a day (" + found->value + " minutes)");
        lock_wait_seconds_ = minutes * 60;
      }
    }
    if (auto found = settings.Find("date"); found && date_words_.empty() && !given("--date")) date_words_ = {found->value};
    if (auto found = settings.Find("overwrite-output-file"); found && !given("--overwrite-output-file")) {
      diff_.overwrite_output_file = text::Lower(found->value) == "true";
    }
    if (auto found = settings.Find("snapshot-format"); found && !given("--snapshot-format")) {
      const std::string format = text::Upper(found->value);
      if (format != "TXT" && format != "JSON") throw ConfigError(found->origin + ": snapshot-format is TXT or JSON, not '" + found->value + "'");
      diff_.snapshot_format = format == "JSON" ? snapshot::SnapshotFormat::kJson : snapshot::SnapshotFormat::kText;
    }
    if (auto found = settings.Find("tag-version");
        found && command.argument == Argument::kRollbackTag && !given("--tag-version")) {
      const auto version = kTagVersions.find(text::Upper(found->value));
      if (version == kTagVersions.end()) {
        throw ConfigError(found->origin + ": tag-version is OLDEST or NEWEST, not '" + found->value + "'");
      }
      tag_version_ = version->second;
    }
    // Changelog parameters: -D on the command line wins over parameter.<name> in the defaults file.
    std::set<std::string> on_command_line;
    for (const auto& property : properties_) on_command_line.insert(property.substr(0, property.find('=')));
    for (const auto& [name, value] : settings.parameters()) {
      if (!on_command_line.count(name)) properties_.push_back(name + "=" + value);
    }

    const char* missing = nullptr;
    if (command.argument == Argument::kCount && count_ <= 0) missing = "a count: --count N";
    if ((command.argument == Argument::kTag || command.argument == Argument::kRollbackTag) && tag_.empty()) {
      missing = "a tag: --tag T";
    }
    if (command.argument == Argument::kDate && date_words_.empty()) missing = "a date: --date yyyy-MM-dd[ HH:mm:ss]";
    if (missing != nullptr) {
      const char* variable = command.argument == Argument::kCount ? "COUNT" : command.argument == Argument::kDate ? "DATE" : "TAG";
      throw Error(ExitCode::kUsage, "db " + command.Name() + " needs " + missing + " (or LIQUIBASE_COMMAND_" + variable +
                                        ", or the key in the defaults file)");
    }
    if (command.argument == Argument::kDate) {
      std::string date;
      for (const auto& word : date_words_) date += (date.empty() ? "" : " ") + word;
      const auto sortable = SortableTimestamp(date);
      if (!sortable) {
        // Liquibase's ISODateFormat would roll a month 13 over into the next year, and read a bare time
        // as 1970 (rolling everything back): both refused here.
        throw Error(ExitCode::kUsage, "db " + command.Name() + ": unknown date format to parse: '" + date +
                                          "' (expected yyyy-MM-dd, yyyy-MM-dd HH:mm:ss or yyyy-MM-ddTHH:mm:ss, with an "
                                          "optional .fraction, of a date that exists)");
      }
      date_ = *sortable;
    }
  }

  static std::string CamelCase(std::string_view kabob) {
    std::string out;
    bool upper = false;
    for (const char c : kabob) {
      if (c == '-') {
        upper = true;
      } else {
        out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        upper = false;
      }
    }
    return out;
  }

  std::map<std::string, CustomChangePolicy> CustomChangePolicies() const {
    std::map<std::string, CustomChangePolicy> out;
    for (const auto& entry : custom_changes_) {
      const auto eq = entry.find('=');
      if (eq == std::string::npos || eq == 0) throw ConfigError("--custom-change " + entry + ": expected CLASS=refuse|mark-ran");
      out[entry.substr(0, eq)] = ParseCustomChangePolicy(entry.substr(eq + 1), "--custom-change " + entry);
    }
    return out;
  }

  // The node's changelogs and database; read-only commands never create a SQLite file.
  int RunOnNode(const DbSubcommand& command) {
    const config::NodeConfig config = config::LoadNodeConfig(base_directory_);
    // A refused plugin stops what would run changelogs or print their SQL without its schemas;
    // looking and maintenance (release-locks above all) go on.
    const bool runs_changelogs = command.needs_changelog && (command.writes || command.prints_sql);
    const node::NodeSchemas node_schemas =
        node::LoadNodeSchemas(config, runs_changelogs ? node::RefusedPlugins::kStop : node::RefusedPlugins::kReport);
    const db::DatabaseUrl& url = node_schemas.url;
    const schema::SchemaCatalog& catalog = node_schemas.catalog;
    auto connection = command.writes ? node::OpenNodeDatabase(config) : node::OpenNodeDatabaseReadOnly(config);
    if (runs_changelogs && command.writes) node::CheckDatabaseOwner(*connection, catalog, config, url);
    if (command.run == nullptr) {  // check
      const auto drift = schema::FindSchemaDrift(*connection, catalog);
      for (const auto& d : drift) std::cout << d.ToString() << "\n";
      if (drift.empty()) {
        std::cout << url.Redacted() << " matches all " << catalog.schemas().size() << " selected schemas\n";
        return 0;
      }
      std::cout << drift.size() << " difference(s) between " << url.Redacted() << " and the selected schemas\n";
      return static_cast<int>(ExitCode::kChangeLog);
    }
    std::map<std::string, std::string> custom_changes = config.database.custom_changes;
    for (const auto& [class_name, policy] : CustomChangePolicies()) {
      custom_changes[class_name] = policy == CustomChangePolicy::kMarkRan ? "mark-ran" : "refuse";
    }
    node::NodeMigrations migrations(catalog, url.kind, config.database.allow_derived_tables, connection.get(),
                                    url.ScriptDisplay(), custom_changes);
    connection_ = connection.get();
    try {
      return Dispatch(command, migrations.migrator(), url);
    } catch (const MigrationError& error) {
      migrations.RethrowExplained(error);  // a plugin's changed checksum: which plugin, which options
    }
  }

  // A script is written whole or not at all: it is made in memory, and reaches stdout or the
  // --output-file only when the command succeeds (Liquibase leaves a partial script behind when a
  // changeset has no rollback, which a DBA could mistake for a whole one).
  int Dispatch(const DbSubcommand& command, Migrator& migrator, const db::DatabaseUrl& url) {
    std::ostringstream script;
    const bool buffered = command.prints_sql || command.report;
    std::ostream& out = buffered ? static_cast<std::ostream&>(script) : std::cout;
    const int code = (this->*command.run)(migrator, url, out);
    if (!buffered) return code;
    if (output_file_.empty()) {
      std::cout << script.str() << std::flush;
      return code;
    }
    WriteWholeFile(output_file_, script.str(), "--output-file");
    return code;
  }

  int Update(Migrator& migrator, const db::DatabaseUrl&, std::ostream&) { return PrintSummary(migrator.Update({})); }
  int UpdateCount(Migrator& migrator, const db::DatabaseUrl&, std::ostream&) {
    return PrintSummary(migrator.Update(UpdateLimit::Count(count_)));
  }
  int UpdateToTag(Migrator& migrator, const db::DatabaseUrl&, std::ostream&) {
    return PrintSummary(migrator.Update(UpdateLimit::ToTag(tag_)));
  }
  int UpdateSql(Migrator& migrator, const db::DatabaseUrl&, std::ostream& out) {
    migrator.UpdateSql(out, {});
    return 0;
  }
  int UpdateCountSql(Migrator& migrator, const db::DatabaseUrl&, std::ostream& out) {
    migrator.UpdateSql(out, UpdateLimit::Count(count_));
    return 0;
  }
  int UpdateToTagSql(Migrator& migrator, const db::DatabaseUrl&, std::ostream& out) {
    migrator.UpdateSql(out, UpdateLimit::ToTag(tag_));
    return 0;
  }
  int Status(Migrator& migrator, const db::DatabaseUrl& url, std::ostream&) {
    const auto pending = migrator.Pending();
    if (pending.empty()) {
      std::cout << url.Redacted() << " is up to date\n";
      return 0;
    }
    std::cout << pending.size() << " changesets have not been applied to " << url.Redacted() << "\n";
    if (verbose_) {
      for (const auto& p : pending) std::cout << "     " << p.change_set->Identifier() << " (" << p.reason << ")\n";
    }
    return 0;
  }
  int Validate(Migrator& migrator, const db::DatabaseUrl&, std::ostream&) {
    migrator.Validate();
    std::cout << "No validation errors found.\n";
    return 0;
  }
  int History(Migrator& migrator, const db::DatabaseUrl& url, std::ostream&) {
    PrintHistory(std::cout, migrator.HistoryRows(), url.Redacted(), history_format_);
    return 0;
  }
  int Tag(Migrator& migrator, const db::DatabaseUrl&, std::ostream&) {
    migrator.Tag(tag_);
    std::cout << "Successfully tagged '" << tag_ << "'\n";
    return 0;
  }
  int CalculateCheckSum(Migrator& migrator, const db::DatabaseUrl&, std::ostream&) {
    std::string path = changeset_path_, id = changeset_id_, author = changeset_author_;
    if (!changeset_identifier_.empty()) {
      if (!path.empty() || !id.empty() || !author.empty()) {
        throw ConfigError("db calculate-checksum: --changeset-identifier cannot be given alongside --changeset-path, "
                          "--changeset-id or --changeset-author");
      }
      const auto first = changeset_identifier_.find("::");
      const auto last = changeset_identifier_.rfind("::");
      if (first == std::string::npos || first == last || changeset_identifier_.find("::", first + 2) != last) {
        throw ConfigError("db calculate-checksum: --changeset-identifier '" + changeset_identifier_ +
                          "' is not of the form path::id::author");
      }
      path = changeset_identifier_.substr(0, first);
      id = changeset_identifier_.substr(first + 2, last - first - 2);
      author = changeset_identifier_.substr(last + 2);
    }
    std::string missing;
    for (const auto& [value, option] : {std::pair{&path, "--changeset-path"}, {&id, "--changeset-id"},
                                        {&author, "--changeset-author"}}) {
      if (value->empty()) missing += std::string(missing.empty() ? "" : ", ") + option;
    }
    if (!missing.empty()) {
      throw ConfigError("db calculate-checksum: give --changeset-identifier path::id::author, or --changeset-path, "
                        "--changeset-id and --changeset-author (missing: " + missing + ")");
    }
    std::cout << migrator.CalculateCheckSum(path, id, author) << "\n";
    return 0;
  }
  int TagExists(Migrator& migrator, const db::DatabaseUrl& url, std::ostream&) {
    const bool exists = migrator.TagExists(tag_);
    std::cout << "The tag '" << tag_ << "' " << (exists ? "already exists" : "does NOT exist") << " in "
              << url.Redacted() << "\n";
    return static_cast<int>(exists ? ExitCode::kOk : ExitCode::kNo);
  }
  int Rollback(Migrator& migrator, const db::DatabaseUrl&, std::ostream&) {
    std::cout << "Rolled back " << migrator.Rollback(Target(RollbackTarget::ToTag(tag_))) << " changesets\n";
    return 0;
  }
  int RollbackCount(Migrator& migrator, const db::DatabaseUrl&, std::ostream&) {
    std::cout << "Rolled back " << migrator.Rollback(Target(RollbackTarget::Count(count_))) << " changesets\n";
    return 0;
  }
  int RollbackSql(Migrator& migrator, const db::DatabaseUrl&, std::ostream& out) {
    migrator.RollbackSql(out, Target(RollbackTarget::ToTag(tag_)));
    return 0;
  }
  int RollbackCountSql(Migrator& migrator, const db::DatabaseUrl&, std::ostream& out) {
    migrator.RollbackSql(out, Target(RollbackTarget::Count(count_)));
    return 0;
  }
  // Liquibase's UpdateTestingRollbackCommandStep: update, roll back as many changesets as the update
  // recorded, update again; a changeset whose rollback fails stops it there (exit 6).
  int UpdateTestingRollback(Migrator& migrator, const db::DatabaseUrl&, std::ostream&) {
    const size_t before = migrator.HistoryRows().size();
    PrintSummary(migrator.Update({}));
    const size_t recorded = migrator.HistoryRows().size() - before;
    std::cout << "Rolled back " << migrator.Rollback(RollbackTarget::Count(static_cast<int>(recorded)))
              << " changesets\n";
    return PrintSummary(migrator.Update({}));
  }
  int ExecuteSql(Migrator& migrator, const db::DatabaseUrl&, std::ostream&) {
    std::string text = sql_;
    if (!sql_file_.empty()) {
      text = ReadWholeFile(sql_file_, "db execute-sql: --sql-file");
    } else if (sql_.empty()) {
      throw Error(ExitCode::kUsage, "db execute-sql needs --sql \"STATEMENTS\" or --sql-file FILE");
    }
    // Printed only when every statement succeeded, as Liquibase does.
    std::cout << migrator.ExecuteSql(text, delimiter_.empty() ? std::nullopt : std::optional(delimiter_));
    return 0;
  }
  int RollbackToDate(Migrator& migrator, const db::DatabaseUrl&, std::ostream&) {
    std::cout << "Rolled back " << migrator.Rollback(RollbackTarget::ToDate(date_)) << " changesets\n";
    return 0;
  }
  int RollbackToDateSql(Migrator& migrator, const db::DatabaseUrl&, std::ostream& out) {
    migrator.RollbackSql(out, RollbackTarget::ToDate(date_));
    return 0;
  }
  int FutureRollbackSql(Migrator& migrator, const db::DatabaseUrl&, std::ostream& out) {
    migrator.FutureRollbackSql(out);
    return 0;
  }
  int FutureRollbackCountSql(Migrator& migrator, const db::DatabaseUrl&, std::ostream& out) {
    migrator.FutureRollbackSql(out, count_);
    return 0;
  }
  int ChangelogSync(Migrator& migrator, const db::DatabaseUrl&, std::ostream&) {
    migrator.ChangelogSync();
    return 0;
  }
  int ChangelogSyncSql(Migrator& migrator, const db::DatabaseUrl&, std::ostream& out) {
    migrator.ChangelogSyncSql(out);
    return 0;
  }
  int ChangelogSyncToTag(Migrator& migrator, const db::DatabaseUrl&, std::ostream&) {
    migrator.ChangelogSync(UpdateLimit::SyncToTag(tag_));
    return 0;
  }
  int ChangelogSyncToTagSql(Migrator& migrator, const db::DatabaseUrl&, std::ostream& out) {
    migrator.ChangelogSyncSql(out, UpdateLimit::SyncToTag(tag_));
    return 0;
  }
  int MarkNextChangeSetRan(Migrator& migrator, const db::DatabaseUrl&, std::ostream&) {
    migrator.ChangelogSync(UpdateLimit::Count(1));
    return 0;
  }
  int MarkNextChangeSetRanSql(Migrator& migrator, const db::DatabaseUrl&, std::ostream& out) {
    migrator.ChangelogSyncSql(out, UpdateLimit::Count(1));
    return 0;
  }
  // Liquibase's UnexpectedChangesetsCommandStep wording.
  int UnexpectedChangeSets(Migrator& migrator, const db::DatabaseUrl& url, std::ostream&) {
    const auto rows = migrator.UnexpectedChangeSets();
    if (rows.empty()) {
      std::cout << url.Redacted() << " contains no unexpected changes!\n";
      return 0;
    }
    std::cout << rows.size() << " unexpected changes were found in " << url.Redacted() << "\n";
    if (verbose_) {
      for (const auto& row : rows) std::cout << "     " << row.filename << "::" << row.id << "::" << row.author << "\n";
    }
    return 0;
  }
  // Liquibase's ListLocksCommandStep wording.
  int ListLocks(Migrator& migrator, const db::DatabaseUrl& url, std::ostream&) {
    std::cout << "Database change log locks for " << url.Redacted() << "\n";
    const auto holding = migrator.ListLocks();
    if (!holding) {
      std::cout << " - No locks\n";
      return 0;
    }
    std::cout << " - " << holding->locked_by << " at " << holding->granted << "\n"
              << "NOTE:  The lock time displayed is based on the database's configured time\n";
    return 0;
  }
  int ClearCheckSums(Migrator& migrator, const db::DatabaseUrl&, std::ostream&) {
    migrator.ClearCheckSums();
    return 0;
  }
  int ReleaseLocks(Migrator& migrator, const db::DatabaseUrl& url, std::ostream&) {
    migrator.ReleaseLocks();
    std::cout << "Successfully released all database change log locks for " << url.Redacted() << "\n";
    return 0;
  }
  int DropAll(Migrator& migrator, const db::DatabaseUrl& url, std::ostream&) {
    migrator.DropAll();
    std::cout << "All objects dropped from " << url.Redacted() << "\n";
    return 0;
  }

  // snapshot, diff, diff-changelog, generate-changelog (db_diff.h): --changelog-file is where a
  // changelog goes, not one to read.
  int Snapshot(Migrator&, const db::DatabaseUrl&, std::ostream& out) { return RunSnapshot(*connection_, diff_, out); }
  int Diff(Migrator&, const db::DatabaseUrl&, std::ostream& out) { return RunDiff(*connection_, diff_, out); }
  int DiffChangeLog(Migrator&, const db::DatabaseUrl&, std::ostream& out) {
    diff_.changelog_file = changelog_file_;
    return RunDiffChangeLog(*connection_, diff_, out);
  }
  int GenerateChangeLog(Migrator&, const db::DatabaseUrl&, std::ostream& out) {
    diff_.changelog_file = changelog_file_;
    return RunGenerateChangeLog(*connection_, diff_, out);
  }

  RollbackTarget Target(RollbackTarget target) const {
    target.tag_version = tag_version_;
    return target;
  }

  static int PrintSummary(const UpdateSummary& s) {
    std::cout << "UPDATE SUMMARY\n"
              << "Run:                          " << s.run << "\n"
              << "Previously run:               " << s.previously_run << "\n"
              << "Filtered out:                 " << s.filtered_out << "\n"
              << "Failed (failOnError=false):   " << s.failed << "\n"
              << "-------------------------------\n"
              << "Total change sets:            " << s.total << "\n";
    return 0;
  }

  // The subcommands, in the order `--help` lists them; everything about a subcommand is here.
  static const std::vector<DbSubcommand>& Subcommands() {
    static const std::vector<DbSubcommand> kSubcommands{
        {.name = "update", .help = "Apply every pending changeset", .run = &DbCommand::Update},
        {.name = "update-sql", .help = "Print the SQL update would run (touches nothing)", .run = &DbCommand::UpdateSql,
         .writes = false, .prints_sql = true},
        {.name = "update-testing-rollback",
         .help = "Apply every pending changeset, roll back what that applied, and apply them again",
         .run = &DbCommand::UpdateTestingRollback},
        {.name = "update-count", .help = "Apply the next N pending changesets", .run = &DbCommand::UpdateCount,
         .argument = Argument::kCount},
        {.name = "update-count-sql", .help = "Print the SQL of update-count", .run = &DbCommand::UpdateCountSql,
         .argument = Argument::kCount, .writes = false, .prints_sql = true},
        {.name = "update-to-tag", .help = "Apply changesets up to and including the one that tags T",
         .run = &DbCommand::UpdateToTag, .argument = Argument::kTag},
        {.name = "update-to-tag-sql", .help = "Print the SQL of update-to-tag", .run = &DbCommand::UpdateToTagSql,
         .argument = Argument::kTag, .writes = false, .prints_sql = true},
        {.name = "status", .help = "List the changesets update would run", .run = &DbCommand::Status, .writes = false},
        {.name = "validate",
         .help = "Check the changelog and the recorded checksums (offline URLs: the changelog against that database)",
         .run = &DbCommand::Validate, .writes = false, .offline_ok = true},
        {.name = "history", .help = "List the changesets recorded in DATABASECHANGELOG", .run = &DbCommand::History,
         .needs_changelog = false, .writes = false},
        {.name = "tag", .help = "Tag the latest recorded changeset", .run = &DbCommand::Tag, .argument = Argument::kTag,
         .needs_changelog = false},
        {.name = "tag-exists", .help = "Exit 0 when the tag is recorded, 1 otherwise", .run = &DbCommand::TagExists,
         .argument = Argument::kTag, .needs_changelog = false, .writes = false},
        {.name = "rollback", .help = "Roll back every changeset after the one tagged T", .run = &DbCommand::Rollback,
         .argument = Argument::kRollbackTag},
        {.name = "rollback-sql", .help = "Print the SQL of rollback", .run = &DbCommand::RollbackSql,
         .argument = Argument::kRollbackTag, .writes = false, .prints_sql = true},
        {.name = "rollback-count", .help = "Roll back the last N changesets", .run = &DbCommand::RollbackCount,
         .argument = Argument::kCount},
        {.name = "rollback-count-sql", .help = "Print the SQL of rollback-count", .run = &DbCommand::RollbackCountSql,
         .argument = Argument::kCount, .writes = false, .prints_sql = true},
        {.name = "rollback-to-date", .help = "Roll back every changeset executed after the date",
         .run = &DbCommand::RollbackToDate, .argument = Argument::kDate},
        {.name = "rollback-to-date-sql", .help = "Print the SQL of rollback-to-date", .run = &DbCommand::RollbackToDateSql,
         .argument = Argument::kDate, .writes = false, .prints_sql = true},
        {.name = "future-rollback-sql", .help = "Print the SQL that would undo what update would apply now",
         .run = &DbCommand::FutureRollbackSql, .writes = false, .prints_sql = true},
        {.name = "future-rollback-count-sql",
         .help = "Print the SQL that would undo the next N changesets update would apply",
         .run = &DbCommand::FutureRollbackCountSql, .argument = Argument::kCount, .writes = false, .prints_sql = true},
        {.name = "changelog-sync", .help = "Record every pending changeset as executed without running it",
         .run = &DbCommand::ChangelogSync},
        {.name = "changelog-sync-sql", .help = "Print the SQL of changelog-sync", .run = &DbCommand::ChangelogSyncSql,
         .writes = false, .prints_sql = true},
        {.name = "changelog-sync-to-tag",
         .help = "Record pending changesets as executed without running them, up to and including the one tagging T",
         .run = &DbCommand::ChangelogSyncToTag, .argument = Argument::kTag},
        {.name = "changelog-sync-to-tag-sql", .help = "Print the SQL of changelog-sync-to-tag",
         .run = &DbCommand::ChangelogSyncToTagSql, .argument = Argument::kTag, .writes = false, .prints_sql = true},
        {.name = "mark-next-changeset-ran", .help = "Record the next pending changeset as executed without running it",
         .run = &DbCommand::MarkNextChangeSetRan},
        {.name = "mark-next-changeset-ran-sql", .help = "Print the SQL of mark-next-changeset-ran",
         .run = &DbCommand::MarkNextChangeSetRanSql, .writes = false, .prints_sql = true},
        {.name = "unexpected-changesets",
         .help = "Count the recorded changesets the changelog does not select (--verbose lists them)",
         .run = &DbCommand::UnexpectedChangeSets, .writes = false},
        {.name = "calculate-checksum",
         .help = "Print a changeset's checksum (--changeset-identifier path::id::author, or --changeset-path, -id and "
                 "-author)",
         .run = &DbCommand::CalculateCheckSum, .argument = Argument::kChangeSet, .writes = false, .offline_ok = true},
        {.name = "execute-sql", .help = "Run SQL statements (--sql or --sql-file) and print what queries return",
         .run = &DbCommand::ExecuteSql, .needs_changelog = false},
        {.name = "clear-checksums", .help = "Set every MD5SUM to NULL; the next update refills them",
         .run = &DbCommand::ClearCheckSums, .needs_changelog = false},
        {.name = "release-locks", .help = "Release the changelog lock whoever holds it", .run = &DbCommand::ReleaseLocks,
         .needs_changelog = false},
        {.name = "list-locks", .help = "Show who holds the changelog lock, and since when",
         .run = &DbCommand::ListLocks, .needs_changelog = false, .writes = false},
        {.name = "drop-all", .help = "Drop every table, view and sequence of the schema", .run = &DbCommand::DropAll,
         .needs_changelog = false},
        {.name = "snapshot", .help = "Print the database's tables, columns, keys, indexes, views and sequences",
         .run = &DbCommand::Snapshot, .needs_changelog = false, .writes = false, .report = true},
        {.name = "diff", .help = "Compare the database with --reference-url: what is missing, unexpected or changed",
         .run = &DbCommand::Diff, .needs_changelog = false, .writes = false, .report = true},
        {.name = "diff-changelog",
         .help = "Write the changesets that make the database like --reference-url to --changelog-file (added to an "
                 "existing XML changelog)",
         .run = &DbCommand::DiffChangeLog, .needs_changelog = false, .writes = false, .report = true,
         .writes_changelog = true},
        {.name = "generate-changelog",
         .help = "Write a changelog that creates the database's objects to --changelog-file (.xml, .yaml or .json)",
         .run = &DbCommand::GenerateChangeLog, .needs_changelog = false, .writes = false, .report = true,
         .writes_changelog = true},
        {.name = "check",
         .help = "Compare the node's database with every selected schema's entities (needs --base-directory); exit 5 "
                 "on drift",
         .run = nullptr, .writes = false},
    };
    return kSubcommands;
  }

  static const DbSubcommand& FindSubcommand(const std::string& name) {
    for (const auto& entry : Subcommands()) {
      if (entry.name == name) return entry;
    }
    throw ConfigError("db: unknown command '" + name + "'");
  }

  CLI::App* app_ = nullptr;
  std::string changelog_file_;
  std::string url_;
  std::string base_directory_;
  std::string username_;
  std::string password_;
  std::string search_path_;
  std::string contexts_;
  std::string labels_;
  std::vector<std::string> properties_;
  std::vector<std::string> custom_changes_;
  std::string output_file_;
  int lock_wait_seconds_ = 300;
  std::string defaults_file_;
  bool strict_ = false;
  int count_ = 0;
  std::string tag_;
  std::string changeset_identifier_, changeset_path_, changeset_id_, changeset_author_;  // calculate-checksum
  TagVersion tag_version_ = TagVersion::kOldest;
  std::vector<std::string> date_words_;  // rollback-to-date: --date, or the positional words
  std::string date_;                     // ... checked, as SortableTimestamp text
  HistoryFormat history_format_ = HistoryFormat::kTabular;
  std::string sql_, sql_file_, delimiter_;  // execute-sql
  std::string default_schema_, liquibase_schema_;
  bool verbose_ = false;
  DiffOptions diff_;                      // snapshot, diff, diff-changelog, generate-changelog
  db::Connection* connection_ = nullptr;  // the database the command works on, once open
};

}  // namespace

std::unique_ptr<Command> MakeDbCommand() { return std::make_unique<DbCommand>(); }

}  // namespace ledgerhost::cli
