#include "file_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace analyzer {
namespace {

// What a path is when it is not a regular file, for the message.
const char* FileTypeName(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "an unknown file type";
}

// Opens without waiting, refusing anything but a regular file, then goes
// back to blocking reads. Returns the descriptor, or -1 with `*error` set.
int OpenRegularFile(const std::string& path, bool follow_links, std::string* error) {
  // O_NONBLOCK: open() of a FIFO returns at once instead of waiting for a
  // writer. O_NOCTTY: a terminal device must not become ours before it is
  // refused.
  const int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | (follow_links ? 0 : O_NOFOLLOW);
  const int fd = ::open(path.c_str(), flags);
  if (fd < 0) {
    *error = errno == ELOOP && !follow_links ? "symbolic link: links are never followed"
                                             : std::strerror(errno);
    return -1;
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    *error = std::strerror(errno);
  } else if (!S_ISREG(st.st_mode)) {
    *error = std::string("not a regular file (") + FileTypeName(st.st_mode) + ")";
  } else {
    // Regular files ignore O_NONBLOCK on Linux, but a network file system
    // may honour it with EAGAIN: the reads are meant to wait for the data.
    const int status = ::fcntl(fd, F_GETFL);
    if (status >= 0 && ::fcntl(fd, F_SETFL, status & ~O_NONBLOCK) == 0) return fd;
    *error = std::strerror(errno);
  }
  ::close(fd);
  return -1;
}

}  // namespace

FileSource::FileSource(const std::string& path, Links links) {
  fd_ = OpenRegularFile(path, links == Links::kFollow, &error_);
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
