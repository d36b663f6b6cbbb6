#include "file_source.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace analyzer {

FileSource::FileSource(const std::string& path) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) error_ = std::strerror(errno);
}

FileSource::~FileSource() {
  if (fd_ >= 0) ::close(fd_);
}

long FileSource::Read(char* buf, size_t n) {
  if (fd_ < 0) return -1;
  for (;;) {
    const ssize_t k = ::read(fd_, buf, n);
    if (k >= 0) return static_cast<long>(k);
    if (errno == EINTR) continue;
    error_ = std::strerror(errno);
    return -1;
  }
}

}  // namespace analyzer
