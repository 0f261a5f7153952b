// SignatureVerifier against signatures made by the openssl command line exactly as
// docs/plugin-authors.md tells plugin publishers to make them.
#include "plugins/signature_verifier.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "core/error.h"

namespace ledgerhost::plugins {
namespace {

namespace fs = std::filesystem;

class SignatureVerifierTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ledgerhost-sig-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::ofstream(dir_ / "lib.so", std::ios::binary) << "pretend library bytes";
    Run("openssl genpkey -algorithm ed25519 -out key.pem && openssl pkey -in key.pem -pubout -out pub.pem");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Run(const std::string& command) {
    ASSERT_EQ(std::system(("cd '" + dir_.string() + "' && { " + command + "; } 2>/dev/null").c_str()), 0) << command;
  }
  fs::path dir_;
};

TEST_F(SignatureVerifierTest, RawSignatureFromOpensslPkeyutl) {
  Run("openssl pkeyutl -sign -rawin -inkey key.pem -in lib.so -out lib.so.sig");
  SignatureVerifier verifier({dir_ / "pub.pem"});
  EXPECT_TRUE(verifier.enabled());
  EXPECT_EQ(verifier.Verify(dir_ / "lib.so"), std::nullopt);
}

TEST_F(SignatureVerifierTest, SignedByFormWithWrappedBase64) {
  // `openssl base64` without -A wraps lines at 64 columns; the verifier ignores the line breaks.
  Run("{ openssl pkey -in key.pem -pubout; openssl pkeyutl -sign -rawin -inkey key.pem -in lib.so | openssl base64; }"
      " > lib.so.sig");
  SignatureVerifier verifier({dir_ / "pub.pem"});
  EXPECT_EQ(verifier.Verify(dir_ / "lib.so"), std::nullopt);
  std::ofstream(dir_ / "lib.so", std::ios::app) << "!";
  EXPECT_EQ(verifier.Verify(dir_ / "lib.so"),
            "bad signature: lib.so.sig names a trusted key but does not match the file's bytes");
}

TEST_F(SignatureVerifierTest, NoKeysMeansDisabled) { EXPECT_FALSE(SignatureVerifier({}).enabled()); }

TEST_F(SignatureVerifierTest, MissingKeyFileIsAConfigError) {
  EXPECT_THROW(SignatureVerifier({dir_ / "absent.pem"}), ConfigError);
}

TEST_F(SignatureVerifierTest, NonEd25519KeyIsAConfigError) {
  Run("openssl genpkey -algorithm rsa -pkeyopt rsa_keygen_bits:1024 -out rsa.pem && "
      "openssl pkey -in rsa.pem -pubout -out rsa-pub.pem");
  EXPECT_THROW(SignatureVerifier({dir_ / "rsa-pub.pem"}), ConfigError);
}

}  // namespace
}  // namespace ledgerhost::plugins
