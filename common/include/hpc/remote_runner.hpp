// The runner's side of remote calls (hpc/remote.hpp): a lab's runner program is the student's
// library, the course's runner main() (hpc_remote_runner) and the list of functions it serves,
// which the lab defines once in its remote/exports.cpp:
//
//   std::vector<hpc::remote::Export> hpc::remote::exports() {
//     return {hpc::remote::exported("matmul", &hpc::lab01::matmul), ...};
//   }
//
// Each exported function's arguments are decoded from the shared region (spans and string views
// point into it), the function runs, and its result waits until the caller fetches it.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <typeinfo>
#include <vector>

#include "hpc/remote_codec.hpp"

namespace hpc::remote {

// A call whose arguments are decoded: run() calls the function, encode() writes what it returned.
class PreparedCall {
 public:
  virtual ~PreparedCall() = default;
  virtual void run() = 0;
  virtual void encode(Writer& writer) = 0;
};

struct Export {
  std::string name, signature;
  std::function<std::unique_ptr<PreparedCall>(Reader&)> prepare;
};

namespace detail {

template <class R, class... P>
class Prepared final : public PreparedCall {
 public:
  Prepared(R (*function)(P...), Reader& reader)
      : function_(function), arguments_{get<std::decay_t<P>>(reader)...} {}  // braces: in order

  void run() override {
    if constexpr (std::is_void_v<R>) {
      std::apply(function_, arguments_);
    } else {
      result_.emplace(std::apply(function_, arguments_));
    }
  }
  void encode(Writer& writer) override {
    if constexpr (!std::is_void_v<R>) put<std::decay_t<R>>(writer, *result_);
  }

 private:
  R (*function_)(P...);
  std::tuple<std::decay_t<P>...> arguments_;
  std::conditional_t<std::is_void_v<R>, std::nullptr_t, std::optional<std::decay_t<R>>> result_{};
};

}  // namespace detail

template <class R, class... P>
Export exported(const char* name, R (*function)(P...)) {
  return {name, typeid(R(P...)).name(),
          [function](Reader& reader) { return std::make_unique<detail::Prepared<R, P...>>(function, reader); }};
}

// Defined by each lab's runner (remote/exports.cpp).
std::vector<Export> exports();

}  // namespace hpc::remote
