#include "filler.h"

#include "time_format.h"

namespace samplegen {
namespace {

// Roughly what a line's prefix (time, level, ids, component) adds to its text.
constexpr uint64_t kPrefixBytes = 64;

}  // namespace

FillerSource::FillerSource(uint64_t seed, Ticks start, Ticks end, uint64_t budget_bytes,
                           std::string vm, bool usage)
    : prng_(seed),
      start_(start),
      end_(end),
      budget_(budget_bytes),
      vm_(std::move(vm)),
      usage_(usage) {
  for (std::string& guid : guids_) guid = MakeGuid(&prng_);
  Advance();
}

void FillerSource::Advance() {
  if (budget_ == 0 || produced_ >= budget_) {
    next_time_ = kNever;
    return;
  }
  // double keeps this exact enough and identical on every IEEE-754 platform.
  const double share = static_cast<double>(produced_) / static_cast<double>(budget_);
  next_time_ = start_ + static_cast<Ticks>(share * static_cast<double>(end_ - start_));
}

void FillerSource::Next(Level* level, int* tid, std::string_view* component, std::string* text) {
  text->clear();
  *level = Level::kVerbose;
  *tid = 6000 + static_cast<int>(prng_.Below(8)) * 4;
  if (usage_) {
    *component = "UsageBridge.Collector";
    AppendUsageText(text);
  } else {
    *component = "AzureBridge.Sync";
    AppendBridgeText(text);
  }
  produced_ += text->size() + kPrefixBytes;
  Advance();
}

void FillerSource::AppendUsageText(std::string* text) {
  const uint64_t roll = prng_.Next();
  switch (roll % 3) {
    case 0:
      text->append("Read ");
      AppendNumber(text, 64 + (roll >> 8) % 960);
      text->append(" usage records from partition ");
      AppendNumber(text, (roll >> 20) % 16);
      text->append(" (meter ").append(guids_[(roll >> 24) % 4]).append(", offset ");
      AppendNumber(text, (roll >> 28) % 9000000);
      text->append(")");
      return;
    case 1:
      text->append("Aggregated ");
      AppendNumber(text, 1 + (roll >> 8) % 90);
      text->append(" records for subscription ").append(guids_[(roll >> 16) % 4]);
      text->append(", resource \"vm-");
      AppendDigits(text, (roll >> 20) % 400, 4);
      text->append("\", meter \"Compute Hours\", quantity 0.");
      AppendDigits(text, (roll >> 32) % 100, 2);
      return;
    default:
      text->append("Usage cache lookup for key \"usage/p");
      AppendNumber(text, (roll >> 8) % 16);
      text->append("\" hit=").append((roll >> 12) % 4 ? "True" : "False").append(", age ");
      AppendNumber(text, (roll >> 16) % 300);
      text->append(" s");
  }
}

void FillerSource::AppendBridgeText(std::string* text) {
  const uint64_t roll = prng_.Next();
  switch (roll % 3) {
    case 0:
      text->append(
          "Outbound HTTP GET https://adminmanagement.local.azurestack.external/subscriptions/");
      text->append(guids_[(roll >> 8) % 4])
          .append(
              "/providers/Microsoft.AzureBridge.Admin/products?api-version=2016-01-01 -> 200 in ");
      AppendNumber(text, 3 + (roll >> 16) % 300);
      text->append(" ms");
      return;
    case 1:
      text->append("Product sync: checked ");
      AppendNumber(text, 40 + (roll >> 8) % 200);
      text->append(" marketplace items, 0 changed, \"default\" activation");
      return;
    default:
      text->append("Lease renewed for partition ");
      AppendNumber(text, (roll >> 8) % 16);
      text->append(", owner \"").append(vm_).append("\", expires in 30 s");
  }
}

}  // namespace samplegen
