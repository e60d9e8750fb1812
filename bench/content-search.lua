-- Searches the library at a fixed pace: each connection waits so that the total rate is about RATE requests/s.
-- Arguments (after --): <total rate> <connections>. Queries rotate through a list with typos and filters.
local queries = {
  "/api/content/search?q=kindness", "/api/content/search?q=inner%20critic", "/api/content/search?q=breathing",
  "/api/content/search?q=compasion", "/api/content/search?q=body%20scan&type=practice",
  "/api/content/search?q=sleep&maxMinutes=10", "/api/content/search?q=lonely%20support&habit=seek-support",
  "/api/content/search?q=gentle%20friend%20letter&page=1", "/api/content/search?q=mindfull", "/api/content/search?q=rest"
}
local i = 0

function init(args)
  local rate = tonumber(args[1] or "200")
  local connections = tonumber(args[2] or "8")
  pause = 1000 * connections / rate
end

function delay()
  return pause
end

function request()
  i = i + 1
  return wrk.format("GET", queries[i % #queries + 1])
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f errors=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests))
end
