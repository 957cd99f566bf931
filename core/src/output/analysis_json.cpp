// The analysis as JSON: the one place where byte offsets become UTF-16
// offsets, and where internal indexes become stable ids (q1, t1, e1).
#include "output/json_writer.h"
#include "quoteline/quoteline.h"
#include "text/utf8.h"

namespace quoteline {

namespace {

std::string_view name_of(quote_kind k) {
  switch (k) {
    case quote_kind::direct:
      return "direct";
    case quote_kind::partial:
      return "partial";
    case quote_kind::indirect:
      return "indirect";
  }
  return "direct";
}

std::string_view name_of(enum cue c) {
  switch (c) {
    case cue::none:
      return "none";
    case cue::explicit_verb:
      return "explicit";
    case cue::quoted_as_saying:
      return "quoted-as-saying";
    case cue::according_to:
      return "according-to";
    case cue::colon:
      return "colon";
    case cue::statement:
      return "statement";
    case cue::role:
      return "role";
    case cue::pronoun:
      return "pronoun";
    case cue::previous:
      return "previous";
    case cue::interview:
      return "interview";
  }
  return "none";
}

std::string_view name_of(speaker_kind k) {
  switch (k) {
    case speaker_kind::person:
      return "person";
    case speaker_kind::organization:
      return "organization";
    case speaker_kind::unknown:
      return "unknown";
  }
  return "unknown";
}

std::string_view name_of(timex_type t) {
  switch (t) {
    case timex_type::date:
      return "DATE";
    case timex_type::time:
      return "TIME";
    case timex_type::duration:
      return "DURATION";
    case timex_type::set:
      return "SET";
  }
  return "DATE";
}

std::string_view name_of(event_kind k) {
  switch (k) {
    case event_kind::published:
      return "published";
    case event_kind::mention:
      return "mention";
    case event_kind::quote:
      return "quote";
  }
  return "mention";
}

std::string_view name_of(severity s) {
  return s == severity::error ? std::string_view("error") : std::string_view("warning");
}

std::string_view name_of(status s) {
  switch (s) {
    case status::ok:
      return "ok";
    case status::empty_input:
      return "empty_input";
    case status::input_too_large:
      return "input_too_large";
    case status::invalid_json:
      return "invalid_json";
    case status::too_deep:
      return "too_deep";
    case status::not_an_article:
      return "not_an_article";
    case status::invalid_options:
      return "invalid_options";
  }
  return "ok";
}

}  // namespace

// The public names are the same literals, so they end in a NUL.
const char* to_string(quote_kind k) {
  return name_of(k).data();
}

const char* to_string(enum cue c) {
  return name_of(c).data();
}

const char* to_string(speaker_kind k) {
  return name_of(k).data();
}

const char* to_string(timex_type t) {
  return name_of(t).data();
}

const char* to_string(event_kind k) {
  return name_of(k).data();
}

const char* to_string(severity s) {
  return name_of(s).data();
}

const char* to_string(status s) {
  return name_of(s).data();
}

namespace {

using output::json_writer;

// "q1", "t12": built on the stack, not in a string.
struct id {
  char text[24];
  size_t size;
  id(char prefix, size_t index) {
    char digits[20];
    size_t n = 0;
    for (size_t v = index + 1; v; v /= 10) digits[n++] = static_cast<char>('0' + v % 10);
    text[0] = prefix;
    for (size = 1; n;) text[size++] = digits[--n];
  }
  operator std::string_view() const { return std::string_view(text, size); }
};

struct writer {
  json_writer& w;
  const analysis& a;
  text::utf16_map u16;

  void at(span s) { w.field("start", u16(s.start)).field("end", u16(s.end)); }
  std::string_view slice(span s) const {
    return std::string_view(a.text).substr(s.start, s.end - s.start);
  }

  void header() {
    w.field("id", a.id).field("headline", a.headline).field("published", a.published);
    w.field("byline", a.byline).key("dateline");
    if (a.dateline) {
      w.begin_object().field("place", a.dateline->place).field("date", a.dateline->date);
      w.field("agency", a.dateline->agency).end_object();
    } else {
      w.null();
    }
    w.field("text", a.text).key("paragraphs").begin_array();
    for (span p : a.paragraphs) w.begin_object(), at(p), w.end_object();
    w.end_array();
  }

  void quotes() {
    w.key("quotes").begin_array();
    for (size_t i = 0; i < a.quotes.size(); ++i) {
      const quote& q = a.quotes[i];
      const speaker* s = q.speaker >= 0 && size_t(q.speaker) < a.speakers.size()
                             ? &a.speakers[size_t(q.speaker)]
                             : nullptr;
      w.begin_object().field("id", id('q', i));
      at(q.at);
      w.field("text", slice(q.at)).field("kind", name_of(q.kind));
      s ? w.field("speaker", s->name).field("speakerId", s->id)
        : w.key("speaker").null().key("speakerId").null();
      q.cue == cue::none ? w.key("cue").null() : w.field("cue", name_of(q.cue));
      w.key("mention");
      if (q.mention.empty()) {
        w.null();
      } else {
        w.begin_object(), at(q.mention), w.field("text", slice(q.mention)).end_object();
      }
      w.field("utterance", q.utterance).end_object();
    }
    w.end_array();
  }

  void speakers() {
    w.key("speakers").begin_array();
    for (const speaker& s : a.speakers) {
      w.begin_object().field("id", s.id).field("name", s.name).key("aliases").begin_array();
      for (const std::string& alias : s.aliases) w.string(alias);
      w.end_array().field("role", s.role).field("kind", name_of(s.kind));
      w.field("quoteCount", s.quote_count).end_object();
    }
    w.end_array();
  }

  void timexes() {
    w.key("timexes").begin_array();
    for (size_t i = 0; i < a.timexes.size(); ++i) {
      const timex& t = a.timexes[i];
      w.begin_object().field("id", id('t', i));
      at(t.at);
      w.field("text", slice(t.at)).field("type", name_of(t.type)).field("value", t.value);
      if (!t.mod.empty()) w.field("mod", t.mod);
      w.end_object();
    }
    w.end_array();
  }

  void events() {
    w.key("events").begin_array();
    for (size_t i = 0; i < a.events.size(); ++i) {
      const event& e = a.events[i];
      w.begin_object().field("id", id('e', i)).field("kind", name_of(e.kind));
      w.field("when", e.when);
      at(e.sentence);
      e.timex >= 0 ? w.field("timex", id('t', size_t(e.timex))) : w.key("timex").null();
      e.quote >= 0 ? w.field("quote", id('q', size_t(e.quote))) : w.key("quote").null();
      w.end_object();
    }
    w.end_array();
  }

  void diagnostics() {
    w.key("diagnostics").begin_array();
    for (const diagnostic& d : a.diagnostics) {
      w.begin_object().field("level", name_of(d.level)).field("code", d.code);
      w.field("message", d.message).key("position");
      if (d.position < 0)
        w.null();
      else
        w.number(d.in_text ? u16(static_cast<uint32_t>(d.position)) : d.position);
      w.field("in", d.in_text ? "text" : "input").end_object();
    }
    w.end_array();
  }
};

// Bytes of compact output, about: the text, the quoted text and a
// generous share per item, so the buffer is sized once.
size_t estimate(const analysis& a) {
  size_t n = 512 + a.text.size() + a.headline.size() + a.byline.size() + 32 * a.paragraphs.size();
  for (const quote& q : a.quotes) n += 256 + q.at.size() + q.mention.size();
  n += 160 * a.speakers.size() + 128 * (a.timexes.size() + a.events.size());
  return n + 256 * a.diagnostics.size();
}

}  // namespace

std::string to_json(const analysis& a, bool pretty) {
  std::string out;
  {
    json_writer w(out, pretty);
    w.reserve(pretty ? 2 * estimate(a) : estimate(a));
    writer aw{w, a, text::utf16_map(a.text)};
    w.begin_object();
    aw.header();
    aw.quotes();
    aw.speakers();
    aw.timexes();
    aw.events();
    aw.diagnostics();
    w.end_object();
  }
  return out;
}

std::string to_json(const error& e) {
  std::string out;
  {
    json_writer w(out, false);
    w.begin_object().key("error").begin_object();
    w.field("code", name_of(e.code)).field("message", e.message);
    if (e.position >= 0) w.field("position", e.position);
    if (e.record >= 0) w.field("record", e.record);
    w.end_object().end_object();
  }
  return out;
}

}  // namespace quoteline
