#include "plugins/plugin_image.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/error.h"

namespace ledgerhost::plugins {
namespace {

std::string SystemError(const std::string& what) { return what + ": " + std::strerror(errno); }

bool Inside(const std::filesystem::path& file, const std::filesystem::path& directory) {
  const auto relative = file.lexically_relative(directory);
  return !relative.empty() && *relative.begin() != "..";
}

}  // namespace

PluginImage PluginImage::Open(const std::filesystem::path& path, const std::filesystem::path& directory) {
  std::error_code ec;
  const auto resolved = std::filesystem::canonical(path, ec);
  if (ec) throw PluginError(path.string(), "cannot be resolved: " + ec.message());
  if (!directory.empty()) {
    const auto root = std::filesystem::canonical(directory, ec);
    if (ec || !Inside(resolved, root)) {
      throw PluginError(path.string(), "is a link to " + resolved.string() + ", outside the plugins directory");
    }
  }
  // O_NOFOLLOW on the resolved path: a link put in its place after canonical() is not followed.
  const int fd = ::open(resolved.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) throw PluginError(path.string(), SystemError("cannot be opened"));
  struct stat status {};
  if (::fstat(fd, &status) != 0 || !S_ISREG(status.st_mode)) {
    ::close(fd);
    throw PluginError(path.string(), "not a regular file");
  }
  std::string bytes;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const std::string reason = SystemError("cannot be read");
      ::close(fd);
      throw PluginError(path.string(), reason);
    }
    if (n == 0) break;
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);

  const int memfd = ::memfd_create(("ledgerhost-plugin-" + path.filename().string()).c_str(), MFD_CLOEXEC | MFD_ALLOW_SEALING);
  if (memfd < 0) throw PluginError(path.string(), SystemError("cannot make a private copy (memfd_create)"));
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(memfd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string reason = SystemError("cannot make a private copy");
      ::close(memfd);
      throw PluginError(path.string(), reason);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fcntl(memfd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) != 0) {
    const std::string reason = SystemError("cannot seal its private copy");
    ::close(memfd);
    throw PluginError(path.string(), reason);
  }
  return PluginImage(path, std::move(bytes), memfd);
}

PluginImage::~PluginImage() {
  if (memfd_ >= 0) ::close(memfd_);
}

PluginImage::PluginImage(PluginImage&& other) noexcept
    : path_(std::move(other.path_)), bytes_(std::move(other.bytes_)), memfd_(other.memfd_) {
  other.memfd_ = -1;
}

int PluginImage::Duplicate() const {
  const int fd = ::fcntl(memfd_, F_DUPFD_CLOEXEC, 0);
  if (fd < 0) throw PluginError(path_.string(), SystemError("cannot duplicate its private copy"));
  return fd;
}

}  // namespace ledgerhost::plugins
