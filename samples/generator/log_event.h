// One record of a text log before it is laid out in a particular line format.
#ifndef SAMPLES_GENERATOR_LOG_EVENT_H_
#define SAMPLES_GENERATOR_LOG_EVENT_H_

#include <string>

#include "civil_time.h"

namespace samplegen {

enum class Level { kVerbose, kInformation, kWarning, kError };

struct LogEvent {
  Ticks time;  // as the VM wrote it: its clock skew is already applied
  Level level;
  int tid;                // thread id (Service Fabric .dtr only)
  std::string component;  // .dtr Type, ISO [Component], ECE [Component], event provider
  // The message. Lines after the first are continuation lines (exception chains, stack
  // frames) and are written verbatim, without a timestamp.
  std::string text;
};

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_LOG_EVENT_H_
