// How arguments and results cross the process boundary of a remote call (hpc/remote.hpp).
//
// Values are laid out one after another in a byte region: a trivially copyable value as its bytes,
// a span, string or vector as a count and its elements (64-byte aligned, so SIMD code reads its
// inputs as it would from a fresh allocation), a variant as its index and value, and a struct that
// holds vectors through the list of its fields that a lab gives in Fields<T>:
//
//   template <> struct hpc::remote::Fields<Image> {
//     static auto of(auto& image) { return std::tie(image.rows, image.cols, image.pixels); }
//   };
//
// On the runner's side a span is decoded as a view of a heap copy of its elements (Reader::stage),
// a string_view as a view into the region. A span whose elements lie in an OutputArray
// (hpc/remote.hpp) travels as a reference to it: the student's code writes where the test reads.
// Every read is bounds-checked: a region written by the other process is never trusted.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace hpc::remote {

inline constexpr std::size_t kBlobAlignment = 64;

class ProtocolError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Where a mutable span's elements were placed, to copy them back after the call.
struct CopyBack {
  void* to;
  std::size_t offset, bytes;
};

// Where a span's elements lie in memory both processes map (an OutputArray).
struct SharedPlace {
  std::uint32_t id = 0;
  std::uint64_t offset = 0;
};

// Lays values out from offset 0. Without a base it only counts the bytes (the first pass).
class Writer {
 public:
  Writer() = default;
  Writer(std::byte* base, std::size_t capacity) : base_(base), capacity_(capacity) {}

  // Set by the caller's side: whether [data, data + bytes) lies in shared memory, and where.
  bool (*find_shared)(const void* data, std::size_t bytes, SharedPlace& place) = nullptr;
  std::vector<std::uint32_t> shared_used;  // the output arrays this call refers to

  // Places `bytes` bytes at the next multiple of `alignment`; returns their offset.
  std::size_t put(const void* data, std::size_t bytes, std::size_t alignment) {
    const std::size_t at = (size_ + alignment - 1) / alignment * alignment;
    if (base_) {
      if (at + bytes > capacity_) throw ProtocolError("remote call: arguments larger than the shared region");
      if (bytes) std::memcpy(base_ + at, data, bytes);
    }
    size_ = at + bytes;
    return at;
  }
  void copy_back(void* to, std::size_t offset, std::size_t bytes) {
    if (base_) copy_backs_.push_back({to, offset, bytes});
  }
  std::size_t size() const { return size_; }
  const std::vector<CopyBack>& copy_backs() const { return copy_backs_; }

 private:
  std::byte* base_ = nullptr;
  std::size_t capacity_ = 0, size_ = 0;
  std::vector<CopyBack> copy_backs_;
};

class Reader {
 public:
  Reader(std::byte* base, std::size_t size) : base_(base), size_(size) {}

  // Set by the runner's side: the address of an output array's bytes [offset, offset + bytes),
  // throwing ProtocolError when they are not all mapped.
  std::byte* (*shared)(const SharedPlace& place, std::size_t bytes) = nullptr;
  // Set by the runner's side: a heap copy of a span's elements, which the function gets instead of
  // the region (so that it works on ordinary heap memory, as in a test that links it: AddressSanitizer
  // sees an access past its end); a writable one is copied back before the result is fetched.
  std::byte* (*stage)(std::byte* data, std::size_t bytes, bool writable) = nullptr;

  std::byte* take(std::size_t bytes, std::size_t alignment) {
    const std::size_t at = (offset_ + alignment - 1) / alignment * alignment;
    if (at > size_ || bytes > size_ - at) throw ProtocolError("remote call: a value runs past the end of its region");
    offset_ = at + bytes;
    return base_ + at;
  }
  std::size_t count(std::size_t element_bytes) {  // an element count that fits the region
    std::uint64_t n = 0;
    std::memcpy(&n, take(sizeof n, alignof(std::uint64_t)), sizeof n);
    if (element_bytes && n > (size_ - offset_) / element_bytes) throw ProtocolError("remote call: a bad count");
    return static_cast<std::size_t>(n);
  }

 private:
  std::byte* base_;
  std::size_t size_, offset_ = 0;
};

// A lab lists the fields of its structs that hold more than plain bytes (see the file comment).
template <class T>
struct Fields {};

template <class T, class = void>
struct Codec;

template <class T>
void put(Writer& w, const T& value) {
  Codec<T>::put(w, value);
}
template <class T>
T get(Reader& r) {
  return Codec<T>::get(r);
}

inline void put_count(Writer& w, std::size_t n) {
  const std::uint64_t count = n;
  w.put(&count, sizeof count, alignof(std::uint64_t));
}

template <class T>
struct is_view : std::false_type {};
template <class T, std::size_t E>
struct is_view<std::span<T, E>> : std::true_type {};
template <class C, class Tr>
struct is_view<std::basic_string_view<C, Tr>> : std::true_type {};

template <class T, class = void>
struct has_fields : std::false_type {};
template <class T>
struct has_fields<T, std::void_t<decltype(Fields<T>::of(std::declval<T&>()))>> : std::true_type {};

// Plain bytes: numbers, enums, structs of numbers.
template <class T>
struct Codec<T, std::enable_if_t<std::is_trivially_copyable_v<T> && !std::is_pointer_v<T> && !is_view<T>::value &&
                                 !has_fields<T>::value>> {
  static void put(Writer& w, const T& value) { w.put(&value, sizeof(T), alignof(T)); }
  static T get(Reader& r) {
    T value;
    std::memcpy(static_cast<void*>(&value), r.take(sizeof(T), alignof(T)), sizeof(T));
    return value;
  }
};

// A span: its count, then its elements, or where they lie in shared memory; decoded as a view.
enum class Placement : std::uint8_t { inline_bytes = 0, shared = 1 };

template <class T>
void put_span(Writer& w, std::span<T> s, bool copy_back) {
  static_assert(std::is_trivially_copyable_v<std::remove_const_t<T>>);
  put_count(w, s.size());
  SharedPlace place;
  const bool shared = w.find_shared && w.find_shared(s.data(), s.size_bytes(), place);
  const auto placement = shared ? Placement::shared : Placement::inline_bytes;
  w.put(&placement, 1, 1);
  if (shared) {
    w.put(&place, sizeof place, alignof(SharedPlace));
    w.shared_used.push_back(place.id);
    return;
  }
  const std::size_t at = w.put(s.data(), s.size_bytes(), kBlobAlignment);
  if (copy_back) w.copy_back(const_cast<std::remove_const_t<T>*>(s.data()), at, s.size_bytes());
}

template <class T>
T* get_span(Reader& r, std::size_t& n) {
  n = r.count(0);
  Placement placement;
  std::memcpy(&placement, r.take(1, 1), 1);
  if (n > SIZE_MAX / sizeof(T)) throw ProtocolError("remote call: a bad count");
  if (placement == Placement::shared) {
    SharedPlace place;
    std::memcpy(&place, r.take(sizeof place, alignof(SharedPlace)), sizeof place);
    if (!r.shared) throw ProtocolError("remote call: shared memory where none is mapped");
    return reinterpret_cast<T*>(r.shared(place, n * sizeof(T)));
  }
  if (placement != Placement::inline_bytes) throw ProtocolError("remote call: a bad placement");
  std::byte* data = r.take(n * sizeof(T), kBlobAlignment);
  return reinterpret_cast<T*>(r.stage ? r.stage(data, n * sizeof(T), !std::is_const_v<T>) : data);
}

template <class T>
struct Codec<std::span<const T>> {
  static void put(Writer& w, std::span<const T> s) { put_span(w, s, false); }
  static std::span<const T> get(Reader& r) {
    std::size_t n = 0;
    const T* data = get_span<const T>(r, n);
    return {data, n};
  }
};

// A writable span's elements come back into the caller's memory after the call (unless shared).
template <class T>
struct Codec<std::span<T>, std::enable_if_t<!std::is_const_v<T>>> {
  static void put(Writer& w, std::span<T> s) { put_span(w, s, true); }
  static std::span<T> get(Reader& r) {
    std::size_t n = 0;
    T* data = get_span<T>(r, n);
    return {data, n};
  }
};

template <>
struct Codec<std::string_view> {
  static void put(Writer& w, std::string_view s) {
    put_count(w, s.size());
    w.put(s.data(), s.size(), 1);
  }
  static std::string_view get(Reader& r) {
    const std::size_t n = r.count(1);
    return {reinterpret_cast<const char*>(r.take(n, 1)), n};
  }
};

template <>
struct Codec<std::string> {
  static void put(Writer& w, const std::string& s) { Codec<std::string_view>::put(w, s); }
  static std::string get(Reader& r) { return std::string(Codec<std::string_view>::get(r)); }
};

template <class T>
struct Codec<std::vector<T>> {
  static void put(Writer& w, const std::vector<T>& v) {
    put_count(w, v.size());
    if constexpr (std::is_trivially_copyable_v<T>) {
      w.put(v.data(), v.size() * sizeof(T), kBlobAlignment);
    } else {
      for (const T& x : v) Codec<T>::put(w, x);
    }
  }
  static std::vector<T> get(Reader& r) {
    if constexpr (std::is_trivially_copyable_v<T>) {
      const std::size_t n = r.count(sizeof(T));
      const T* data = reinterpret_cast<const T*>(r.take(n * sizeof(T), kBlobAlignment));
      return {data, data + n};
    } else {
      std::vector<T> v(r.count(1));
      for (T& x : v) x = Codec<T>::get(r);
      return v;
    }
  }
};

template <class... Ts>
struct Codec<std::variant<Ts...>> {
  using V = std::variant<Ts...>;
  static void put(Writer& w, const V& v) {
    const std::uint32_t index = static_cast<std::uint32_t>(v.index());
    w.put(&index, sizeof index, alignof(std::uint32_t));
    std::visit([&w](const auto& alternative) { hpc::remote::put(w, alternative); }, v);
  }
  static V get(Reader& r) {
    const auto index = Codec<std::uint32_t>::get(r);
    return get_alternative(r, index, std::index_sequence_for<Ts...>{});
  }

 private:
  template <std::size_t... I>
  static V get_alternative(Reader& r, std::uint32_t index, std::index_sequence<I...>) {
    V result;
    const bool found = ((index == I ? (result.template emplace<I>(Codec<Ts>::get(r)), true) : false) || ...);
    if (!found) throw ProtocolError("remote call: a bad variant index");
    return result;
  }
};

// A struct with a Fields<T> list: field by field.
template <class T>
struct Codec<T, std::enable_if_t<has_fields<T>::value>> {
  static void put(Writer& w, const T& value) {
    std::apply([&w](const auto&... field) { (hpc::remote::put(w, field), ...); }, Fields<T>::of(value));
  }
  static T get(Reader& r) {
    T value{};
    std::apply([&r](auto&... field) { ((field = Codec<std::decay_t<decltype(field)>>::get(r)), ...); },
               Fields<T>::of(value));
    return value;
  }
};

}  // namespace hpc::remote
