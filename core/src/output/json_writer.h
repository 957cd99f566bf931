// A small streaming JSON writer: always valid output (every control
// character, lone surrogate and "<" escaped), optional indentation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace quoteline::output {

// An object key. String literals convert to it implicitly, and their check
// for characters that need escaping is a constant expression that folds
// away when compiled: the usual key costs one copy. Text known only at run
// time is a key when named explicitly: name(text).
class name {
 public:
  template <size_t N>
  constexpr name(const char (&k)[N]) : name(std::string_view(k, N - 1)) {}
  constexpr explicit name(std::string_view k)
      : data_(k.data()), size_(k.size() | (plain(k) ? kPlain : 0)) {}
  constexpr std::string_view text() const { return std::string_view(data_, size_ & ~kPlain); }
  // Short and needs no escaping: copied as it is.
  constexpr bool is_plain() const { return size_ & kPlain; }

 private:
  static constexpr bool plain(std::string_view k) {
    if (k.size() > 16) return false;
    for (char c : k) {
      unsigned char u = static_cast<unsigned char>(c);
      if (u < 0x20 || u >= 0x80 || u == '"' || u == '\\' || u == '<') return false;
    }
    return true;
  }
  // Two words, so a key travels in registers; the flag is the top bit.
  static constexpr size_t kPlain = ~(~size_t(0) >> 1);
  const char* data_;
  size_t size_;
};

// Writes into `out` past its current end. While the writer lives, `out` may
// hold spare bytes beyond the text (writes go straight into the buffer
// instead of through many small appends); it is trimmed when the writer goes.
class json_writer {
 public:
  json_writer(std::string& out, bool pretty) : out_(out), pretty_(pretty) { at(out.size()); }
  ~json_writer() { out_.resize(pos()); }
  json_writer(const json_writer&) = delete;
  json_writer& operator=(const json_writer&) = delete;

  json_writer& begin_object();
  json_writer& end_object();
  json_writer& begin_array();
  json_writer& end_array();
  json_writer& key(name k);
  json_writer& string(std::string_view s);
  json_writer& number(int64_t v);
  json_writer& boolean(bool v);
  json_writer& null();

  // key + value shorthands
  json_writer& field(name k, std::string_view v);
  json_writer& field(name k, const char* v) { return field(k, std::string_view(v)); }
  json_writer& field(name k, int64_t v);
  json_writer& field(name k, uint32_t v) { return field(k, int64_t(v)); }
  json_writer& field(name k, int v) { return field(k, int64_t(v)); }

  // Room for about `n` more bytes, so a caller that can estimate its size
  // grows the buffer once.
  void reserve(size_t n) { room(n); }

 private:
  char* room(size_t n) {
    if (static_cast<size_t>(end_ - cur_) < n) grow(n);
    return cur_;
  }
  void grow(size_t n);
  size_t pos() const { return static_cast<size_t>(cur_ - out_.data()); }
  void at(size_t pos) { cur_ = out_.data() + pos, end_ = out_.data() + out_.size(); }
  void put(char c) { *room(1) = c, ++cur_; }
  void put(std::string_view s);
  void before_value() {
    if (after_key_) {
      after_key_ = false;
    } else if (depth_) {
      if (!first_) put(',');
      first_ = false;
      if (pretty_) newline();
    }
  }
  void put_key(name k);  // before_value() and `"k":`
  void put_string(std::string_view s);
  void put_number(int64_t v);
  json_writer& close(char bracket);
  void newline();
  std::string& out_;
  char* cur_;  // end of the text in out_
  char* end_;  // end of out_
  bool pretty_;
  int depth_ = 0;
  bool first_ = true;  // no element yet in the current container
  bool after_key_ = false;
};

// Appends `s` as a JSON string literal; invalid UTF-8 is written as U+FFFD.
void append_string(std::string& out, std::string_view s);

}  // namespace quoteline::output
