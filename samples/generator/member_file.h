// A bundle member produced whole, in memory: small text files and binary blobs.
#ifndef SAMPLES_GENERATOR_MEMBER_FILE_H_
#define SAMPLES_GENERATOR_MEMBER_FILE_H_

#include <string>

#include "civil_time.h"

namespace samplegen {

struct MemberFile {
  std::string path;  // inside its archive, '/'-separated
  std::string data;  // the file's bytes, already encoded
  Ticks mtime;
};

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_MEMBER_FILE_H_
