// Part 2: a concurrent HTTP client. Two ideas: decide from the list alone, before sending anything,
// which positions need a request (an LRU cache of URLs, looked up in list order: a repeat shares
// its URL's request even while that request is in flight); then send those requests through K
// reusable curl handles in one curl multi handle, which keeps at most K connections alive and
// carries request after request on each. All the waiting then overlaps: K requests in flight,
// every connection set up once.
#include <curl/curl.h>

#include <algorithm>
#include <list>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <unordered_map>

#include "lab06/http_client.hpp"

namespace hpc::lab06 {

namespace {

// One request of its own: the position that sends it and the later positions that share it.
struct Flight {
  std::size_t owner;
  std::vector<std::size_t> sharers;
};

// URL -> the flight that fetches it, forgetting the least recently used URL beyond `capacity`.
class LruCache {
 public:
  explicit LruCache(std::size_t capacity) : capacity_(capacity) {}

  std::optional<std::size_t> find(const std::string& url) {
    const auto found = where_.find(url);
    if (found == where_.end()) return std::nullopt;
    order_.splice(order_.begin(), order_, found->second);  // now the most recently used
    return found->second->second;
  }

  void insert(const std::string& url, std::size_t flight) {
    if (capacity_ == 0) return;
    if (order_.size() == capacity_) {
      where_.erase(order_.back().first);
      order_.pop_back();
    }
    order_.emplace_front(url, flight);
    where_[url] = order_.begin();
  }

 private:
  std::size_t capacity_;
  std::list<std::pair<std::string, std::size_t>> order_;  // most recently used first
  std::unordered_map<std::string, std::list<std::pair<std::string, std::size_t>>::iterator> where_;
};

std::vector<Flight> plan_requests(const std::vector<std::string>& urls, std::size_t cache_entries) {
  LruCache cache(cache_entries);
  std::vector<Flight> flights;
  for (std::size_t i = 0; i < urls.size(); ++i) {
    if (const auto flight = cache.find(urls[i])) {
      flights[*flight].sharers.push_back(i);
    } else {
      cache.insert(urls[i], flights.size());
      flights.push_back({i, {}});
    }
  }
  return flights;
}

std::size_t append_to(char* data, std::size_t size, std::size_t count, void* body) {
  static_cast<std::string*>(body)->append(data, size * count);
  return size * count;
}

// One of the K handles: the flight it is fetching now, and that attempt's body.
struct Slot {
  CURL* curl = nullptr;
  std::size_t flight = 0;
  std::string body;
};

// The outcome of an attempt, as lab06/http_client.hpp words it.
FetchResult outcome_of(CURL* curl, CURLcode code, std::string& body, int attempts) {
  FetchResult r;
  r.attempts = attempts;
  if (code != CURLE_OK) {
    r.error = curl_easy_strerror(code);
    return r;
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &r.status);
  r.body = std::move(body);
  if (r.status != 200) r.error = "HTTP " + std::to_string(r.status);
  return r;
}

}  // namespace

std::vector<FetchResult> fetch_all(const std::vector<std::string>& urls, const FetchOptions& options) {
  if (options.max_connections < 1) throw std::invalid_argument("fetch_all: max_connections must be >= 1");
  static std::once_flag curl_ready;
  std::call_once(curl_ready, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });

  const std::vector<Flight> flights = plan_requests(urls, options.cache_entries);
  std::vector<FetchResult> results(urls.size());

  const long k = options.max_connections;
  CURLM* multi = curl_multi_init();
  curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, k);
  curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, k);
  curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, k);  // keep every connection for the next request

  std::vector<Slot> slots(static_cast<std::size_t>(std::min<std::size_t>(k, flights.size())));
  std::size_t next_flight = 0;
  const auto start = [&](Slot& slot) {
    slot.body.clear();
    curl_easy_setopt(slot.curl, CURLOPT_URL, urls[flights[slot.flight].owner].c_str());
    curl_multi_add_handle(multi, slot.curl);
  };
  for (Slot& slot : slots) {
    slot.curl = curl_easy_init();
    curl_easy_setopt(slot.curl, CURLOPT_WRITEFUNCTION, append_to);
    curl_easy_setopt(slot.curl, CURLOPT_WRITEDATA, &slot.body);
    curl_easy_setopt(slot.curl, CURLOPT_PRIVATE, &slot);
    curl_easy_setopt(slot.curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(slot.curl, CURLOPT_PROXY, "");
    curl_easy_setopt(slot.curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout_seconds * 1000));
    slot.flight = next_flight++;
    start(slot);
  }

  std::size_t finished = 0;
  while (finished < flights.size()) {
    int running = 0;
    curl_multi_perform(multi, &running);
    int queued = 0;
    while (CURLMsg* message = curl_multi_info_read(multi, &queued)) {
      if (message->msg != CURLMSG_DONE) continue;
      Slot* slot = nullptr;
      curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &slot);
      const CURLcode code = message->data.result;
      curl_multi_remove_handle(multi, slot->curl);
      const Flight& flight = flights[slot->flight];
      FetchResult& mine = results[flight.owner];
      mine = outcome_of(slot->curl, code, slot->body, mine.attempts + 1);
      const bool retry = (code != CURLE_OK || mine.status >= 500) && mine.attempts <= options.max_retries;
      if (retry) {
        start(*slot);
        continue;
      }
      for (std::size_t sharer : flight.sharers) {
        results[sharer] = mine;
        results[sharer].attempts = 0;
        results[sharer].from_cache = true;
      }
      ++finished;
      if (next_flight < flights.size()) {
        slot->flight = next_flight++;
        start(*slot);
      }
    }
    if (finished < flights.size()) curl_multi_poll(multi, nullptr, 0, 100, nullptr);
  }

  for (Slot& slot : slots) curl_easy_cleanup(slot.curl);  // every handle is out of the multi by now
  curl_multi_cleanup(multi);                              // closes the connections it kept
  return results;
}

}  // namespace hpc::lab06
