// Part 2 (src/http_client.cpp): a concurrent HTTP client. Fetch a list of URLs (GET, HTTP/1.1,
// repeats allowed) with at most `max_connections` TCP connections open at once, reused from one
// request to the next, and a least-recently-used cache of responses, so that a repeated URL is
// requested once. Failed requests are retried up to a limit and reported per URL, never dropped.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace hpc::lab06 {

struct FetchOptions {
  int max_connections = 4;         // K >= 1: TCP connections open at once, at most
  std::size_t cache_entries = 64;  // the LRU cache's capacity in URLs (0: no cache)
  int max_retries = 2;             // retries after a failed attempt (so at most 1 + max_retries attempts)
  double timeout_seconds = 2.0;    // one attempt's limit, connecting included
};

// What one position of the list got. A request *completes* when a whole response arrived (any
// status); otherwise it *failed in transfer* (a refused or dropped connection, a timeout).
struct FetchResult {
  long status = 0;          // the final attempt's HTTP status; 0 when it failed in transfer
  std::string body;         // the final attempt's body, byte for byte (zero bytes included); "" if none
  std::string error;        // "" when status == 200; "HTTP <status>" for another status (e.g. "HTTP 404");
                            // curl_easy_strerror(code) when the transfer failed (e.g. "Timeout was reached")
  int attempts = 0;         // requests sent for this position (0 when it shares another position's)
  bool from_cache = false;  // true when it shares the result of an earlier position's request
};

// Fetches every URL of `urls`; result i is urls[i]'s. The rules, which the tests check exactly:
//  - Attempts: an attempt that fails in transfer or ends with a status >= 500 is retried, up to
//    options.max_retries times; any other status (200, 404, ...) is final.
//  - Cache: positions are looked up in list order in an LRU cache of options.cache_entries URLs.
//    A hit (the URL is among the cache_entries most recently looked-up distinct URLs) shares the
//    final result of that URL's request, even one still in flight (from_cache = true, attempts = 0);
//    a miss sends a request of its own and enters the URL, evicting the least recently used one.
//    So the server sees one request per distinct URL when the cache holds them all.
//  - At most options.max_connections connections to the server at any moment; each carries request
//    after request (keep-alive). Every connection is closed before the function returns.
//  - Never hangs: every attempt is bounded by options.timeout_seconds.
std::vector<FetchResult> fetch_all(const std::vector<std::string>& urls, const FetchOptions& options);

}  // namespace hpc::lab06
