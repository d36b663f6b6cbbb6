#include "inventory.h"

namespace analyzer {

const char* EntryStatusName(EntryStatus s) {
  switch (s) {
    case EntryStatus::kRead: return "read";
    case EntryStatus::kSkipped: return "skipped";
    case EntryStatus::kFailed: return "failed";
  }
  return "?";
}

}  // namespace analyzer
