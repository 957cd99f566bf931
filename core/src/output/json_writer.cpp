#include "output/json_writer.h"

#include "text/chars.h"
#include "text/utf8.h"

namespace quoteline::output {

void append_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  size_t i = 0;
  while (i < s.size()) {
    // Copy the longest run that needs no escaping in one go.
    size_t j = i;
    while (j < s.size() && !text::byte_is(s[j], text::byte_escape)) ++j;
    out.append(s.data() + i, j - i);
    i = j;
    if (i >= s.size()) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // Validated so that output is valid UTF-8 even if a caller slipped.
      size_t end = i;
      while (end < s.size() && static_cast<unsigned char>(s[end]) >= 0x80) ++end;
      text::repair_utf8(s.substr(i, end - i), out);
      i = end;
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:  // control characters and '<' (no "</script>" inside a page)
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
    ++i;
  }
  out += '"';
}

void json_writer::newline() {
  if (!pretty_) return;
  out_ += '\n';
  out_.append(static_cast<size_t>(depth_) * 2, ' ');
}

void json_writer::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (depth_ == 0) return;
  if (!first_) out_ += ',';
  first_ = false;
  newline();
}

json_writer& json_writer::begin_object() {
  before_value();
  out_ += '{';
  ++depth_;
  first_ = true;
  return *this;
}

json_writer& json_writer::close(char bracket) {
  --depth_;
  if (!first_) newline();
  out_ += bracket;
  first_ = false;
  return *this;
}

json_writer& json_writer::end_object() {
  return close('}');
}

json_writer& json_writer::begin_array() {
  before_value();
  out_ += '[';
  ++depth_;
  first_ = true;
  return *this;
}

json_writer& json_writer::end_array() {
  return close(']');
}

json_writer& json_writer::key(std::string_view k) {
  before_value();
  append_string(out_, k);
  out_ += pretty_ ? ": " : ":";
  after_key_ = true;
  return *this;
}

json_writer& json_writer::string(std::string_view s) {
  before_value();
  append_string(out_, s);
  return *this;
}

json_writer& json_writer::number(int64_t v) {
  before_value();
  out_ += std::to_string(v);
  return *this;
}

json_writer& json_writer::boolean(bool v) {
  before_value();
  out_ += v ? "true" : "false";
  return *this;
}

json_writer& json_writer::null() {
  before_value();
  out_ += "null";
  return *this;
}

}  // namespace quoteline::output
