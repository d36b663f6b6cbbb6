// BlockChannel: hands one file's bytes from the thread that inflates the
// bundle to the thread that parses it, in blocks, with bounded memory: the
// producer waits when `capacity` blocks are in flight. Blocks are recycled,
// so a steady stream allocates nothing.
//
//   producer: while (n = src.Read(...)) channel.Push(...); channel.Close("");
//   consumer: ChannelSource src(channel); ... src.Read(buf, n) ...
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include "byte_source.h"

namespace analyzer {

class BlockChannel {
 public:
  explicit BlockChannel(size_t capacity = 4) : capacity_(capacity) {}

  // Producer side. Push blocks until the queue has room; returns false if
  // the consumer gave up (then stop producing).
  bool Push(std::string&& block);
  // No more blocks; a non-empty `error` makes the consumer's Read fail with it.
  void Close(const std::string& error);
  // A recycled buffer for the next block (empty string if none).
  std::string TakeSpare();

  // Consumer side: the next block, or false at the end (see error()).
  bool Pop(std::string* block);
  void GiveBack(std::string&& block);
  void Abandon();  // the consumer stops reading: producers are released
  std::string error() const;

 private:
  mutable std::mutex mu_;
  std::condition_variable changed_;
  std::deque<std::string> queue_;
  std::vector<std::string> spares_;
  size_t capacity_;
  bool closed_ = false, abandoned_ = false;
  std::string error_;
};

// The consumer's view of a channel as a ByteSource.
class ChannelSource : public ByteSource {
 public:
  explicit ChannelSource(BlockChannel& channel) : channel_(channel) {}
  ~ChannelSource() override { channel_.Abandon(); }
  long Read(char* buf, size_t n) override;
  const std::string& error() const override { return error_; }

 private:
  BlockChannel& channel_;
  std::string block_;
  size_t pos_ = 0;
  std::string error_;
};

}  // namespace analyzer
