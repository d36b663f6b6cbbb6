#include "archive_sink.h"

#include <archive.h>
#include <archive_entry.h>

#include <vector>

namespace samplegen {
namespace {

class ArchiveSink : public EntrySink {
 public:
  ArchiveSink() : archive_(archive_write_new()) {}
  ~ArchiveSink() override { archive_write_free(archive_); }

  bool Open(const ArchiveOptions& options, std::FILE* file) {
    options_ = options;
    const std::string lvl = std::to_string(options.compression_level);
    bool ok;
    if (options.format == ArchiveFormat::kZip) {
      ok = archive_write_set_format_zip(archive_) == ARCHIVE_OK &&
           archive_write_set_options(
               archive_, ("zip:compression=deflate,zip:compression-level=" + lvl).c_str()) ==
               ARCHIVE_OK;
    } else {
      ok = archive_write_set_format_pax_restricted(archive_) == ARCHIVE_OK &&
           archive_write_add_filter_gzip(archive_) == ARCHIVE_OK &&
           archive_write_set_options(
               archive_, ("gzip:!timestamp,gzip:compression-level=" + lvl).c_str()) == ARCHIVE_OK;
    }
    // Without this libarchive pads the output to a 10 KiB block with zeros, which zip
    // readers and gzip then complain about as trailing garbage.
    ok = ok && archive_write_set_bytes_in_last_block(archive_, 1) == ARCHIVE_OK;
    return (ok && archive_write_open_FILE(archive_, file) == ARCHIVE_OK) ||
           Fail("cannot start archive");
  }

  bool AddBytes(const std::string& path, std::string_view data, Ticks mtime) override {
    return Header(path, data.size(), mtime) && Write(data.data(), data.size());
  }

  bool AddFile(const std::string& path, std::FILE* file, Ticks mtime) override {
    if (std::fseek(file, 0, SEEK_END) != 0) return Fail("cannot size spooled member");
    const long size = std::ftell(file);
    std::rewind(file);
    if (size < 0 || !Header(path, static_cast<uint64_t>(size), mtime)) return false;
    std::vector<char> chunk(1 << 20);
    size_t got;
    while ((got = std::fread(chunk.data(), 1, chunk.size(), file)) > 0) {
      if (!Write(chunk.data(), got)) return false;
    }
    return !std::ferror(file) || Fail("cannot read spooled member");
  }

  bool Close() override {
    return archive_write_close(archive_) == ARCHIVE_OK || Fail("cannot finish archive");
  }

 private:
  bool Header(const std::string& path, uint64_t size, Ticks mtime) {
    if (options_.format == ArchiveFormat::kZip && options_.store_zip_members) {
      const bool nested = path.size() > 4 && path.compare(path.size() - 4, 4, ".zip") == 0;
      if ((nested ? archive_write_zip_set_compression_store(archive_)
                  : archive_write_zip_set_compression_deflate(archive_)) != ARCHIVE_OK) {
        return Fail("cannot choose the compression method");
      }
    }
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, path.c_str());
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_entry_set_size(entry, static_cast<la_int64_t>(size));
    archive_entry_set_mtime(entry, mtime / kTicksPerSecond, 0);
    archive_entry_set_uid(entry, 0);
    archive_entry_set_gid(entry, 0);
    const int rc = archive_write_header(archive_, entry);
    archive_entry_free(entry);
    return rc == ARCHIVE_OK || Fail(("cannot add " + path).c_str());
  }

  bool Write(const char* data, size_t size) {
    while (size > 0) {
      const la_ssize_t n = archive_write_data(archive_, data, size);
      if (n <= 0) return Fail("cannot write member data");
      data += n;
      size -= static_cast<size_t>(n);
    }
    return true;
  }

  bool Fail(const char* what) {
    const char* detail = archive_error_string(archive_);
    error_ = std::string(what) + (detail ? ": " + std::string(detail) : "");
    return false;
  }

  archive* archive_;
  ArchiveOptions options_{};
};

}  // namespace

std::unique_ptr<EntrySink> OpenArchiveSink(const ArchiveOptions& options, std::FILE* file,
                                           std::string* error) {
  auto sink = std::make_unique<ArchiveSink>();
  if (!sink->Open(options, file)) {
    *error = sink->error();
    return nullptr;
  }
  return sink;
}

}  // namespace samplegen
