#include "sequential_http_client.hpp"

#include <curl/curl.h>

#include <mutex>
#include <stdexcept>

namespace hpc::lab06::baseline {

namespace {

std::size_t append_to(char* data, std::size_t size, std::size_t count, void* body) {
  static_cast<std::string*>(body)->append(data, size * count);
  return size * count;
}

}  // namespace

std::vector<FetchResult> fetch_sequentially(const std::vector<std::string>& urls, const FetchOptions& options) {
  static std::once_flag curl_ready;
  std::call_once(curl_ready, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  CURL* curl = curl_easy_init();
  if (!curl) throw std::runtime_error("curl_easy_init failed");
  std::string body;
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_to);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_PROXY, "");
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout_seconds * 1000));
  std::vector<FetchResult> results(urls.size());
  for (std::size_t i = 0; i < urls.size(); ++i) {
    curl_easy_setopt(curl, CURLOPT_URL, urls[i].c_str());
    FetchResult& r = results[i];
    while (true) {
      body.clear();
      ++r.attempts;
      const CURLcode code = curl_easy_perform(curl);
      r = FetchResult{.status = 0, .body = {}, .error = {}, .attempts = r.attempts, .from_cache = false};
      if (code == CURLE_OK) {
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &r.status);
        r.body = body;
        if (r.status != 200) r.error = "HTTP " + std::to_string(r.status);
      } else {
        r.error = curl_easy_strerror(code);
      }
      const bool retryable = code != CURLE_OK || r.status >= 500;
      if (!retryable || r.attempts > options.max_retries) break;
    }
  }
  curl_easy_cleanup(curl);
  return results;
}

}  // namespace hpc::lab06::baseline
