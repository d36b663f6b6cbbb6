// Test helpers: archives built in memory with libarchive's write API, so a
// test shows its fixture inline, and a scratch directory under /tmp that is
// removed when the test ends.
//
//   std::string zip = ArchiveBuilder(ArchiveType::kZip)
//                         .File("AzureBridge/AzS-XRP01/bridge.log", "line\n")
//                         .Symlink("AzureBridge/link.log", "bridge.log")
//                         .Build();
//   TempDir dir;
//   std::string path = dir.Write("bundle.zip", zip);
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace test {

enum class ArchiveType { kZip, kZipStored, kTar, kTarGz, k7z };

class ArchiveBuilder {
 public:
  explicit ArchiveBuilder(ArchiveType type) : type_(type) {}

  ArchiveBuilder& File(std::string name, std::string data) {
    members_.push_back({std::move(name), std::move(data), "", AE_IFREG, false});
    return *this;
  }
  ArchiveBuilder& Dir(std::string name) {
    members_.push_back({std::move(name), "", "", AE_IFDIR, false});
    return *this;
  }
  ArchiveBuilder& Symlink(std::string name, std::string target) {
    members_.push_back({std::move(name), "", std::move(target), AE_IFLNK, false});
    return *this;
  }
  ArchiveBuilder& Hardlink(std::string name, std::string target) {
    members_.push_back({std::move(name), "", std::move(target), AE_IFREG, true});
    return *this;
  }
  // Encrypts every member (zip only; throws at Build() if libarchive lacks crypto).
  ArchiveBuilder& Encrypted(std::string passphrase) {
    passphrase_ = std::move(passphrase);
    return *this;
  }

  // The archive's bytes. Throws std::runtime_error if libarchive refuses.
  std::string Build() const {
    std::string out;
    archive* a = archive_write_new();
    SetFormat(a);
    Check(a, archive_write_open(a, &out, nullptr, &Append, nullptr));
    for (const Member& m : members_) {
      archive_entry* e = archive_entry_new();
      archive_entry_set_pathname(e, m.name.c_str());
      archive_entry_set_filetype(e, m.type);
      archive_entry_set_perm(e, m.type == AE_IFDIR ? 0755 : 0644);
      archive_entry_set_mtime(e, 1795000000, 0);
      if (m.type == AE_IFLNK) archive_entry_set_symlink(e, m.link.c_str());
      if (m.hardlink) archive_entry_set_hardlink(e, m.link.c_str());
      archive_entry_set_size(e, static_cast<la_int64_t>(m.data.size()));
      Check(a, archive_write_header(a, e));
      if (!m.data.empty() && archive_write_data(a, m.data.data(), m.data.size()) < 0)
        Check(a, ARCHIVE_FATAL);
      archive_entry_free(e);
    }
    Check(a, archive_write_close(a));
    archive_write_free(a);
    return out;
  }

 private:
  struct Member {
    std::string name, data, link;
    unsigned type;
    bool hardlink;
  };

  void SetFormat(archive* a) const {
    switch (type_) {
      case ArchiveType::kZip: Check(a, archive_write_set_format_zip(a)); break;
      case ArchiveType::kZipStored:
        Check(a, archive_write_set_format_zip(a));
        Check(a, archive_write_set_options(a, "zip:compression=store"));
        break;
      case ArchiveType::kTar: Check(a, archive_write_set_format_pax_restricted(a)); break;
      case ArchiveType::kTarGz:
        Check(a, archive_write_set_format_pax_restricted(a));
        Check(a, archive_write_add_filter_gzip(a));
        break;
      case ArchiveType::k7z: Check(a, archive_write_set_format_7zip(a)); break;
    }
    if (!passphrase_.empty()) {
      Check(a, archive_write_set_options(a, "zip:encryption=zipcrypt"));
      Check(a, archive_write_set_passphrase(a, passphrase_.c_str()));
    }
    // Output is padded to 10 KiB blocks by default; no padding keeps the
    // bytes exactly what the format needs (and truncation tests honest).
    archive_write_set_bytes_in_last_block(a, 1);
  }

  static la_ssize_t Append(archive*, void* out, const void* buf, size_t n) {
    static_cast<std::string*>(out)->append(static_cast<const char*>(buf), n);
    return static_cast<la_ssize_t>(n);
  }

  static void Check(archive* a, int r) {
    if (r < ARCHIVE_WARN) {
      const char* e = archive_error_string(a);
      throw std::runtime_error(std::string("archive builder: ") + (e ? e : "failed"));
    }
  }

  ArchiveType type_;
  std::string passphrase_;
  std::vector<Member> members_;
};

// Opens the archive writer `a` so that it appends its output to *out.
inline int OpenWriterOnString(archive* a, std::string* out) {
  return archive_write_open(
      a, out, nullptr,
      [](archive*, void* o, const void* buf, size_t n) -> la_ssize_t {
        static_cast<std::string*>(o)->append(static_cast<const char*>(buf), n);
        return static_cast<la_ssize_t>(n);
      },
      nullptr);
}

// `data` compressed as a single .gz file (the gzip filter, no archive format).
inline std::string Gzip(std::string_view data) {
  std::string out;
  archive* a = archive_write_new();
  archive_write_set_format_raw(a);
  archive_write_add_filter_gzip(a);
  OpenWriterOnString(a, &out);
  archive_entry* e = archive_entry_new();
  archive_entry_set_filetype(e, AE_IFREG);
  archive_entry_set_size(e, static_cast<la_int64_t>(data.size()));
  archive_write_header(a, e);
  archive_write_data(a, data.data(), data.size());
  archive_entry_free(e);
  archive_write_close(a);
  archive_write_free(a);
  return out;
}

// A fresh directory under /tmp, removed with everything in it at scope exit.
class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/analyzer-unit-XXXXXX";
    if (::mkdtemp(tmpl) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }

  // Writes `data` to `relative` (parent folders created); returns the full path.
  std::string Write(const std::string& relative, std::string_view data) const {
    const std::filesystem::path p = std::filesystem::path(path_) / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary).write(data.data(), static_cast<std::streamsize>(data.size()));
    return p.string();
  }

  // Creates the symbolic link `relative` -> `target`; returns its full path.
  std::string Symlink(const std::string& relative, const std::string& target) const {
    const std::filesystem::path p = std::filesystem::path(path_) / relative;
    std::filesystem::create_directories(p.parent_path());
    std::filesystem::create_symlink(target, p);
    return p.string();
  }

 private:
  std::string path_;
};

}  // namespace test
