// Plugin discovery and loading with real .so files built by this build: the sample plugins and the
// fixtures in tests/fixtures/plugins/. No loading is mocked.
#include "plugins/plugin_registry.h"

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cstdlib>
#include <iterator>
#include <fstream>
#include <sstream>
#include <vector>  // before boost/dll (Boost 1.74 under BOOST_DLL_USE_STD_FS)

#include <boost/dll/shared_library.hpp>
#include <gtest/gtest.h>

#include <cxxabi.h>

#include <cstdlib>
#include <memory>

#include "core/error.h"
#include "ledgerhost/plugin.h"
#include "plugins/elf_file.h"
#include "plugins/plugin_image.h"
#include "plugins/plugin_inspector.h"
#include "plugins/plugin_loader.h"

namespace ledgerhost::plugins {
namespace {

namespace fs = std::filesystem;

class RecordingHub : public ServiceHub {
 public:
  void Log(LogLevel, const std::string& message) override { messages.push_back(message); }
  std::string Config(const std::string&) const override { return ""; }
  SessionLease Session() override { throw std::logic_error("no database in this test"); }
  Vault& GetVault() override { throw std::logic_error("no vault in this test"); }
  IdentityService& Identities() override { throw std::logic_error("no identities in this test"); }
  std::string TableName(const std::string&, int, const std::string&) const override {
    throw std::logic_error("no tables in this test");
  }
  BalanceTracker& Balances() override { throw std::logic_error("no balances in this test"); }
  std::vector<std::string> messages;
};

class PluginRegistryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ledgerhost-plugins-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "plugins");
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path Add(const fs::path& library, const std::string& name = "") {
    fs::path target = dir_ / "plugins" / (name.empty() ? library.filename().string() : name);
    fs::copy_file(library, target, fs::copy_options::overwrite_existing);
    return target;
  }
  PluginRegistry Load(std::vector<fs::path> keys = {}) { return PluginRegistry::Load({dir_ / "plugins", keys}); }

  fs::path dir_;
};

TEST_F(PluginRegistryTest, LoadsAGoodPluginWithSchemaResourcesAndServices) {
  Add(IOU_PLUGIN);
  auto registry = Load();
  ASSERT_EQ(registry.plugins().size(), 1u);
  EXPECT_TRUE(registry.skipped().empty());
  const auto& plugin = *registry.plugins()[0];
  EXPECT_EQ(plugin.name(), "iou");
  ASSERT_EQ(plugin.schemas().size(), 1u);
  const auto& schema = plugin.schemas()[0];
  EXPECT_EQ(schema.family, "com.example.schemas.IOUSchema");
  EXPECT_EQ(schema.version, 1);
  EXPECT_EQ(schema.name, "IOUSchemaV1");
  EXPECT_EQ(schema.migration_resource, "migration/i-o-u-schema-v1.changelog-master.xml");
  ASSERT_EQ(schema.entities.size(), 1u);
  EXPECT_EQ(schema.entities[0].table_name, "iou_states");
  EXPECT_TRUE(schema.entities[0].columns[0].primary_key);
  EXPECT_EQ(plugin.resources().size(), 3u);
  auto loader = plugin.Resources();
  EXPECT_NE(loader.Read("migration/i-o-u-schema-v1.changelog-v2.xml")->find("add-iou-currency"), std::string::npos);
  EXPECT_THROW(loader.Read("../etc/passwd"), ChangeLogError) << "a plugin's resources have no way out";

  ASSERT_EQ(plugin.services().size(), 1u);
  EXPECT_EQ(plugin.services()[0].name, "iou-service");
  EXPECT_THROW(plugin.CreateService("no-such-service"), PluginError);
}

TEST_F(PluginRegistryTest, AServiceKeepsItsLibraryLoadedAfterTheRegistryIsGone) {
  Add(CP_PLUGIN);
  std::shared_ptr<Service> service;
  {
    auto registry = Load();
    ASSERT_EQ(registry.plugins().size(), 1u);
    service = registry.plugins()[0]->CreateService("cp-maturity-watcher");
  }
  RecordingHub hub;
  service->Start(hub);  // the plugin's code, still mapped
  service->Stop();
  service.reset();
  ASSERT_FALSE(hub.messages.empty());
  EXPECT_EQ(hub.messages.front(), "commercial paper maturity watcher started");
}

TEST_F(PluginRegistryTest, ServiceDependenciesAndStableOrder) {
  Add(CP_PLUGIN);
  Add(IOU_PLUGIN);
  Add(CASH_PLUGIN);
  auto registry = Load();
  ASSERT_EQ(registry.plugins().size(), 3u);
  EXPECT_EQ(registry.plugins()[0]->name(), "cash");
  EXPECT_EQ(registry.plugins()[1]->name(), "commercial-paper");
  EXPECT_EQ(registry.plugins()[2]->name(), "iou");
  EXPECT_EQ(registry.plugins()[1]->services()[0].depends_on, (std::vector<std::string>{"iou-service"}));
  EXPECT_EQ(registry.plugins()[0]->schemas()[0].migration_resource, "migration/cash-schema-v1.changelog-master.sql");
}

TEST_F(PluginRegistryTest, CustomChangeImplementationRunsThePluginsCode) {
  Add(LEGACY_ACCOUNTS_PLUGIN);
  auto registry = Load();
  ASSERT_EQ(registry.plugins().size(), 1u);
  const auto& plugin = *registry.plugins()[0];
  EXPECT_EQ(plugin.custom_changes(), (std::vector<std::string>{"com.example.legacy.NormalizeCodes"}));
  auto change = plugin.CreateCustomChange("com.example.legacy.NormalizeCodes");
  CustomChangeContext context;
  context.database = "postgresql";
  context.params = {{"tableName", "legacy_accounts"}, {"columnName", "display_code"}};
  EXPECT_EQ(change->GenerateSql(context),
            (std::vector<std::string>{"UPDATE legacy_accounts SET display_code = UPPER(TRIM(display_code)) WHERE "
                                      "display_code IS NOT NULL"}));
  context.params["tableName"] = "x; DROP TABLE y";
  EXPECT_THROW(change->GenerateSql(context), std::invalid_argument);
  EXPECT_THROW(plugin.CreateCustomChange("com.example.Other"), PluginError);
}

TEST_F(PluginRegistryTest, PluginWithoutMigrationsResolvesNone) {
  Add(NOTARY_AUDIT_PLUGIN);
  auto registry = Load();
  ASSERT_EQ(registry.plugins().size(), 1u);
  EXPECT_FALSE(registry.plugins()[0]->schemas()[0].migration_resource.has_value());
}

TEST_F(PluginRegistryTest, NonElfFileNamedSoIsSkipped) {
  std::ofstream(dir_ / "plugins" / "x.so") << "#!/bin/sh\necho not a library\n";
  auto registry = Load();
  EXPECT_TRUE(registry.plugins().empty());
  ASSERT_EQ(registry.skipped().size(), 1u);
  EXPECT_EQ(registry.skipped()[0].path.filename(), "x.so");
  EXPECT_EQ(registry.skipped()[0].reason, "not an ELF file");
}

TEST_F(PluginRegistryTest, ElfThatIsNotAPluginIsNeverLoaded) {
  const fs::path marker = dir_ / "initializer-ran";
  ::setenv("LEDGERHOST_TEST_MARKER", marker.c_str(), 1);
  const fs::path copy = Add(NOT_A_PLUGIN);
  auto registry = Load();
  ASSERT_EQ(registry.skipped().size(), 1u);
  EXPECT_NE(registry.skipped()[0].reason.find("does not export ledgerhost_plugin_v1"), std::string::npos)
      << registry.skipped()[0].reason;
  EXPECT_FALSE(fs::exists(marker)) << "the host ran code of a file it should only have inspected";
  // Control: loading the same file does run its initializer, so the assertion above could fail.
  {
    boost::dll::shared_library library(copy);
    EXPECT_TRUE(fs::exists(marker));
  }
  ::unsetenv("LEDGERHOST_TEST_MARKER");
}

TEST_F(PluginRegistryTest, WrongAbiVersionIsRefusedNamingBothVersions) {
  Add(WRONG_ABI_PLUGIN);
  auto registry = Load();
  ASSERT_EQ(registry.skipped().size(), 1u);
  EXPECT_EQ(registry.skipped()[0].reason,
            "was built for plugin ABI version 999, this host supports version " + std::to_string(LEDGERHOST_PLUGIN_ABI_VERSION));
}

TEST_F(PluginRegistryTest, WrongBuildFingerprintIsRefused) {
  Add(WRONG_FINGERPRINT_PLUGIN);
  auto registry = Load();
  ASSERT_EQ(registry.skipped().size(), 1u);
  const std::string& reason = registry.skipped()[0].reason;
  EXPECT_NE(reason.find("'sdk=0.0 cxx=other-compiler 1.0'"), std::string::npos) << reason;
  EXPECT_NE(reason.find(BuildFingerprint()), std::string::npos) << reason;
}

TEST_F(PluginRegistryTest, DuplicateSchemaIsAnErrorNamingBothPlugins) {
  Add(IOU_PLUGIN);
  Add(DUPLICATE_SCHEMA_PLUGIN);
  try {
    Load();
    FAIL() << "expected a PluginError";
  } catch (const PluginError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("libiou.so"), std::string::npos) << message;
    EXPECT_NE(message.find("libfixture_duplicate_schema.so"), std::string::npos) << message;
    EXPECT_NE(message.find("com.example.schemas.IOUSchema version 1"), std::string::npos) << message;
  }
}

// Ed25519 keys and detached signatures made with OpenSSL, in both forms the host accepts: raw (as
// `openssl pkeyutl -sign -rawin` writes) and signed-by (signer's PEM public key + base64 signature).
class SigningKey {
 public:
  enum class Form { kRaw, kSignedBy };
  SigningKey() {
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr);
    EVP_PKEY_keygen_init(ctx);
    EVP_PKEY_keygen(ctx, &key_);
    EVP_PKEY_CTX_free(ctx);
  }
  ~SigningKey() { EVP_PKEY_free(key_); }
  std::string PublicKeyPem() const {
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(bio, key_);
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    std::string pem(data, static_cast<size_t>(size));
    BIO_free(bio);
    return pem;
  }
  void WritePublicKey(const fs::path& path) const { std::ofstream(path) << PublicKeyPem(); }
  void Sign(const fs::path& file, Form form) const {
    std::ifstream in(file, std::ios::binary);
    const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_DigestSignInit(ctx, nullptr, nullptr, nullptr, key_);
    size_t length = 0;
    EVP_DigestSign(ctx, nullptr, &length, reinterpret_cast<const unsigned char*>(content.data()), content.size());
    std::string signature(length, '\0');
    EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(signature.data()), &length,
                   reinterpret_cast<const unsigned char*>(content.data()), content.size());
    EVP_MD_CTX_free(ctx);
    std::ofstream out(file.string() + ".sig", std::ios::binary);
    if (form == Form::kRaw) {
      out << signature;
      return;
    }
    std::string base64(4 * ((signature.size() + 2) / 3), '\0');
    EVP_EncodeBlock(reinterpret_cast<unsigned char*>(base64.data()), reinterpret_cast<const unsigned char*>(signature.data()),
                    static_cast<int>(signature.size()));
    out << PublicKeyPem() << base64 << "\n";
  }

 private:
  EVP_PKEY* key_ = nullptr;
};

TEST_F(PluginRegistryTest, SignaturesWhenTrustedKeysAreConfigured) {
  using Form = SigningKey::Form;
  SigningKey trusted;
  SigningKey other_trusted;
  SigningKey stranger;
  trusted.WritePublicKey(dir_ / "trusted.pem");
  other_trusted.WritePublicKey(dir_ / "other.pem");
  trusted.Sign(Add(IOU_PLUGIN, "a_raw.so"), Form::kRaw);
  other_trusted.Sign(Add(NOTARY_AUDIT_PLUGIN, "a_signed_by.so"), Form::kSignedBy);
  Add(CASH_PLUGIN, "b_unsigned.so");
  const fs::path tampered = Add(CP_PLUGIN, "c_tampered.so");
  trusted.Sign(tampered, Form::kSignedBy);
  std::ofstream(tampered, std::ios::app) << "extra bytes";
  stranger.Sign(Add(OBLIGATION_PLUGIN, "d_untrusted.so"), Form::kSignedBy);
  stranger.Sign(Add(WRONG_FINGERPRINT_PLUGIN, "e_raw_foreign.so"), Form::kRaw);
  Add(WRONG_ABI_PLUGIN, "f_malformed.so");
  std::ofstream(dir_ / "plugins" / "f_malformed.so.sig") << "not a signature";

  auto registry = Load({dir_ / "trusted.pem", dir_ / "other.pem"});
  ASSERT_EQ(registry.plugins().size(), 2u);
  EXPECT_EQ(registry.plugins()[0]->name(), "iou");
  EXPECT_EQ(registry.plugins()[1]->name(), "notary-audit");
  ASSERT_EQ(registry.skipped().size(), 5u);
  EXPECT_EQ(registry.skipped()[0].reason,
            "missing signature: trusted keys are configured and b_unsigned.so.sig does not exist");
  EXPECT_EQ(registry.skipped()[1].reason,
            "bad signature: c_tampered.so.sig names a trusted key but does not match the file's bytes");
  EXPECT_EQ(registry.skipped()[2].reason,
            "untrusted key: d_untrusted.so.sig was made by a key that is not among the trusted keys");
  EXPECT_EQ(registry.skipped()[3].reason, "bad signature: e_raw_foreign.so.sig verifies with none of the trusted keys");
  EXPECT_EQ(registry.skipped()[4].path.filename(), "f_malformed.so");
  EXPECT_EQ(registry.skipped()[4].reason.rfind("malformed signature: f_malformed.so.sig", 0), 0u)
      << registry.skipped()[4].reason;
  // Without trusted keys nothing is checked.
  EXPECT_EQ(Load().plugins().size(), 5u) << "all but the two hand-made fixtures";
}

TEST_F(PluginRegistryTest, TrustedKeyThatIsNotAnEd25519KeyIsAConfigError) {
  std::ofstream(dir_ / "bad.pem") << "-----BEGIN PUBLIC KEY-----\nnonsense\n-----END PUBLIC KEY-----\n";
  EXPECT_THROW(Load({dir_ / "bad.pem"}), ConfigError);
}

TEST_F(PluginRegistryTest, TruncatedElfIsReportedWithoutReadingPastIt) {
  std::ifstream in(IOU_PLUGIN, std::ios::binary);
  std::string head(200, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  std::ofstream(dir_ / "plugins" / "truncated.so", std::ios::binary) << head;
  auto registry = Load();
  ASSERT_EQ(registry.skipped().size(), 1u);
  EXPECT_EQ(registry.skipped()[0].reason, "an ELF file with a corrupt section table");
}

// The bytes checked are the bytes loaded: a file replaced after its image was read (between the
// signature check and dlopen, where the race was) changes nothing that runs.
TEST_F(PluginRegistryTest, AFileReplacedAfterItsChecksIsNotWhatLoads) {
  const fs::path file = Add(IOU_PLUGIN, "swapped.so");
  const PluginImage image = PluginImage::Open(file, dir_ / "plugins");
  ASSERT_EQ(InspectPluginBytes(image.bytes()), std::nullopt);
  fs::copy_file(CP_PLUGIN, dir_ / "plugins" / "other.so");
  fs::rename(dir_ / "plugins" / "other.so", file);  // the swap
  const auto loaded = LoadPlugin(image);
  EXPECT_EQ(loaded->name(), "iou");
  EXPECT_EQ(loaded->path(), file);
  EXPECT_EQ(LoadPlugin(file)->name(), "commercial-paper");  // what the file is now
}

// A link in the plugins directory may name a file beside it, never one outside.
TEST_F(PluginRegistryTest, ASymlinkLeavingThePluginsDirectoryIsRefused) {
  fs::copy_file(IOU_PLUGIN, dir_ / "outside.so");
  fs::create_symlink(dir_ / "outside.so", dir_ / "plugins" / "a_escape.so");
  Add(CP_PLUGIN, "cp-1.0.0.bin");  // not scanned itself (not *.so); the link to it is
  fs::create_symlink("cp-1.0.0.bin", dir_ / "plugins" / "b_inside.so");
  auto registry = Load();
  ASSERT_EQ(registry.skipped().size(), 1u);
  EXPECT_EQ(registry.skipped()[0].path.filename(), "a_escape.so");
  EXPECT_NE(registry.skipped()[0].reason.find("outside the plugins directory"), std::string::npos)
      << registry.skipped()[0].reason;
  ASSERT_EQ(registry.plugins().size(), 1u);
  EXPECT_EQ(registry.plugins()[0]->name(), "commercial-paper");
}

TEST_F(PluginRegistryTest, StrippedPluginStillLoads) {
  const fs::path copy = Add(IOU_PLUGIN, "stripped.so");
  ASSERT_EQ(std::system(("'" STRIP_TOOL "' --strip-all '" + copy.string() + "'").c_str()), 0);
  auto registry = Load();
  ASSERT_EQ(registry.plugins().size(), 1u) << (registry.skipped().empty() ? "" : registry.skipped()[0].reason);
  EXPECT_EQ(registry.plugins()[0]->name(), "iou");
}

// ledgerhost_add_plugin builds with hidden visibility: the entry is the one name a plugin exports
// of its own. Names reserved to the implementation ("__...", e.g. sanitizer runtimes) and the
// standard library's template instantiations (libstdc++ declares namespace std with default
// visibility, so a plugin using std::shared_ptr exports weak copies) are the toolchain's.
bool IsToolchainSymbol(const std::string& name) {
  if (name.rfind("__", 0) == 0) return true;
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> demangled(abi::__cxa_demangle(name.c_str(), nullptr, nullptr, &status), std::free);
  if (status != 0 || !demangled) return false;
  const std::string text = demangled.get();
  for (const char* prefix : {"std::", "__gnu_cxx::", "typeinfo for std::", "typeinfo name for std::", "vtable for std::",
                             "void std::", "bool std::", "int std::", "long std::"}) {
    if (text.rfind(prefix, 0) == 0) return true;
  }
  // A return type before the name: "int __gnu_cxx::__stoa<...>(...)".
  const auto space = text.find(' ');
  const auto paren = text.find('(');
  if (space != std::string::npos && space < paren) {
    const std::string rest = text.substr(space + 1);
    return rest.rfind("std::", 0) == 0 || rest.rfind("__gnu_cxx::", 0) == 0;
  }
  return false;
}

TEST(PluginExportsTest, EverySampleExportsOnlyTheEntry) {
  for (const char* library : {IOU_PLUGIN, CP_PLUGIN, CASH_PLUGIN, OBLIGATION_PLUGIN, NOTARY_AUDIT_PLUGIN}) {
    const ElfReadResult elf = ReadElf(library);
    ASSERT_TRUE(elf.info) << library << ": " << elf.problem;
    std::vector<std::string> exported;
    for (const auto& name : ExportedSymbols(*elf.info)) {
      if (!IsToolchainSymbol(name)) exported.push_back(name);
    }
    EXPECT_EQ(exported, (std::vector<std::string>{"ledgerhost_plugin_v1"})) << library;
  }
}

}  // namespace
}  // namespace ledgerhost::plugins
