// RandomAccess: bytes that can be read at any offset, from any thread: a
// file on disk, a byte range of one (a zip stored uncompressed inside a zip),
// or a buffer in memory. It is what a zip's central directory needs (the
// directory sits at the end) and what lets worker threads inflate several
// members of one archive at once.
//
//   std::string error;
//   std::unique_ptr<RandomAccess> file = FileRange::Open("bundle.zip", &error);
//   if (!file) return Fail(error);
//   // The inner zip is stored at [offset, offset + size) of the outer one.
//   std::unique_ptr<RandomAccess> inner = file->Slice(offset, size, &error);
//
// Offsets are always relative to the range itself: offset 0 of a slice is
// the first byte of the slice, whatever it lies in.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace analyzer {

class RandomAccess {
 public:
  virtual ~RandomAccess() = default;

  // Number of bytes in the range; fixed for the object's life.
  virtual uint64_t size() const = 0;

  // Reads exactly `n` bytes at `offset` into `buf`. Returns false, with the
  // reason in `*error`, when [offset, offset + n) is not inside the range or
  // the bytes cannot be read (a file that shrank, an I/O error).
  // Thread-safe: any number of threads may read the same object at once.
  virtual bool ReadAt(uint64_t offset, char* buf, size_t n, std::string* error) const = 0;

  // A range over [offset, offset + length) of this one, sharing what backs
  // it (the file descriptor or the buffer), so it stays valid after this
  // object is gone. Costs one small allocation, no I/O. Returns null, with
  // the reason in `*error`, when the sub-range is not inside this range.
  virtual std::unique_ptr<RandomAccess> Slice(uint64_t offset, uint64_t length,
                                              std::string* error) const = 0;

 protected:
  // True when [offset, offset + length) lies inside [0, size()); otherwise
  // false, with a message naming both, in `*error`.
  bool CheckRange(uint64_t offset, uint64_t length, std::string* error) const;
};

// A byte range of a regular file. All ranges opened from one Open() share
// one read-only descriptor, closed when the last of them is destroyed.
class FileRange : public RandomAccess {
 public:
  // Opens `path` (a regular file; a symbolic link, a FIFO or a device is
  // refused) and returns a range over all of it, as long as it was at the
  // time of opening. Returns null with the reason in `*error`.
  static std::unique_ptr<FileRange> Open(const std::string& path, std::string* error);

  uint64_t size() const override { return length_; }
  bool ReadAt(uint64_t offset, char* buf, size_t n, std::string* error) const override;
  std::unique_ptr<RandomAccess> Slice(uint64_t offset, uint64_t length,
                                      std::string* error) const override;

 private:
  struct Descriptor;
  FileRange(std::shared_ptr<const Descriptor> fd, uint64_t begin, uint64_t length)
      : fd_(std::move(fd)), begin_(begin), length_(length) {}

  std::shared_ptr<const Descriptor> fd_;
  uint64_t begin_;  // in the file
  uint64_t length_;
};

// A byte range of a buffer in memory (a nested archive that was loaded).
// Keeps the buffer alive; never copies it.
class MemoryRange : public RandomAccess {
 public:
  // The whole of `*buffer`. `buffer` must not be null.
  explicit MemoryRange(std::shared_ptr<const std::string> buffer);

  uint64_t size() const override { return length_; }
  bool ReadAt(uint64_t offset, char* buf, size_t n, std::string* error) const override;
  std::unique_ptr<RandomAccess> Slice(uint64_t offset, uint64_t length,
                                      std::string* error) const override;

 private:
  MemoryRange(std::shared_ptr<const std::string> buffer, uint64_t begin, uint64_t length)
      : buffer_(std::move(buffer)), begin_(begin), length_(length) {}

  std::shared_ptr<const std::string> buffer_;
  uint64_t begin_;  // in the buffer
  uint64_t length_;
};

}  // namespace analyzer
