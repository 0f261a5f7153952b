#include "migration/model/resource_loader.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/error.h"

namespace ledgerhost::migration {

std::string ResourceLoader::Resolve(std::string_view path, std::string_view relative_to) {
  std::string p(path);
  std::replace(p.begin(), p.end(), '\\', '/');
  if (p.rfind("classpath:", 0) == 0) p.erase(0, 10);
  std::string joined = p;
  if (!relative_to.empty()) {
    std::string base(relative_to);
    std::replace(base.begin(), base.end(), '\\', '/');
    auto slash = base.rfind('/');
    joined = (slash == std::string::npos ? std::string() : base.substr(0, slash + 1)) + p;
  }
  std::vector<std::string> parts;
  std::stringstream in(joined);
  std::string part;
  while (std::getline(in, part, '/')) {
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (parts.empty()) {
        throw ChangeLogError("resource path '" + std::string(path) + "'" +
                             (relative_to.empty() ? "" : " (relative to '" + std::string(relative_to) + "')") +
                             " leaves the resource root");
      }
      parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  std::string out;
  for (const auto& piece : parts) out += (out.empty() ? "" : "/") + piece;
  return out;
}

DirectoryResourceLoader::DirectoryResourceLoader(std::filesystem::path root)
    : root_(std::filesystem::weakly_canonical(std::move(root))) {}

std::optional<std::string> DirectoryResourceLoader::Read(const std::string& path) const {
  const std::string normalized = Resolve(path);
  std::filesystem::path full = root_ / normalized;
  std::error_code ec;
  // Symlinks may not lead outside the root either.
  auto canonical = std::filesystem::weakly_canonical(full, ec);
  if (ec) return std::nullopt;
  auto rel = canonical.lexically_relative(root_);
  if (rel.empty() || *rel.begin() == "..") {
    throw ChangeLogError("resource '" + path + "' resolves outside " + Describe());
  }
  if (!std::filesystem::is_regular_file(canonical, ec)) return std::nullopt;
  std::ifstream file(canonical, std::ios::binary);
  if (!file) return std::nullopt;
  std::ostringstream buffer;
  buffer << file.rdbuf();
  return buffer.str();
}

std::vector<std::string> DirectoryResourceLoader::List(const std::string& dir) const {
  const std::string normalized = Resolve(dir);
  std::vector<std::string> out;
  std::error_code ec;
  auto start = root_ / normalized;
  if (!std::filesystem::is_directory(start, ec)) return out;
  for (auto it = std::filesystem::recursive_directory_iterator(start, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec)) out.push_back(it->path().lexically_relative(root_).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string DirectoryResourceLoader::Describe() const { return "directory " + root_.string(); }

SearchPathResourceLoader::SearchPathResourceLoader(std::vector<std::filesystem::path> roots) {
  if (roots.empty()) throw ConfigError("the search path names no directory");
  for (auto& root : roots) roots_.emplace_back(std::move(root));
}

std::optional<std::string> SearchPathResourceLoader::Read(const std::string& path) const {
  std::optional<std::string> found;
  std::vector<std::string> where;
  for (const auto& root : roots_) {
    if (auto bytes = root.Read(path)) {
      if (!found) found = std::move(bytes);
      where.push_back(root.Describe());
    }
  }
  if (where.size() > 1) {
    std::string message = "Found " + std::to_string(where.size()) + " files with the path '" + path + "':";
    for (const auto& w : where) message += " " + w + ";";
    throw ChangeLogError(message + " limit the search path so that only one has it");
  }
  return found;
}

std::vector<std::string> SearchPathResourceLoader::List(const std::string& dir) const {
  std::vector<std::string> out;
  for (const auto& root : roots_) {
    auto listed = root.List(dir);
    out.insert(out.end(), listed.begin(), listed.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string SearchPathResourceLoader::Describe() const {
  if (roots_.size() == 1) return roots_.front().Describe();
  std::string out = "search path";
  for (const auto& root : roots_) out += (&root == &roots_.front() ? " " : ", ") + root.root().string();
  return out;
}

MemoryResourceLoader::MemoryResourceLoader(std::string description, std::map<std::string, std::string> files)
    : description_(std::move(description)) {
  for (auto& [path, bytes] : files) files_.emplace(Resolve(path), std::move(bytes));
}

std::optional<std::string> MemoryResourceLoader::Read(const std::string& path) const {
  auto it = files_.find(Resolve(path));
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> MemoryResourceLoader::List(const std::string& dir) const {
  std::string prefix = Resolve(dir);
  if (!prefix.empty()) prefix += "/";
  std::vector<std::string> out;
  for (const auto& [path, bytes] : files_) {
    if (path.rfind(prefix, 0) == 0) out.push_back(path);
  }
  return out;  // std::map keeps them in string order
}

std::string MemoryResourceLoader::Describe() const { return description_; }

}  // namespace ledgerhost::migration
