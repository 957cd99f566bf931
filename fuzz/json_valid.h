// A strict RFC 8259 checker for what the core prints, shared by the fuzz
// targets and the determinism tests. Stricter than the RFC where the core
// promises more: raw bytes must be valid UTF-8 (no overlong forms, no
// encoded surrogates) and every \u escape of a surrogate must be half of a
// pair, so any JSON reader in any language accepts the output unchanged.
#pragma once

#include <cstddef>
#include <string_view>

namespace quoteline::check {

// The length of the UTF-8 sequence at the start of `s` with the exact ranges
// of RFC 3629 (no overlong forms, no encoded surrogates), or 0 when invalid.
inline size_t utf8_length(std::string_view s) {
  if (s.empty()) return 0;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c < 0x80) return 1;
  size_t n;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 2;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 3;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (s.size() <= n) return 0;
  for (size_t k = 1; k <= n; ++k) {
    unsigned char b = static_cast<unsigned char>(s[k]);
    if (b < lo || b > hi) return 0;
    lo = 0x80;
    hi = 0xBF;
  }
  return n + 1;
}

inline bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = utf8_length(s.substr(i));
    if (!n) return false;
    i += n;
  }
  return true;
}

class json_checker {
 public:
  // `paired`: every surrogate escape must be half of a pair (the output's
  // promise); without it, the RFC grammar alone (what a reader must accept).
  explicit json_checker(std::string_view s, bool paired = true) : s_(s), paired_(paired) {}

  // True when the whole input is exactly one JSON value (surrounding
  // whitespace allowed). `where()` gives the byte offset of a failure.
  bool valid() {
    ws();
    if (!value(0)) return false;
    ws();
    return i_ == s_.size() || fail();
  }
  size_t where() const { return bad_; }

 private:
  static constexpr int kMaxDepth = 256;  // the output nests a few levels

  bool fail() {
    bad_ = i_;
    return false;
  }
  bool more() const { return i_ < s_.size(); }
  unsigned char at() const { return static_cast<unsigned char>(s_[i_]); }
  void ws() {
    while (more() && (at() == ' ' || at() == '\t' || at() == '\n' || at() == '\r')) ++i_;
  }
  bool word(std::string_view w) {
    if (s_.substr(i_, w.size()) != w) return fail();
    i_ += w.size();
    return true;
  }

  bool value(int depth) {
    if (!more() || depth > kMaxDepth) return fail();
    switch (at()) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        return word("true");
      case 'f':
        return word("false");
      case 'n':
        return word("null");
      default:
        return number();
    }
  }

  bool object(int depth) {
    ++i_;
    ws();
    if (more() && at() == '}') return ++i_, true;
    for (;;) {
      ws();
      if (!more() || at() != '"' || !string()) return fail();
      ws();
      if (!more() || at() != ':') return fail();
      ++i_;
      ws();
      if (!value(depth + 1)) return false;
      ws();
      if (!more()) return fail();
      if (at() == '}') return ++i_, true;
      if (at() != ',') return fail();
      ++i_;
    }
  }

  bool array(int depth) {
    ++i_;
    ws();
    if (more() && at() == ']') return ++i_, true;
    for (;;) {
      ws();
      if (!value(depth + 1)) return false;
      ws();
      if (!more()) return fail();
      if (at() == ']') return ++i_, true;
      if (at() != ',') return fail();
      ++i_;
    }
  }

  bool digits() {
    size_t from = i_;
    while (more() && at() >= '0' && at() <= '9') ++i_;
    return i_ > from || fail();
  }

  bool number() {
    if (more() && at() == '-') ++i_;
    if (!more()) return fail();
    if (at() == '0') {
      ++i_;
    } else if (at() >= '1' && at() <= '9') {
      digits();
    } else {
      return fail();
    }
    if (more() && at() == '.') {
      ++i_;
      if (!digits()) return false;
    }
    if (more() && (at() == 'e' || at() == 'E')) {
      ++i_;
      if (more() && (at() == '+' || at() == '-')) ++i_;
      if (!digits()) return false;
    }
    return true;
  }

  bool hex4(unsigned& v) {
    if (s_.size() - i_ < 4) return fail();
    v = 0;
    for (int k = 0; k < 4; ++k, ++i_) {
      unsigned char c = at();
      unsigned d = c >= '0' && c <= '9'   ? c - '0'
                   : c >= 'a' && c <= 'f' ? c - 'a' + 10
                   : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                          : 16;
      if (d == 16) return fail();
      v = v * 16 + d;
    }
    return true;
  }

  bool escape() {
    ++i_;  // the backslash
    if (!more()) return fail();
    unsigned char c = at();
    ++i_;
    if (c != 'u') {
      switch (c) {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
          return true;
        default:
          --i_;
          return fail();
      }
    }
    unsigned v;
    if (!hex4(v)) return false;
    if (!paired_) return true;
    if (v >= 0xDC00 && v <= 0xDFFF) return fail();  // a low half alone
    if (v < 0xD800 || v > 0xDBFF) return true;
    unsigned w;
    if (s_.substr(i_, 2) != "\\u") return fail();  // a high half alone
    i_ += 2;
    if (!hex4(w)) return false;
    return (w >= 0xDC00 && w <= 0xDFFF) || fail();
  }

  bool utf8() {
    size_t n = utf8_length(s_.substr(i_));
    if (!n) return fail();
    i_ += n;
    return true;
  }

  bool string() {
    ++i_;
    for (;;) {
      if (!more()) return fail();
      unsigned char c = at();
      if (c == '"') return ++i_, true;
      if (c < 0x20) return fail();
      if (c == '\\') {
        if (!escape()) return false;
      } else if (c >= 0x80) {
        if (!utf8()) return false;
      } else {
        ++i_;
      }
    }
  }

  std::string_view s_;
  bool paired_;
  size_t i_ = 0;
  size_t bad_ = 0;
};

inline bool valid_json(std::string_view s) {
  return json_checker(s).valid();
}

// RFC 8259 alone: lone surrogate escapes are allowed, as readers must.
inline bool rfc_json(std::string_view s) {
  return json_checker(s, false).valid();
}

}  // namespace quoteline::check
