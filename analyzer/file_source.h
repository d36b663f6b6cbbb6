// FileSource: a ByteSource over a file on disk, read in chunks.
#pragma once

#include <string>

#include "byte_source.h"

namespace analyzer {

class FileSource : public ByteSource {
 public:
  explicit FileSource(const std::string& path);
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
