// FileSource: a ByteSource over a regular file on disk, read in chunks.
//
//   FileSource file(path);
//   if (!file.ok()) Fail(source, "cannot open: " + file.error());
//
// Only regular files are opened. The check is made on the opened
// descriptor, not on the path, because a path listed as a regular file can
// be swapped for something else (a FIFO, a device, a link) before it is
// opened; and the open itself never waits: a FIFO would otherwise block
// open() until some writer came, hanging the analyzer on hostile input.
#pragma once

#include <string>

#include "byte_source.h"

namespace analyzer {

class FileSource : public ByteSource {
 public:
  // What to do when `path` itself is a symbolic link. Inputs named on the
  // command line may be links; entries found by walking a directory are
  // never followed (the walk skips links, kRefuse closes the race).
  enum class Links { kFollow, kRefuse };

  // Opens `path` for reading. On failure ok() is false and error() says
  // why, without the path (callers name the file in their own message):
  // the system's reason, "not a regular file (a FIFO)" and the like, or
  // "symbolic link: links are never followed".
  explicit FileSource(const std::string& path, Links links = Links::kFollow);
  ~FileSource() override;
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  bool ok() const { return fd_ >= 0; }
  long Read(char* buf, size_t n) override;
  const std::string& error() const override { return error_; }

 private:
  int fd_ = -1;
  std::string error_;
};

}  // namespace analyzer
