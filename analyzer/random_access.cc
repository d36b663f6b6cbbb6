#include "random_access.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace analyzer {

bool RandomAccess::CheckRange(uint64_t offset, uint64_t length, std::string* error) const {
  // Written so that no sum can wrap: offset and length may come from a
  // hostile header.
  if (offset <= size() && length <= size() - offset) return true;
  *error = "byte range [" + std::to_string(offset) + ", +" + std::to_string(length) +
           ") is outside the " + std::to_string(size()) + " bytes available";
  return false;
}

// One descriptor shared by every range of a file. pread() takes its offset as
// an argument and never moves the file position, so threads can share the
// descriptor without a lock. One descriptor rather than one per worker: a
// bundle can hold thousands of members (descriptors are a limited resource),
// and every worker then reads the very file that was opened, even if the
// path is replaced meanwhile.
struct FileRange::Descriptor {
  explicit Descriptor(int f) : fd(f) {}
  ~Descriptor() { ::close(fd); }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int fd;
};

std::unique_ptr<FileRange> FileRange::Open(const std::string& path, std::string* error) {
  // O_NOFOLLOW: a link inside a bundle must not lead the reader elsewhere
  // (callers that accept a link resolve it first). O_NONBLOCK: opening a FIFO
  // must not wait for a writer; it is refused just below anyway.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0) {
    *error = path + ": cannot open: " +
             (errno == ELOOP ? std::string("is a symbolic link") : std::strerror(errno));
    return nullptr;
  }
  auto descriptor = std::make_shared<const Descriptor>(fd);
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    *error = path + ": cannot stat: " + std::strerror(errno);
    return nullptr;
  }
  if (!S_ISREG(st.st_mode)) {
    *error = path + ": not a regular file";
    return nullptr;
  }
  return std::unique_ptr<FileRange>(
      new FileRange(std::move(descriptor), 0, static_cast<uint64_t>(st.st_size)));
}

bool FileRange::ReadAt(uint64_t offset, char* buf, size_t n, std::string* error) const {
  if (!CheckRange(offset, n, error)) return false;
  uint64_t at = begin_ + offset;
  while (n > 0) {
    const ssize_t k = ::pread(fd_->fd, buf, n, static_cast<off_t>(at));
    if (k < 0 && errno == EINTR) continue;
    if (k < 0) return *error = std::string("read error: ") + std::strerror(errno), false;
    if (k == 0) return *error = "unexpected end of file (did it shrink while being read?)", false;
    buf += k, at += static_cast<uint64_t>(k), n -= static_cast<size_t>(k);
  }
  return true;
}

std::unique_ptr<RandomAccess> FileRange::Slice(uint64_t offset, uint64_t length,
                                               std::string* error) const {
  if (!CheckRange(offset, length, error)) return nullptr;
  return std::unique_ptr<RandomAccess>(new FileRange(fd_, begin_ + offset, length));
}

MemoryRange::MemoryRange(std::shared_ptr<const std::string> buffer)
    : buffer_(std::move(buffer)), begin_(0), length_(buffer_->size()) {}

bool MemoryRange::ReadAt(uint64_t offset, char* buf, size_t n, std::string* error) const {
  if (!CheckRange(offset, n, error)) return false;
  if (n > 0) std::memcpy(buf, buffer_->data() + begin_ + offset, n);
  return true;
}

std::unique_ptr<RandomAccess> MemoryRange::Slice(uint64_t offset, uint64_t length,
                                                 std::string* error) const {
  if (!CheckRange(offset, length, error)) return nullptr;
  return std::unique_ptr<RandomAccess>(new MemoryRange(buffer_, begin_ + offset, length));
}

}  // namespace analyzer
