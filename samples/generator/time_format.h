// The textual time layouts the sample logs use. Each function appends to `out` and
// allocates nothing beyond the string's growth; all take UTC ticks (the stamps of the
// samples run on UTC, so "local time" layouts get the same ticks).
#ifndef SAMPLES_GENERATOR_TIME_FORMAT_H_
#define SAMPLES_GENERATOR_TIME_FORMAT_H_

#include <cstdint>
#include <string>

#include "civil_time.h"

namespace samplegen {

// Appends `value` in decimal, left-padded with zeros to at least `width` digits.
void AppendDigits(std::string* out, uint64_t value, int width);
inline void AppendNumber(std::string* out, uint64_t value) { AppendDigits(out, value, 1); }

// 2026-11-18T09:12:04.1234567Z (ISO traces, Windows events, Azure AD).
void AppendIso7(std::string* out, Ticks t);
// 2026-11-18T09:12:04Z (ground truth, token expiry).
void AppendIsoSeconds(std::string* out, Ticks t);
// The seconds part of a Service Fabric .dtr time: 2026-3-5 09:12:04 (month, day unpadded).
void AppendDtrSecond(std::string* out, Ticks t);
// 11/18/2026 9:12:04 AM (ECE / PowerShell, US culture, 12-hour clock).
void AppendUsTime(std::string* out, Ticks t);
// 2026-11-18.09-12-04 (AzureStack.Registration module).
void AppendRegistrationTime(std::string* out, Ticks t);
// 2026-11-18 09:12:04 (IIS W3C date and time fields, Azure AD "Timestamp:").
void AppendW3cTime(std::string* out, Ticks t);

// 20261118093000: the bundle and role archive stamp.
std::string CompactStamp(Ticks t);
// 20261118-093000: part of rotated log file names.
std::string FileTimeTag(Ticks t);
// 26111809: the yyMMddHH of IIS hourly file names (u_ex26111809.log).
std::string IisHourTag(Ticks t);
// 2026.11.18_09.21.42: the Test-AzureStack summary file name stamp.
std::string ValidationStamp(Ticks t);

}  // namespace samplegen

#endif  // SAMPLES_GENERATOR_TIME_FORMAT_H_
