#include "block_channel.h"

#include <algorithm>
#include <cstring>

namespace analyzer {

bool BlockChannel::Push(std::string&& block) {
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait(lock, [&] { return queue_.size() < capacity_ || abandoned_; });
  if (abandoned_) return false;
  queue_.push_back(std::move(block));
  changed_.notify_all();
  return true;
}

void BlockChannel::Close(const std::string& error) {
  std::lock_guard<std::mutex> lock(mu_);
  closed_ = true;
  error_ = error;
  changed_.notify_all();
}

std::string BlockChannel::TakeSpare() {
  std::lock_guard<std::mutex> lock(mu_);
  if (spares_.empty()) return std::string();
  std::string s = std::move(spares_.back());
  spares_.pop_back();
  return s;
}

bool BlockChannel::Pop(std::string* block) {
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait(lock, [&] { return !queue_.empty() || closed_; });
  if (queue_.empty()) return false;
  *block = std::move(queue_.front());
  queue_.pop_front();
  changed_.notify_all();
  return true;
}

void BlockChannel::GiveBack(std::string&& block) {
  std::lock_guard<std::mutex> lock(mu_);
  if (spares_.size() < capacity_) spares_.push_back(std::move(block));
}

void BlockChannel::Abandon() {
  std::lock_guard<std::mutex> lock(mu_);
  abandoned_ = true;
  queue_.clear();
  changed_.notify_all();
}

std::string BlockChannel::error() const {
  std::lock_guard<std::mutex> lock(mu_);
  return error_;
}

long ChannelSource::Read(char* buf, size_t n) {
  while (pos_ >= block_.size()) {
    if (!block_.empty()) channel_.GiveBack(std::move(block_));
    block_.clear();
    pos_ = 0;
    if (!channel_.Pop(&block_)) {
      error_ = channel_.error();
      return error_.empty() ? 0 : -1;
    }
  }
  const size_t k = std::min(n, block_.size() - pos_);
  std::memcpy(buf, block_.data() + pos_, k);
  pos_ += k;
  return static_cast<long>(k);
}

}  // namespace analyzer
