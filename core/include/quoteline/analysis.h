// The analysis model: what the core finds in one article. Every span is a
// pair of UTF-8 byte offsets into `analysis::text`; the output stage converts
// them to UTF-16 code units, the only unit that leaves the core.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace quoteline {

struct span {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - start; }
  bool empty() const { return end <= start; }
};

struct dateline {
  std::string place;
  std::string date;  // ISO 8601 date, or empty when it could not be normalized
  std::string agency;
};

enum class quote_kind { direct, partial, indirect };

// How a speaker was found; one value per attribution sieve.
enum class cue {
  none,
  explicit_verb,     // "..., Xi said."
  quoted_as_saying,  // "X quoted Y as saying"
  according_to,      // "according to Y"
  colon,             // "Y said: ..."
  statement,         // "Y said in a statement"
  role,              // "the Chinese president said"
  pronoun,           // "he said"
  previous,          // a lone quote paragraph continues the previous speaker
  interview,         // Q&A layouts: "Q:" / "A:" or "NAME: ..."
};

struct quote {
  span at;  // content between the marks (direct, partial) or the reported clause
  quote_kind kind = quote_kind::direct;
  int speaker = -1;  // index into analysis::speakers, -1 when unknown
  enum cue cue = cue::none;
  span mention;       // the mention that named the speaker (empty when none)
  int utterance = 0;  // split and multi-paragraph quotes share one utterance number
};

enum class speaker_kind { person, organization, unknown };

struct speaker {
  std::string id;  // stable slug of the name, shared across a collection
  std::string name;
  std::vector<std::string> aliases;  // every surface form that resolved here
  std::string role;                  // "Chinese President", "spokeswoman", ...
  speaker_kind kind = speaker_kind::unknown;
  int quote_count = 0;
};

enum class timex_type { date, time, duration, set };

struct timex {
  span at;
  timex_type type = timex_type::date;
  std::string value;  // TIMEX3 value: 2023-03-22, 2023-W12, P3Y, XXXX-WXX-1, ...
  std::string mod;    // TIMEX3 mod (START, MID, END, APPROX, ...) or empty
};

enum class event_kind { published, mention, quote };

struct event {
  event_kind kind = event_kind::mention;
  std::string when;  // TIMEX3 value of the moment (a DATE or TIME value)
  span sentence;     // the sentence around the mention (empty for `published`)
  int timex = -1;    // index into analysis::timexes, or -1
  int quote = -1;    // index into analysis::quotes, or -1
};

enum class severity { warning, error };

struct diagnostic {
  severity level = severity::warning;
  std::string code;       // stable, snake_case: invalid_utf8, unclosed_quote, ...
  std::string message;    // one sentence for people
  int64_t position = -1;  // byte offset into the input (or text, see `in_text`)
  bool in_text = false;   // true when `position` is an offset into analysis::text
};

struct analysis {
  std::string id;
  std::string headline;
  std::string published;  // ISO 8601 (as precise as the source), or empty
  std::string byline;
  std::optional<struct dateline> dateline;
  std::string text;  // the normalized body that every span refers to
  std::vector<span> paragraphs;
  std::vector<quote> quotes;
  std::vector<speaker> speakers;
  std::vector<timex> timexes;
  std::vector<event> events;
  std::vector<diagnostic> diagnostics;
};

const char* to_string(quote_kind k);
const char* to_string(enum cue c);
const char* to_string(speaker_kind k);
const char* to_string(timex_type t);
const char* to_string(event_kind k);
const char* to_string(severity s);

}  // namespace quoteline
