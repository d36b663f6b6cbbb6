#include "text_decoder.h"

#include <cstring>

namespace analyzer {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Length of a valid UTF-8 sequence at `s` (1..4), 0 if invalid, -1 if `s`
// ends before the sequence does but what is there is valid so far.
int Utf8SequenceLength(const unsigned char* s, size_t avail) {
  const unsigned char c = s[0];
  int len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) len = 2;
  else if (c == 0xE0) len = 3, lo = 0xA0;
  else if (c == 0xED) len = 3, hi = 0x9F;  // no surrogates in UTF-8
  else if (c >= 0xE1 && c <= 0xEF) len = 3;
  else if (c == 0xF0) len = 4, lo = 0x90;
  else if (c >= 0xF1 && c <= 0xF3) len = 4;
  else if (c == 0xF4) len = 4, hi = 0x8F;
  else return 0;
  for (int i = 1; i < len; ++i) {
    if (static_cast<size_t>(i) >= avail) return -1;
    const unsigned char lo_i = i == 1 ? lo : 0x80, hi_i = i == 1 ? hi : 0xBF;
    if (s[i] < lo_i || s[i] > hi_i) return 0;
  }
  return len;
}

}  // namespace

const char* EncodingName(Encoding e) {
  switch (e) {
    case Encoding::kUtf8: return "utf-8";
    case Encoding::kUtf8Bom: return "utf-8-bom";
    case Encoding::kUtf16LeBom: return "utf-16le-bom";
    case Encoding::kUtf16BeBom: return "utf-16be-bom";
    case Encoding::kUtf16LeNoBom: return "utf-16le";
    case Encoding::kUtf16BeNoBom: return "utf-16be";
  }
  return "?";
}

Encoding DetectEncoding(std::string_view head) {
  if (StartsWith(head, "\xEF\xBB\xBF")) return Encoding::kUtf8Bom;
  if (StartsWith(head, "\xFF\xFE")) return Encoding::kUtf16LeBom;
  if (StartsWith(head, "\xFE\xFF")) return Encoding::kUtf16BeBom;
  // Without a BOM, ASCII-heavy UTF-16 shows as a zero in every other byte.
  size_t pairs = 0, zero_odd = 0, zero_even = 0;
  for (size_t i = 0; i + 1 < head.size() && pairs < 4096; i += 2, ++pairs) {
    zero_even += head[i] == '\0';
    zero_odd += head[i + 1] == '\0';
  }
  if (pairs >= 2) {
    if (zero_odd * 10 >= pairs * 4 && zero_even * 10 < pairs) return Encoding::kUtf16LeNoBom;
    if (zero_even * 10 >= pairs * 4 && zero_odd * 10 < pairs) return Encoding::kUtf16BeNoBom;
  }
  return Encoding::kUtf8;
}

bool LooksBinary(std::string_view head, Encoding encoding) {
  const std::string_view sample = head.substr(0, 8192);
  if (encoding == Encoding::kUtf8 || encoding == Encoding::kUtf8Bom) {
    if (std::memchr(sample.data(), '\0', sample.size()) != nullptr) return true;
  }
  TextDecoder probe(encoding);
  std::string out;
  probe.Decode(sample, &out);
  // Legacy code pages (é in Windows-1252) give a few invalid sequences; data
  // that is mostly invalid is not text.
  size_t controls = 0;
  for (unsigned char c : out) controls += c < 0x09 || (c > 0x0D && c < 0x20) || c == 0x7F;
  const size_t chars = out.size() / 2 + 1;
  return probe.invalid_sequences() * 5 > chars || controls * 10 > out.size() + 1;
}

void TextDecoder::Decode(std::string_view in, std::string* out) {
  if (encoding_ == Encoding::kUtf8 || encoding_ == Encoding::kUtf8Bom) {
    DecodeUtf8(in, out);
  } else {
    DecodeUtf16(in, out);
  }
}

void TextDecoder::Finish(std::string* out) {
  if (!pending_.empty()) PutReplacement(out), pending_.clear();
  if (high_surrogate_ != 0) PutReplacement(out), high_surrogate_ = 0;
}

void TextDecoder::PutReplacement(std::string* out) {
  out->append("\xEF\xBF\xBD");
  ++invalid_;
}

void TextDecoder::PutCodePoint(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | cp >> 6));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | cp >> 12));
    out->push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | cp >> 18));
    out->push_back(static_cast<char>(0x80 | (cp >> 12 & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void TextDecoder::DecodeUtf8(std::string_view in, std::string* out) {
  std::string joined;
  if (!pending_.empty()) {  // rare: a sequence was cut at the previous chunk end
    joined = pending_;
    joined.append(in);
    pending_.clear();
    in = joined;
  }
  if (!bom_checked_) {
    if (in.size() < 3 && StartsWith("\xEF\xBB\xBF", in)) return pending_.assign(in), void();
    bom_checked_ = true;
    if (StartsWith(in, "\xEF\xBB\xBF")) in.remove_prefix(3);
  }
  const auto* s = reinterpret_cast<const unsigned char*>(in.data());
  const size_t n = in.size();
  size_t i = 0, run = 0;  // [run, i) is valid and not yet copied
  while (i < n) {
    if (s[i] < 0x80) {  // ASCII fast path, 8 bytes at a time
      uint64_t w;
      while (i + 8 <= n && (std::memcpy(&w, s + i, 8), (w & 0x8080808080808080ull) == 0)) i += 8;
      while (i < n && s[i] < 0x80) ++i;
      continue;
    }
    const int len = Utf8SequenceLength(s + i, n - i);
    if (len > 0) {
      i += len;
      continue;
    }
    out->append(in.data() + run, i - run);
    if (len < 0) {
      pending_.assign(in.data() + i, n - i);
      return;
    }
    PutReplacement(out);
    run = ++i;
  }
  out->append(in.data() + run, n - run);
}

void TextDecoder::DecodeUtf16(std::string_view in, std::string* out) {
  const bool le = encoding_ == Encoding::kUtf16LeBom || encoding_ == Encoding::kUtf16LeNoBom;
  size_t i = 0;
  auto unit_at = [&](const char* p) {
    const auto a = static_cast<unsigned char>(p[0]), b = static_cast<unsigned char>(p[1]);
    return static_cast<uint32_t>(le ? (b << 8 | a) : (a << 8 | b));
  };
  while (i < in.size()) {
    uint32_t u;
    if (!pending_.empty()) {
      char two[2] = {pending_[0], in[i]};
      pending_.clear();
      u = unit_at(two), i += 1;
    } else if (i + 1 < in.size()) {
      u = unit_at(in.data() + i), i += 2;
    } else {
      pending_.assign(1, in[i]);
      return;
    }
    if (!bom_checked_) {
      bom_checked_ = true;
      if (u == 0xFEFF) continue;
    }
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (high_surrogate_ != 0) PutReplacement(out);
      high_surrogate_ = u;
      continue;
    }
    if (u >= 0xDC00 && u <= 0xDFFF) {
      if (high_surrogate_ == 0) {
        PutReplacement(out);
        continue;
      }
      PutCodePoint(0x10000 + ((high_surrogate_ - 0xD800) << 10) + (u - 0xDC00), out);
      high_surrogate_ = 0;
      continue;
    }
    if (high_surrogate_ != 0) PutReplacement(out), high_surrogate_ = 0;
    PutCodePoint(u, out);
  }
}

}  // namespace analyzer
