#include "line_format.h"

#include "time_format.h"

namespace samplegen {
namespace {

std::string_view DtrLevel(Level level) {
  switch (level) {
    case Level::kVerbose:
      return "Verbose";
    case Level::kInformation:
      return "Informational";
    case Level::kWarning:
      return "Warning";
    case Level::kError:
      return "Error";
  }
  return "Informational";
}

std::string_view IsoLevel(Level level) {
  switch (level) {
    case Level::kVerbose:
      return "Verbose";
    case Level::kInformation:
      return "Information";
    case Level::kWarning:
      return "Warning";
    case Level::kError:
      return "Error";
  }
  return "Information";
}

// Windows event levels have no "Verbose" worth exporting; map it to Information.
std::string_view EventLevel(Level level) {
  return level == Level::kVerbose ? "Information" : IsoLevel(level);
}

// PowerShell streams: errors of a step surface as warnings in the ECE transcript.
std::string_view EceStream(Level level) {
  return level == Level::kWarning || level == Level::kError ? "WARNING: " : "VERBOSE: ";
}

}  // namespace

LineWriter::LineWriter(LogFormat format, int pid, bool crlf)
    : format_(format), pid_(pid), newline_(crlf ? "\r\n" : "\n") {}

const std::string& LineWriter::SecondText(Ticks time) {
  const Ticks second = FloorTo(time, kTicksPerSecond);
  if (second == cached_second_) return cached_text_;
  cached_second_ = second;
  cached_text_.clear();
  switch (format_) {
    case LogFormat::kServiceFabricDtr:
      AppendDtrSecond(&cached_text_, second);
      break;
    case LogFormat::kIsoTrace:
    case LogFormat::kTimeServiceEvents:
      AppendIso7(&cached_text_, second);
      cached_text_.resize(cached_text_.size() - 9);  // drop ".0000000Z": Append writes the fraction
      break;
    case LogFormat::kEceActivation:
      AppendUsTime(&cached_text_, second);
      break;
    case LogFormat::kRegistration:
      AppendRegistrationTime(&cached_text_, second);
      break;
  }
  return cached_text_;
}

void LineWriter::AppendPrefix(Ticks time, Level level, int tid, std::string_view component,
                              std::string* out) {
  const Ticks fraction = time % kTicksPerSecond;
  switch (format_) {
    case LogFormat::kServiceFabricDtr:
      out->append(SecondText(time)).push_back('.');
      AppendDigits(out, static_cast<uint64_t>(fraction / 10000), 3);
      out->append(",").append(DtrLevel(level)).push_back(',');
      AppendNumber(out, static_cast<uint64_t>(tid));
      out->push_back(',');
      AppendNumber(out, static_cast<uint64_t>(pid_));
      out->append(",").append(component).push_back(',');
      return;
    case LogFormat::kIsoTrace:
    case LogFormat::kTimeServiceEvents:
      out->append(SecondText(time)).push_back('.');
      AppendDigits(out, static_cast<uint64_t>(fraction), 7);
      out->append("Z ");
      if (format_ == LogFormat::kIsoTrace) {
        out->append(IsoLevel(level)).append(" [").append(component).append("] ");
      } else {
        out->append(EventLevel(level)).append(" ").append(component).append(" ");
      }
      return;
    case LogFormat::kEceActivation:
      out->append(EceStream(level)).append("[").append(component).append("] ");
      return;
    case LogFormat::kRegistration:
      out->append(SecondText(time)).append(": ");
      return;
  }
}

void LineWriter::Append(Ticks time, Level level, int tid, std::string_view component,
                        std::string_view text, std::string* out) {
  AppendPrefix(time, level, tid, component, out);
  size_t end = text.find('\n');
  out->append(text.substr(0, end));
  if (format_ == LogFormat::kEceActivation) out->append(" - ").append(SecondText(time));
  out->append(newline_);
  while (end != std::string_view::npos) {
    const size_t start = end + 1;
    end = text.find('\n', start);
    out->append(text.substr(start, end == std::string_view::npos ? end : end - start));
    out->append(newline_);
  }
}

}  // namespace samplegen
