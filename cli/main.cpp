// quoteline: the native command line over the core.
//   quoteline analyze [--input-format auto|text|json|jsonl] [--pretty] [FILE|-]
// Exit status: 0 all read, 1 some records of a collection failed (their
// error lines stand in their place), 2 the input could not be read at all
// or the command line is wrong (one JSON error line on stdout).
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "quoteline/quoteline.h"

namespace {

using quoteline::error;
using quoteline::status;

constexpr const char* kUsage =
    "usage: quoteline analyze [--input-format auto|text|json|jsonl] [--pretty]\n"
    "                         [--max-input BYTES] [FILE|-]\n"
    "       quoteline --version\n";

int fail(status code, std::string message) {
  error e;
  e.code = code;
  e.message = std::move(message);
  std::string line = quoteline::to_json(e);
  std::fwrite(line.data(), 1, line.size(), stdout);
  std::fputc('\n', stdout);
  return 2;
}

// Stops once more than `limit` bytes are in: the core refuses such input
// anyway, and an endless stdin must not fill the memory first.
bool read_all(std::FILE* f, std::string& out, size_t limit) {
  char buf[1 << 16];
  size_t n;
  while (out.size() <= limit && (n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  return !std::ferror(f);
}

int analyze(int argc, char** argv) {
  quoteline::options opts;
  bool pretty = false;
  const char* path = nullptr;
  for (int i = 0; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--pretty") {
      pretty = true;
    } else if ((a == "--input-format" || a == "--max-input") && i + 1 < argc) {
      std::string_view v = argv[++i];
      if (a == "--max-input") {
        char* end = nullptr;
        unsigned long long n = std::strtoull(argv[i], &end, 10);
        if (v.empty() || *end)
          return fail(status::invalid_options, "--max-input takes a byte count");
        opts.max_input = static_cast<size_t>(n);
      } else if (!quoteline::parse_format(v, opts.format)) {
        return fail(status::invalid_options,
                    "unknown input format \"" + std::string(v) + "\" (auto, text, json, jsonl)");
      }
    } else if (!path && (a == "-" || a.substr(0, 1) != "-")) {
      path = argv[i];
    } else {
      return fail(status::invalid_options, "unexpected argument \"" + std::string(a) + "\"");
    }
  }
  std::string input;
  std::FILE* f = !path || std::strcmp(path, "-") == 0 ? stdin : std::fopen(path, "rb");
  if (!f) return fail(status::invalid_options, "cannot open " + std::string(path));
  bool ok = read_all(f, input, opts.max_input);
  if (f != stdin) std::fclose(f);
  if (!ok)
    return fail(status::invalid_options, "cannot read " + std::string(path ? path : "stdin"));
  if (input.size() > opts.max_input)
    return fail(status::input_too_large,
                "input is over the limit of " + std::to_string(opts.max_input) + " bytes");

  // One entry at a time: a big collection never sits in memory as analyses.
  quoteline::reader r(input, opts);
  std::string().swap(input);
  if (r.fatal().code != status::ok) {
    std::string line = quoteline::to_json(r.fatal());
    std::printf("%s\n", line.c_str());
    return 2;
  }
  int code = 0;
  std::string out;
  for (quoteline::entry e; r.next(e);) {
    bool failed = e.failure.code != status::ok;
    out = failed ? quoteline::to_json(e.failure)
                 : quoteline::to_json(e.article, pretty && !r.collection());
    if (failed) code = r.collection() ? 1 : 2;
    out += '\n';
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && std::strcmp(argv[1], "analyze") == 0) return analyze(argc - 2, argv + 2);
  if (argc == 2 && std::strcmp(argv[1], "--version") == 0) {
    std::printf("quoteline %s\n", quoteline::version());
    return 0;
  }
  std::fputs(kUsage, stderr);
  return 2;
}
