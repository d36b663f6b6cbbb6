#include "bundle_reader.h"

#include <sys/stat.h>

#include <cstring>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <vector>

#include "archive_io.h"
#include "file_source.h"

namespace analyzer {
namespace {

namespace fs = std::filesystem;
using namespace archive_io;

}  // namespace

void BundleReader::Fail(const std::string& source, const std::string& kind, const std::string& reason) {
  InventoryItem item;
  item.source = source;
  item.kind = kind;
  item.status = EntryStatus::kFailed;
  item.reason = reason;
  sink_.OnInventory(std::move(item));
}

void BundleReader::Skip(const std::string& source, const std::string& reason) {
  InventoryItem item;
  item.source = source;
  item.kind = "file";
  item.status = EntryStatus::kSkipped;
  item.reason = reason;
  sink_.OnInventory(std::move(item));
}

bool BundleReader::CountEntry(const std::string& source) {
  if (++entries_ <= limits_.max_entries) return true;
  if (!entry_limit_reported_) {
    sink_.OnProblem({source, "more than " + std::to_string(limits_.max_entries) +
                                 " entries in this input (--max-entries): the rest is not read"});
    entry_limit_reported_ = true;
  }
  stopped_ = true;
  return false;
}

bool BundleReader::ReadInput(const std::string& path) {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) {
    Fail(path, "file", std::string("cannot open: ") + std::strerror(errno));
    return false;
  }
  if (S_ISDIR(st.st_mode)) return ReadDirectory(path);
  if (S_ISLNK(st.st_mode) && ::stat(path.c_str(), &st) != 0) {
    Fail(path, "file", "dangling symbolic link");
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    Fail(path, "file", "not a regular file");
    return false;
  }
  return ReadPlainFile(path, path);
}

bool BundleReader::ReadDirectory(const std::string& given) {
  // "logs/" and "logs" name the same sources ("logs/x.log", never "logs//x.log").
  std::string root = given;
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  std::vector<std::string> files;  // relative paths, sorted for a stable order
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::none, ec), end;
  if (ec) {
    Fail(root, "directory", "cannot list: " + ec.message());
    return false;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      sink_.OnProblem({root, "cannot list part of the directory: " + ec.message()});
      break;
    }
    // Lexical, not fs::relative: that one resolves links, so a link would be
    // reported under its target's name (or outside the input).
    const std::string rel = it->path().lexically_relative(root).generic_string();
    if (it->is_symlink(ec)) {
      Skip(root + "/" + rel, "symbolic link: links are never followed");
      if (it->is_directory(ec)) it.disable_recursion_pending();
    } else if (it->is_regular_file(ec)) {
      files.push_back(rel);
    } else if (!it->is_directory(ec)) {
      Skip(root + "/" + rel, "not a regular file");
    }
  }
  std::sort(files.begin(), files.end());
  bool any = true;  // an empty directory was read: it just holds nothing
  for (const std::string& rel : files) {
    if (stopped_) break;
    const std::string path = root + "/" + rel;
    // Listed as a regular file: if it became a link since, it is refused.
    if (CountEntry(path)) ReadPlainFile(path, path, FileSource::Links::kRefuse);
  }
  return any;
}

bool BundleReader::ReadPlainFile(const std::string& path, const std::string& source, FileSource::Links links) {
  FileSource file(path, links);
  if (!file.ok()) {
    Fail(source, "file", "cannot open: " + file.error());
    return false;
  }
  std::string head;
  if (!ReadUpTo(file, kHeadBytes, &head)) {
    Fail(source, "file", "cannot read: " + file.error());
    return false;
  }
  std::string why;
  switch (ClassifyMember(path, head, &why)) {
    case MemberKind::kArchive: return ReadArchiveFile(path, source, false, LooksLikeZip(head));
    case MemberKind::kCompressedFile: return ReadArchiveFile(path, source, true, false);
    case MemberKind::kBinary: Skip(source, why); return true;
    case MemberKind::kText: break;
  }
  PrefixedSource data(head, file);
  EntryInfo info{source, path, 0, -1};
  sink_.OnFile(info, data);
  return true;
}

bool BundleReader::ReadArchiveFile(const std::string& path, const std::string& source, bool raw_allowed,
                                   bool zip) {
  // libarchive lists the members; the zip's own directory tells where each
  // one's bytes are, so parsing threads can inflate them in parallel.
  // FileRange refuses links; an input given through a link was accepted above.
  std::string why;
  std::error_code ec;
  const fs::path real = fs::canonical(path, ec);
  const std::unique_ptr<ZipLocator> located =
      zip && !ec ? LocatorFor(FileRange::Open(real.string(), &why)) : nullptr;
  ArchivePtr a = NewArchiveReader(raw_allowed);
  if (archive_read_open_filename(a.get(), path.c_str(), 256 << 10) != ARCHIVE_OK) {
    Fail(source, "archive", "not a readable archive: " + ArchiveError(a.get(), "unknown format"));
    return false;
  }
  struct stat st;
  const uint64_t size = ::stat(path.c_str(), &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;
  return WalkArchive(a.get(), source, 1, size, nullptr, located.get());
}

}  // namespace analyzer
