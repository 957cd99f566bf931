// A small streaming JSON writer: always valid output (every control
// character, lone surrogate and "<" escaped), optional indentation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace quoteline::output {

class json_writer {
 public:
  explicit json_writer(std::string& out, bool pretty) : out_(out), pretty_(pretty) {}

  json_writer& begin_object();
  json_writer& end_object();
  json_writer& begin_array();
  json_writer& end_array();
  json_writer& key(std::string_view k);
  json_writer& string(std::string_view s);
  json_writer& number(int64_t v);
  json_writer& boolean(bool v);
  json_writer& null();

  // key + value shorthands
  json_writer& field(std::string_view k, std::string_view v) { return key(k).string(v); }
  json_writer& field(std::string_view k, const char* v) { return key(k).string(v); }
  json_writer& field(std::string_view k, int64_t v) { return key(k).number(v); }
  json_writer& field(std::string_view k, uint32_t v) { return key(k).number(v); }
  json_writer& field(std::string_view k, int v) { return key(k).number(v); }

 private:
  void before_value();
  json_writer& close(char bracket);
  void newline();
  std::string& out_;
  bool pretty_;
  int depth_ = 0;
  bool first_ = true;  // no element yet in the current container
  bool after_key_ = false;
};

// Appends `s` as a JSON string literal; invalid UTF-8 is written as U+FFFD.
void append_string(std::string& out, std::string_view s);

}  // namespace quoteline::output
