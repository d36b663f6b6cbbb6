// Verbose padding records for the large (benchmark) bundle. Record times advance in
// proportion to the bytes produced, so `budget_bytes` of padding spreads evenly over
// [start, end) whatever the budget; the injected failures stay where the plan put them.
//
//   FillerSource filler(seed, start, end, 64 << 20, "AzS-XRP01", /*usage=*/true);
//   while (filler.next_time() != kNever) { filler.Next(&level, &tid, &component, &text); ... }
#ifndef SAMPLES_GENERATOR_FILLER_H_
#define SAMPLES_GENERATOR_FILLER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "civil_time.h"
#include "log_event.h"
#include "prng.h"

namespace samplegen {

class FillerSource {
 public:
  // `usage` picks the Usage Bridge vocabulary, else the AzureBridge service's.
  FillerSource(uint64_t seed, Ticks start, Ticks end, uint64_t budget_bytes, std::string vm,
               bool usage);

  // The time of the next record, or kNever once the budget is spent.
  Ticks next_time() const { return next_time_; }

  // Produces the next record (its time is next_time()) into the out-parameters; `text` is
  // overwritten. Cheap: a few integer appends, no formatting library.
  void Next(Level* level, int* tid, std::string_view* component, std::string* text);

 private:
  void AppendUsageText(std::string* text);
  void AppendBridgeText(std::string* text);
  void Advance();

  Prng prng_;
  Ticks start_;
  Ticks end_;
  uint64_t budget_;
  uint64_t produced_ = 0;
  Ticks next_time_;
  std::string vm_;
  bool usage_;
  std::string guids_[4];
};

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_FILLER_H_
