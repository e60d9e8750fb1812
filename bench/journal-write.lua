-- POSTs journal entries for one person, backdated one every 2.6 hours so that 10,000 entries span three years.
-- Arguments (after --): <access token> <entries to write, 0 for no limit> <wrk threads> <first entry number>.
-- With a limit, each thread stops after its share (wrk itself still runs for its whole -d).
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  token = args[1]
  total = tonumber(args[2])
  written = 0
  sent = 0
  nthreads = tonumber(args[3] or "2")
  share = math.ceil(total / nthreads)
  offset = tonumber(args[4] or "0")
  now = os.time()
  bodies = {
    "Woke up tired but the walk to the bakery helped. Noticed the inner critic going on about the unfinished report; "
      .. "tried to answer it the way I would answer a friend. Made tea, wrote three lines, and that was enough for today.",
    "A long meeting and a short temper. I was harder on myself than the day deserved. Tonight: a breathing space, "
      .. "then bed early. Tomorrow I will ask for help with the parts I cannot do alone.",
    "Good conversation with my sister. Laughed more than I have in weeks. Writing it down so I remember that days "
      .. "like this happen too, even in a difficult month."
  }
end

function request()
  sent = sent + 1
  local k = offset + id + nthreads * (sent - 1)
  local at = os.date("!%Y-%m-%dT%H:%M:%S", now - (k + 1) * 9400)
  local body = string.format('{"localDateTime":"%s","timeZone":"UTC","title":"Evening notes %d","body":"%s",'
    .. '"mood":%d,"emotions":["calm","tired"],"tags":["evening"]}', at, k, bodies[k % 3 + 1], k % 5 + 1)
  return wrk.format("POST", "/api/journal/entries",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status ~= 201 then
    io.stderr:write("unexpected status " .. status .. "\n")
  end
  written = written + 1
  if total > 0 and written >= share then
    wrk.thread:stop()
  end
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f errors=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests))
end
