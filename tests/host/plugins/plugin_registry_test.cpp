// Plugin discovery and loading with real .so files built by this build: the sample plugins and the
// fixtures in tests/fixtures/plugins/. No loading is mocked.
#include "plugins/plugin_registry.h"

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>  // before boost/dll (Boost 1.74 under BOOST_DLL_USE_STD_FS)

#include <boost/dll/shared_library.hpp>
#include <gtest/gtest.h>

#include "core/error.h"
#include "ledgerhost/plugin.h"

namespace ledgerhost::plugins {
namespace {

namespace fs = std::filesystem;

class RecordingHub : public ServiceHub {
 public:
  void Log(LogLevel, const std::string& message) override { messages.push_back(message); }
  std::string Config(const std::string&) const override { return ""; }
  soci::session& Session() override { throw std::logic_error("no database in this test"); }
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
  const auto& factory = plugin.services()[0];
  EXPECT_EQ(factory.name, "iou-service");
  auto* service = static_cast<Service*>(factory.create());
  RecordingHub hub;
  service->Start(hub);
  service->Stop();
  factory.destroy(service);
  EXPECT_EQ(hub.messages, (std::vector<std::string>{"IOU service ready to record IOUs"}));
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

// Ed25519 keys and detached signatures made with OpenSSL, as an operator would with
// `openssl pkeyutl -sign -rawin`.
class SigningKey {
 public:
  SigningKey() {
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr);
    EVP_PKEY_keygen_init(ctx);
    EVP_PKEY_keygen(ctx, &key_);
    EVP_PKEY_CTX_free(ctx);
  }
  ~SigningKey() { EVP_PKEY_free(key_); }
  void WritePublicKey(const fs::path& path) const {
    FILE* f = std::fopen(path.c_str(), "w");
    PEM_write_PUBKEY(f, key_);
    std::fclose(f);
  }
  void Sign(const fs::path& file) const {
    std::ifstream in(file, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string content = buffer.str();
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_DigestSignInit(ctx, nullptr, nullptr, nullptr, key_);
    size_t length = 0;
    EVP_DigestSign(ctx, nullptr, &length, reinterpret_cast<const unsigned char*>(content.data()), content.size());
    std::string signature(length, '\0');
    EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(signature.data()), &length,
                   reinterpret_cast<const unsigned char*>(content.data()), content.size());
    EVP_MD_CTX_free(ctx);
    std::ofstream(file.string() + ".sig", std::ios::binary) << signature;
  }

 private:
  EVP_PKEY* key_ = nullptr;
};

TEST_F(PluginRegistryTest, SignaturesWhenTrustedKeysAreConfigured) {
  SigningKey trusted;
  SigningKey stranger;
  trusted.WritePublicKey(dir_ / "trusted.pem");
  const fs::path signed_ok = Add(IOU_PLUGIN, "a_signed.so");
  trusted.Sign(signed_ok);
  Add(CASH_PLUGIN, "b_unsigned.so");
  const fs::path tampered = Add(CP_PLUGIN, "c_tampered.so");
  trusted.Sign(tampered);
  std::ofstream(tampered, std::ios::app) << "extra bytes";
  const fs::path foreign = Add(OBLIGATION_PLUGIN, "d_foreign.so");
  stranger.Sign(foreign);

  auto registry = Load({dir_ / "trusted.pem"});
  ASSERT_EQ(registry.plugins().size(), 1u);
  EXPECT_EQ(registry.plugins()[0]->name(), "iou");
  ASSERT_EQ(registry.skipped().size(), 3u);
  EXPECT_EQ(registry.skipped()[0].reason, "signatures are required and b_unsigned.so.sig is missing");
  EXPECT_EQ(registry.skipped()[1].reason, "the signature c_tampered.so.sig is not valid for any trusted key");
  EXPECT_EQ(registry.skipped()[2].reason, "the signature d_foreign.so.sig is not valid for any trusted key");
  // Without trusted keys nothing is checked.
  EXPECT_EQ(Load().plugins().size(), 4u);
}

TEST_F(PluginRegistryTest, TrustedKeyThatIsNotAnEd25519KeyIsAConfigError) {
  std::ofstream(dir_ / "bad.pem") << "-----BEGIN PUBLIC KEY-----\nnonsense\n-----END PUBLIC KEY-----\n";
  EXPECT_THROW(Load({dir_ / "bad.pem"}), ConfigError);
}

}  // namespace
}  // namespace ledgerhost::plugins
