#include "hpc/todo.hpp"
#include "lab06/http_client.hpp"

namespace hpc::lab06 {

// TODO(student): part 2 (test_http_client: exact results, connections and requests the server
// counts; perf_http_client: concurrency and speedup against the sequential client). Follow the
// rules in lab06/http_client.hpp exactly:
//  1. Plan first, from the list alone: an LRU cache of URLs (std::list + std::unordered_map),
//     looked up in list order, says which positions send a request and which share one.
//  2. Send the requests with libcurl's multi interface (curl_multi_init, CURLMOPT_MAX_HOST_CONNECTIONS
//     and CURLMOPT_MAX_TOTAL_CONNECTIONS = K): K easy handles, each re-added for the next request
//     when its transfer is done (curl_multi_info_read), so its connection is reused.
//  3. Retry an attempt that failed in transfer or got a status >= 500, up to max_retries times;
//     report the final outcome of every position, with the error text the header gives.
//  4. Clean up every easy handle and the multi handle before returning (closes the connections).
std::vector<FetchResult> fetch_all(const std::vector<std::string>& urls, const FetchOptions& options) {
  hpc::todo("fetch_all");
}

}  // namespace hpc::lab06
