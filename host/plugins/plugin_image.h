// A plugin file read once, so that the bytes checked are the bytes that run. The file is opened once
// and copied into a sealed in-memory file (memfd_create + F_SEAL_*); the signature and the ELF
// inspection read that copy, and the loader dlopen()s it through /proc/self/fd. Replacing or
// rewriting the file on disk after the checks changes nothing that is loaded. (A consequence: a
// plugin's $ORIGIN is /proc/self/fd, so its own dependencies come from the system's library path.)
#pragma once

#include <filesystem>
#include <string>

namespace ledgerhost::plugins {

class PluginImage {
 public:
  // Reads `path`. When `directory` is given, a path that resolves outside it (a symlink leaving the
  // plugins directory) is refused. Throws PluginError naming the path and the reason.
  static PluginImage Open(const std::filesystem::path& path, const std::filesystem::path& directory = {});
  ~PluginImage();
  PluginImage(PluginImage&& other) noexcept;
  PluginImage& operator=(PluginImage&&) = delete;
  PluginImage(const PluginImage&) = delete;

  const std::filesystem::path& path() const { return path_; }  // as found, for every message
  const std::string& bytes() const { return bytes_; }
  // A new descriptor of the sealed copy (close-on-exec), for dlopen("/proc/self/fd/<it>"). The loader
  // never closes it: the dynamic linker knows a library by the path it was opened with and keeps C++
  // libraries loaded to the end of the process (their unique symbols make them NODELETE), so a
  // number closed and reused would make a later plugin be taken for an earlier one. One descriptor
  // per plugin file loaded.
  int Duplicate() const;

 private:
  PluginImage(std::filesystem::path path, std::string bytes, int memfd)
      : path_(std::move(path)), bytes_(std::move(bytes)), memfd_(memfd) {}
  std::filesystem::path path_;
  std::string bytes_;
  int memfd_ = -1;
};

}  // namespace ledgerhost::plugins
