-- wrk script for POST /api/v1/eligibility/general: each request asks about a random national ID from the file named
-- by IDS_FILE (one a line), with the centre's key from API_KEY. wrk counts non-2xx responses itself.
local ids = {}
local key = os.getenv("API_KEY") or ""

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed or os.time())
  for line in io.lines(os.getenv("IDS_FILE")) do
    if #line > 0 then ids[#ids + 1] = line end
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-Api-Key"] = key
end

function request()
  local body = '{"nationalId":"' .. ids[math.random(#ids)] .. '"}'
  return wrk.format(nil, nil, nil, body)
end
