-- wrk script for the soak (bench/soak.sh): bench/eligibility/inquiry.lua's inquiry (a random national ID from IDS_FILE,
-- the centre's key from API_KEY), at most one request per connection every DELAY_MS (default 5) so the soak leaves the
-- shared machine some room, and a count of answers by status class, printed at the end as `status_2xx=N` lines
-- (wrk itself only counts "non-2xx").
local ids = {}
local key = os.getenv("API_KEY") or ""
local pause = tonumber(os.getenv("DELAY_MS") or "5")
local threads = {}

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(seed or os.time())
  for line in io.lines(os.getenv("IDS_FILE")) do
    if #line > 0 then ids[#ids + 1] = line end
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-Api-Key"] = key
  c2, c3, c4, c5 = 0, 0, 0, 0
end

function request()
  local body = '{"nationalId":"' .. ids[math.random(#ids)] .. '"}'
  return wrk.format(nil, nil, nil, body)
end

function delay()
  return pause
end

function response(status, headers, body)
  if status < 300 then c2 = c2 + 1
  elseif status < 400 then c3 = c3 + 1
  elseif status < 500 then c4 = c4 + 1
  else c5 = c5 + 1 end
end

function done(summary, latency, requests)
  local t = { 0, 0, 0, 0 }
  for _, thread in ipairs(threads) do
    t[1] = t[1] + thread:get("c2"); t[2] = t[2] + thread:get("c3")
    t[3] = t[3] + thread:get("c4"); t[4] = t[4] + thread:get("c5")
  end
  io.write(string.format("status_2xx=%d\nstatus_3xx=%d\nstatus_4xx=%d\nstatus_5xx=%d\n", t[1], t[2], t[3], t[4]))
  io.write(string.format("socket_errors=%d\n", summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("p50_ms=%.2f\np99_ms=%.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
