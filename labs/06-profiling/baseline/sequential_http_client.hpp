// The HTTP client everybody writes first (instructor code; student code may not call it): one
// request after another on one reused connection, no cache. Same attempts and reports as
// lab06::fetch_all (lab06/http_client.hpp) except that every position sends its own request
// (from_cache is always false). Part 2's results are compared with it, and timed against it.
#pragma once

#include <string>
#include <vector>

#include "lab06/http_client.hpp"

namespace hpc::lab06::baseline {

std::vector<FetchResult> fetch_sequentially(const std::vector<std::string>& urls, const FetchOptions& options);

}  // namespace hpc::lab06::baseline
