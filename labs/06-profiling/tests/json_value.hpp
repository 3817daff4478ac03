// A small, strict JSON reader for the tests (RFC 8259, no extensions): a trace that Perfetto would
// refuse is refused here too, with the offset of the first problem.
#pragma once

#include <cstdlib>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace lab06_testing {

struct Json {
  using Array = std::vector<Json>;
  using Object = std::map<std::string, Json>;
  std::variant<std::nullptr_t, bool, double, std::string, std::shared_ptr<Array>, std::shared_ptr<Object>> value;

  bool is_number() const { return std::holds_alternative<double>(value); }
  bool is_string() const { return std::holds_alternative<std::string>(value); }
  double number() const { return std::get<double>(value); }
  const std::string& string() const { return std::get<std::string>(value); }
  const Array& array() const { return *std::get<std::shared_ptr<Array>>(value); }
  const Object& object() const { return *std::get<std::shared_ptr<Object>>(value); }
  bool has(const std::string& key) const {
    return std::holds_alternative<std::shared_ptr<Object>>(value) && object().count(key) > 0;
  }
  const Json& operator[](const std::string& key) const { return object().at(key); }
};

class JsonReader {
 public:
  explicit JsonReader(const std::string& text) : s_(text) {}

  Json document() {
    Json v = value();
    space();
    if (at_ != s_.size()) fail("text after the value");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& why) {
    throw std::runtime_error("not JSON at offset " + std::to_string(at_) + ": " + why);
  }
  void space() {
    while (at_ < s_.size() && (s_[at_] == ' ' || s_[at_] == '\n' || s_[at_] == '\t' || s_[at_] == '\r')) ++at_;
  }
  bool take(char c) {
    space();
    if (at_ < s_.size() && s_[at_] == c) return ++at_, true;
    return false;
  }
  void expect(char c) {
    if (!take(c)) fail(std::string("expected '") + c + "'");
  }
  void word(const std::string& w) {
    if (s_.compare(at_, w.size(), w) != 0) fail("expected " + w);
    at_ += w.size();
  }

  Json value() {
    space();
    if (at_ >= s_.size()) fail("unexpected end");
    const char c = s_[at_];
    if (c == '{') return object();
    if (c == '[') return array();
    if (c == '"') return Json{string()};
    if (c == 't') return word("true"), Json{true};
    if (c == 'f') return word("false"), Json{false};
    if (c == 'n') return word("null"), Json{nullptr};
    return number();
  }
  Json object() {
    expect('{');
    auto members = std::make_shared<Json::Object>();
    if (!take('}')) {
      do {
        space();
        std::string key = string();
        expect(':');
        (*members)[key] = value();
      } while (take(','));
      expect('}');
    }
    return Json{members};
  }
  Json array() {
    expect('[');
    auto items = std::make_shared<Json::Array>();
    if (!take(']')) {
      do items->push_back(value());
      while (take(','));
      expect(']');
    }
    return Json{items};
  }
  std::string string() {
    if (at_ >= s_.size() || s_[at_] != '"') fail("expected a string");
    std::string out;
    for (++at_; at_ < s_.size() && s_[at_] != '"'; ++at_) {
      if (static_cast<unsigned char>(s_[at_]) < 0x20) fail("control character in a string");
      if (s_[at_] == '\\') {
        if (++at_ >= s_.size() || std::string("\"\\/bfnrtu").find(s_[at_]) == std::string::npos) fail("bad escape");
        if (s_[at_] == 'u') at_ += 4;  // kept as is: the tests compare ASCII names
      }
      out += s_[at_];
    }
    if (at_ >= s_.size()) fail("unterminated string");
    ++at_;
    return out;
  }
  Json number() {
    const char* begin = s_.c_str() + at_;
    if (*begin != '-' && (*begin < '0' || *begin > '9')) fail("expected a value");
    char* end = nullptr;
    const double v = std::strtod(begin, &end);
    if (end == begin) fail("bad number");
    at_ += static_cast<std::size_t>(end - begin);
    return Json{v};
  }

  const std::string& s_;
  std::size_t at_ = 0;
};

inline Json parse_json(const std::string& text) { return JsonReader(text).document(); }

}  // namespace lab06_testing
