#include "batch_files.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace analyzer {

namespace fs = std::filesystem;

namespace {

using Writer = std::function<bool(std::ostream&)>;

bool WriteInPlace(const std::string& path, const Writer& write, std::string* error) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!write(f)) f.setstate(std::ios::failbit);
  f.close();
  if (!f.fail()) return true;
  *error = "cannot write " + path + ": " + std::strerror(errno);
  return false;
}

}  // namespace

// Written beside the target, then renamed over it: a reader never sees half
// a file, and a file that `merge` hard-linked elsewhere keeps its content
// when a later batch rewrites the original (a new inode, not a truncation).
// Symbolic links, devices (/dev/stdout) and pipes are written in place:
// renaming would replace the link or the device node itself.
bool WriteTextFile(const std::string& path, const std::string& text, std::string* error) {
  return WriteFileWith(path, [&](std::ostream& out) { return static_cast<bool>(out << text); }, error);
}

bool WriteFileWith(const std::string& path, const Writer& write, std::string* error) {
  std::error_code ec;
  const fs::file_status st = fs::symlink_status(path, ec);
  if (st.type() != fs::file_type::regular && st.type() != fs::file_type::not_found)
    return WriteInPlace(path, write, error);
  const std::string part = path + ".part";
  std::ofstream f(part, std::ios::binary | std::ios::trunc);
  if (!write(f)) f.setstate(std::ios::failbit);
  f.close();
  if (!f.fail()) fs::rename(part, path, ec);
  if (!f.fail() && !ec) return true;
  *error = "cannot write " + path + ": " + (ec ? ec.message() : std::string(std::strerror(errno)));
  fs::remove(part, ec);
  return false;
}

bool MakeDirectory(const std::string& dir, std::string* error) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (!ec && fs::is_directory(dir, ec)) return true;
  *error = "cannot create directory " + dir + (ec ? ": " + ec.message() : ": a file is in the way");
  return false;
}

bool PlaceFile(const std::string& from, const std::string& to, std::string* error) {
  std::error_code ec;
  if (fs::equivalent(from, to, ec)) return true;
  fs::remove(to, ec);
  fs::create_hard_link(from, to, ec);
  if (!ec) return true;
  ec.clear();
  fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
  if (!ec) return true;
  *error = "cannot copy " + from + " to " + to + ": " + ec.message();
  return false;
}

uint64_t SizeOnDisk(const std::string& path) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) {
    const uintmax_t n = fs::file_size(path, ec);
    return ec ? 0 : n;
  }
  if (!fs::is_directory(path, ec)) return 0;
  uint64_t total = 0;
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code ec2;
    if (!it->is_regular_file(ec2)) continue;
    const uintmax_t n = it->file_size(ec2);
    if (!ec2) total += n;
  }
  return total;
}

}  // namespace analyzer
