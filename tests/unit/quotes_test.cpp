// The quote stage, one convention per test, over fixture articles written for
// these tests (tests/fixtures/quotes/). Texts are compared as printed.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>

#include "quoteline/quoteline.h"
#include "quotes/quotes.h"
#include "text/document.h"

using namespace quoteline;

namespace {

std::string fixture(const std::string& name) {
  std::ifstream f(std::string(QUOTELINE_FIXTURES) + "/quotes/" + name, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

analysis analyzed(const std::string& name) {
  options o;
  o.format = input_format::text;
  result r = analyze(fixture(name), o);
  REQUIRE(r.fatal.code == status::ok);
  REQUIRE(r.entries.size() == 1);
  return r.entries[0].article;
}

std::string text_of(const analysis& a, const quote& q) {
  return a.text.substr(q.at.start, q.at.size());
}

std::vector<std::string> texts(const analysis& a, quote_kind k) {
  std::vector<std::string> out;
  for (const quote& q : a.quotes)
    if (q.kind == k) out.push_back(text_of(a, q));
  return out;
}

// Quotes straight from the stage, for inline texts.
std::vector<quote> found(const std::string& body, std::vector<diagnostic>* diags = nullptr) {
  std::vector<diagnostic> d;
  text::document doc = text::build(body, d);
  std::vector<quote> q = quotes::find(doc, diags ? *diags : d);
  return q;
}

}  // namespace

TEST_CASE("quotes: straight and curly double marks, with the trailing comma kept", "[quotes]") {
  analysis a = analyzed("marks_double.txt");
  CHECK(texts(a, quote_kind::direct) ==
        std::vector<std::string>{"The new timetable starts in June,",
                                 "We listened to every commuter,"});
}

TEST_CASE("quotes: guillemets with and without no-break spaces, reversed and single",
          "[quotes][marks]") {
  analysis a = analyzed("guillemets.txt");
  CHECK(texts(a, quote_kind::direct) ==
        std::vector<std::string>{"Nous avons tenu parole", "Le budget est \xC3\xA9quilibr\xC3\xA9",
                                 "Sans espaces, cela marche aussi", "Wir bleiben dabei",
                                 "Un autre style"});
}

TEST_CASE("quotes: German low-high marks, with a nested single pair", "[quotes][marks]") {
  analysis a = analyzed("german.txt");
  CHECK(texts(a, quote_kind::direct) == std::vector<std::string>{"Wir haben unser Wort gehalten",
                                                                 "Das ist ein \xE2\x80\x9A"
                                                                 "fairer\xE2\x80\x98 Kompromiss"});
}

TEST_CASE("quotes: CJK corner and white corner brackets", "[quotes][marks]") {
  analysis a = analyzed("cjk.txt");
  REQUIRE(a.quotes.size() == 2);
  CHECK(text_of(a, a.quotes[0]) ==
        "\xE4\xBA\x88\xE7\xAE\x97\xE3\x81\xAF\xE5\x9D\x87\xE8\xA1\xA1\xE3\x81\x97\xE3\x81\xA6"
        "\xE3\x81\x84\xE3\x82\x8B");
  CHECK(a.quotes[1].kind == quote_kind::direct);
}

TEST_CASE("quotes: newswire `` '' pairs", "[quotes][marks]") {
  analysis a = analyzed("backticks.txt");
  CHECK(texts(a, quote_kind::direct) ==
        std::vector<std::string>{"We have the votes,", "It will pass,"});
}

TEST_CASE("quotes: British single outer quotes keep apostrophes and plural possessives inside",
          "[quotes][marks]") {
  analysis a = analyzed("british.txt");
  CHECK(texts(a, quote_kind::direct) ==
        std::vector<std::string>{"We won't back down, and the players' union agrees,",
                                 "It's the right choice,"});
}

TEST_CASE("quotes: nested quotes stay inside the outer quote", "[quotes][marks]") {
  analysis a = analyzed("nested.txt");
  CHECK(texts(a, quote_kind::direct) ==
        std::vector<std::string>{"He told me 'never again,' and then he left,",
                                 "The sign read \"Closed for good,\" and that was that,"});
}

TEST_CASE("quotes: apostrophes are not marks (don't, O'Neill, rock 'n' roll, the '90s)",
          "[quotes][marks]") {
  analysis a = analyzed("apostrophes.txt");
  REQUIRE(a.quotes.size() == 1);
  CHECK(text_of(a, a.quotes[0]) == "We don't change what works,");
  CHECK(found("The '90s were loud and rock 'n' roll ruled, said the owners' club.").empty());
}

TEST_CASE("quotes: a split quote is one utterance in two spans", "[quotes][split]") {
  analysis a = analyzed("split.txt");
  REQUIRE(a.quotes.size() == 4);
  CHECK(text_of(a, a.quotes[0]) == "We will,");
  CHECK(text_of(a, a.quotes[1]) == "not back down.");
  CHECK(a.quotes[0].utterance == a.quotes[1].utterance);
  CHECK(a.quotes[1].kind == quote_kind::direct);
  CHECK(a.quotes[2].utterance != a.quotes[3].utterance);
}

TEST_CASE("quotes: a multi-paragraph quote is one utterance", "[quotes][split]") {
  analysis a = analyzed("multi_paragraph.txt");
  REQUIRE(a.quotes.size() == 2);
  CHECK(text_of(a, a.quotes[0]) ==
        "The first step is housing. We will build four hundred homes by next spring.");
  CHECK(a.quotes[0].utterance == a.quotes[1].utterance);
  for (const diagnostic& d : a.diagnostics) CHECK(d.code != "unclosed_quote");
}

TEST_CASE("quotes: ellipses and bracketed insertions stay inside", "[quotes]") {
  analysis a = analyzed("ellipsis_brackets.txt");
  CHECK(texts(a, quote_kind::direct) ==
        std::vector<std::string>{
            "The reform [of the pension system] is necessary \xE2\x80\xA6 and it will be fair,",
            "We looked at every option...,"});
}

TEST_CASE("quotes: fragments woven into the writer's sentence are partial", "[quotes][kind]") {
  analysis a = analyzed("partial.txt");
  CHECK(
      texts(a, quote_kind::partial) ==
      std::vector<std::string>{"a historic step for both nations", "open doors for small firms,"});
  CHECK(texts(a, quote_kind::direct).empty());
}

TEST_CASE("quotes: titles, names, labels and scare quotes are not speech", "[quotes][kind]") {
  analysis a = analyzed("titles.txt");
  REQUIRE(a.quotes.size() == 1);
  CHECK(text_of(a, a.quotes[0]) == "We expect record crowds,");
}

TEST_CASE("quotes: an unbalanced mark never swallows the article", "[quotes][unbalanced]") {
  analysis a = analyzed("unbalanced.txt");
  CHECK(texts(a, quote_kind::direct) ==
        std::vector<std::string>{"We will vote again on Monday,", "The budget passes,"});
  REQUIRE(!a.diagnostics.empty());
  CHECK(a.diagnostics[0].code == "unclosed_quote");
}

TEST_CASE("quotes: many unclosed marks stay linear", "[quotes][unbalanced]") {
  std::string body;
  for (int i = 0; i < 40000; ++i) body += "word \"open ";
  body += "\n\n\"Still found,\" she said.";
  std::vector<diagnostic> diags;
  auto t0 = std::chrono::steady_clock::now();
  std::vector<quote> q = found(body, &diags);
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK(s < 1.0);
  REQUIRE(!q.empty());
  CHECK(q.back().kind == quote_kind::direct);
}

TEST_CASE("quotes: reported speech without marks, precision first", "[quotes][indirect]") {
  analysis a = analyzed("indirect.txt");
  CHECK(texts(a, quote_kind::indirect) ==
        std::vector<std::string>{"The government will raise the minimum wage next year",
                                 "the increase would help two million workers",
                                 "Brenner called for a new agreement with employers on training"});
}

TEST_CASE("quotes: interview turns without marks are direct quotes", "[quotes][interview]") {
  analysis a = analyzed("interview.txt");
  CHECK(texts(a, quote_kind::direct) ==
        std::vector<std::string>{"Why a museum of light?",
                                 "Because light is the oldest building material.",
                                 "What comes next?", "A school for children in the north.",
                                 "Thank you for joining us.", "It was a pleasure."});
}

TEST_CASE("quotes: the seed article gives its seven quotes and two indirect statements",
          "[quotes][seed]") {
  std::ifstream f(std::string(QUOTELINE_SHARED) + "/seed/000_73de68f7b28712c7.txt",
                  std::ios::binary);
  if (!f) {
    WARN("skipped: the shared seed is not here");
    return;
  }
  std::stringstream ss;
  ss << f.rdbuf();
  result r = analyze(ss.str());
  REQUIRE(r.entries.size() == 1);
  const analysis& a = r.entries[0].article;
  std::vector<std::string> direct_or_partial;
  for (const quote& q : a.quotes)
    if (q.kind != quote_kind::indirect) direct_or_partial.push_back(text_of(a, q).substr(0, 20));
  CHECK(direct_or_partial ==
        std::vector<std::string>{"No matter how the in", "This state visit to ",
                                 "have natural respons", "The two sides should",
                                 "should enhance commu", "significant potentia",
                                 "Russia firmly suppor"});
  std::vector<std::string> indirect = texts(a, quote_kind::indirect);
  REQUIRE(indirect.size() == 2);
  CHECK(indirect[0].rfind("China stands ready to further deepen", 0) == 0);
  CHECK(indirect[1].rfind("Xi called for strengthening joint coordination", 0) == 0);
}
