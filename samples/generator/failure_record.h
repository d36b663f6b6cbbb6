// One injected failure record: the evidence the ground truth is computed from.
#ifndef SAMPLES_GENERATOR_FAILURE_RECORD_H_
#define SAMPLES_GENERATOR_FAILURE_RECORD_H_

#include <string>

#include "civil_time.h"

namespace samplegen {

struct FailureRecord {
  int incident;      // index into Scenario::incidents
  int xrp;           // 0-based XRP VM that wrote it
  std::string host;  // canonical host name
  Ticks time;        // the record's own timestamp, as written
};

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_FAILURE_RECORD_H_
