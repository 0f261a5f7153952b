// Where changelogs, included files, SQL files and CSV files come from. The engine reads every file
// through one loader, and a loader cannot leave its root: a plugin's changelog can only include
// the plugin's own resources.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledgerhost::migration {

class ResourceLoader {
 public:
  virtual ~ResourceLoader() = default;

  // The bytes of the resource at `path` (a normalized relative path), or nullopt if absent.
  virtual std::optional<std::string> Read(const std::string& path) const = 0;

  // Every resource below directory `dir` (normalized, "" = root), recursively, as full normalized
  // paths in plain string order.
  virtual std::vector<std::string> List(const std::string& dir) const = 0;

  // A human-readable name of the root for messages ("directory /x", "plugin libiou.so").
  virtual std::string Describe() const = 0;

  // Resolves `path` against the directory of `relative_to` (if given) and normalizes it: '\' -> '/',
  // "classpath:" and leading '/' dropped, "." and ".." collapsed. Throws ChangeLogError when the
  // result would leave the root.
  static std::string Resolve(std::string_view path, std::string_view relative_to = {});
};

// Resources are the files below a directory.
class DirectoryResourceLoader : public ResourceLoader {
 public:
  explicit DirectoryResourceLoader(std::filesystem::path root);
  std::optional<std::string> Read(const std::string& path) const override;
  std::vector<std::string> List(const std::string& dir) const override;
  std::string Describe() const override;
  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
};

// Liquibase's --search-path: several directories searched as one. A path found below more than one
// of them is an error, as Liquibase's default duplicateFileMode=ERROR makes it; listings merge.
class SearchPathResourceLoader : public ResourceLoader {
 public:
  explicit SearchPathResourceLoader(std::vector<std::filesystem::path> roots);
  std::optional<std::string> Read(const std::string& path) const override;
  std::vector<std::string> List(const std::string& dir) const override;
  std::string Describe() const override;

 private:
  std::vector<DirectoryResourceLoader> roots_;
};

// Resources held in memory: path -> bytes (a plugin's embedded resources, tests).
class MemoryResourceLoader : public ResourceLoader {
 public:
  MemoryResourceLoader(std::string description, std::map<std::string, std::string> files);
  std::optional<std::string> Read(const std::string& path) const override;
  std::vector<std::string> List(const std::string& dir) const override;
  std::string Describe() const override;

 private:
  std::string description_;
  std::map<std::string, std::string> files_;
};

}  // namespace ledgerhost::migration
