#include "time_format.h"

namespace samplegen {

void AppendDigits(std::string* out, uint64_t value, int width) {
  // Hand-rolled because this runs several times per line of a multi-GB bundle, where
  // snprintf's format parsing would dominate.
  char buf[24];
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  for (int i = n; i < width; ++i) out->push_back('0');
  while (n > 0) out->push_back(buf[--n]);
}

namespace {

void AppendDate(std::string* out, const CivilTime& c, char sep) {
  AppendDigits(out, c.year, 4);
  out->push_back(sep);
  AppendDigits(out, c.month, 2);
  out->push_back(sep);
  AppendDigits(out, c.day, 2);
}

void AppendClock(std::string* out, const CivilTime& c, char sep) {
  AppendDigits(out, c.hour, 2);
  out->push_back(sep);
  AppendDigits(out, c.minute, 2);
  out->push_back(sep);
  AppendDigits(out, c.second, 2);
}

}  // namespace

void AppendIso7(std::string* out, Ticks t) {
  const CivilTime c = ToCivil(t);
  AppendDate(out, c, '-');
  out->push_back('T');
  AppendClock(out, c, ':');
  out->push_back('.');
  AppendDigits(out, c.fraction, 7);
  out->push_back('Z');
}

void AppendIsoSeconds(std::string* out, Ticks t) {
  const CivilTime c = ToCivil(t);
  AppendDate(out, c, '-');
  out->push_back('T');
  AppendClock(out, c, ':');
  out->push_back('Z');
}

void AppendDtrSecond(std::string* out, Ticks t) {
  const CivilTime c = ToCivil(t);
  AppendDigits(out, c.year, 4);
  out->push_back('-');
  AppendNumber(out, c.month);
  out->push_back('-');
  AppendNumber(out, c.day);
  out->push_back(' ');
  AppendClock(out, c, ':');
}

void AppendUsTime(std::string* out, Ticks t) {
  const CivilTime c = ToCivil(t);
  AppendNumber(out, c.month);
  out->push_back('/');
  AppendNumber(out, c.day);
  out->push_back('/');
  AppendDigits(out, c.year, 4);
  out->push_back(' ');
  const int hour12 = c.hour % 12 == 0 ? 12 : c.hour % 12;
  AppendNumber(out, hour12);
  out->push_back(':');
  AppendDigits(out, c.minute, 2);
  out->push_back(':');
  AppendDigits(out, c.second, 2);
  out->append(c.hour < 12 ? " AM" : " PM");
}

void AppendRegistrationTime(std::string* out, Ticks t) {
  const CivilTime c = ToCivil(t);
  AppendDate(out, c, '-');
  out->push_back('.');
  AppendClock(out, c, '-');
}

void AppendW3cTime(std::string* out, Ticks t) {
  const CivilTime c = ToCivil(t);
  AppendDate(out, c, '-');
  out->push_back(' ');
  AppendClock(out, c, ':');
}

std::string CompactStamp(Ticks t) {
  const CivilTime c = ToCivil(t);
  std::string s;
  AppendDigits(&s, c.year, 4);
  AppendDigits(&s, c.month, 2);
  AppendDigits(&s, c.day, 2);
  AppendDigits(&s, c.hour, 2);
  AppendDigits(&s, c.minute, 2);
  AppendDigits(&s, c.second, 2);
  return s;
}

std::string FileTimeTag(Ticks t) {
  std::string s = CompactStamp(t);
  s.insert(8, 1, '-');
  return s;
}

std::string IisHourTag(Ticks t) { return CompactStamp(t).substr(2, 8); }

std::string ValidationStamp(Ticks t) {
  const CivilTime c = ToCivil(t);
  std::string s;
  AppendDate(&s, c, '.');
  s.push_back('_');
  AppendClock(&s, c, '.');
  return s;
}

}  // namespace samplegen
