"""matplotlib scripts that turn the grader's results.json and Google Benchmark JSON into PNGs."""
