#include "directory_sink.h"

#include <sys/stat.h>
#include <utime.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace samplegen {
namespace {

class DirectorySink : public EntrySink {
 public:
  explicit DirectorySink(std::string root) : root_(std::move(root)) {}

  bool AddBytes(const std::string& path, std::string_view data, Ticks mtime) override {
    std::FILE* out = Create(path);
    if (out == nullptr) return false;
    const bool ok = std::fwrite(data.data(), 1, data.size(), out) == data.size();
    return Finish(path, out, ok, mtime);
  }

  bool AddFile(const std::string& path, std::FILE* file, Ticks mtime) override {
    std::FILE* out = Create(path);
    if (out == nullptr) return false;
    std::rewind(file);
    std::vector<char> chunk(1 << 20);
    bool ok = true;
    size_t got;
    while (ok && (got = std::fread(chunk.data(), 1, chunk.size(), file)) > 0) {
      ok = std::fwrite(chunk.data(), 1, got, out) == got;
    }
    return Finish(path, out, ok && !std::ferror(file), mtime);
  }

  bool Close() override { return true; }

 private:
  std::FILE* Create(const std::string& path) {
    const std::string full = root_ + "/" + path;
    const size_t slash = full.rfind('/');
    std::FILE* out =
        MakeDirectories(full.substr(0, slash)) ? std::fopen(full.c_str(), "wb") : nullptr;
    if (out == nullptr) error_ = "cannot create " + full + ": " + std::strerror(errno);
    return out;
  }

  bool Finish(const std::string& path, std::FILE* out, bool ok, Ticks mtime) {
    const std::string full = root_ + "/" + path;
    ok = (std::fclose(out) == 0) && ok;
    if (!ok) {
      error_ = "cannot write " + full;
      return false;
    }
    utimbuf times{static_cast<time_t>(mtime / kTicksPerSecond),
                  static_cast<time_t>(mtime / kTicksPerSecond)};
    ::utime(full.c_str(), &times);  // best effort: contents are what must be reproducible
    return true;
  }

  std::string root_;
};

}  // namespace

bool MakeDirectories(const std::string& path) {
  for (size_t pos = 1; pos <= path.size(); ++pos) {
    if (pos != path.size() && path[pos] != '/') continue;
    const std::string prefix = path.substr(0, pos);
    if (::mkdir(prefix.c_str(), 0755) != 0 && errno != EEXIST) return false;
  }
  return true;
}

std::unique_ptr<EntrySink> OpenDirectorySink(const std::string& root, std::string* error) {
  if (!MakeDirectories(root)) {
    *error = "cannot create directory " + root + ": " + std::strerror(errno);
    return nullptr;
  }
  return std::make_unique<DirectorySink>(root);
}

}  // namespace samplegen
