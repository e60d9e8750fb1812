-- Searches the library at a fixed pace: each connection waits so that the total rate is about RATE requests/s.
-- Arguments (after --): <total rate> <connections>. Queries are drawn from 360 combinations of the library's words,
-- with typos, filters and second pages, so that one query comes round again only every few hundred requests.
local words = { "kindness", "inner", "critic", "breathing", "compassion", "body", "scan", "sleep", "lonely", "support",
  "gentle", "friend", "letter", "mindful", "rest", "shame", "mistake", "worry", "calm", "habit", "self", "care",
  "perfect", "talk", "moment", "walk", "evening", "morning", "tired", "anxious" }
local typos = { "compasion", "mindfull", "kindnes", "breathng", "lonley", "critc" }
local filters = { "", "", "&type=practice", "&type=article", "&maxMinutes=10", "&habit=mindfulness", "&page=1",
  "&habit=self-care", "&topic=rest", "" }
local queries = {}
for i = 1, 360 do
  local a = words[(i * 7) % #words + 1]
  local b = (i % 3 == 0) and ("%20" .. words[(i * 11) % #words + 1]) or ""
  if i % 9 == 0 then a = typos[(i / 9) % #typos + 1] end
  queries[i] = "/api/content/search?q=" .. a .. b .. filters[i % #filters + 1]
end
local i = 0

function init(args)
  local rate = tonumber(args[1] or "200")
  local connections = tonumber(args[2] or "8")
  pause = 1000 * connections / rate
  i = math.random(#queries)
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
