-- wrk script for bench/http.sh: builds login / profile / avatar requests for the users in
-- $USERS ("username id token" per line), checks every answer's body and prints one RESULT line.
local endpoint = os.getenv("ENDPOINT")
local users = {}
for line in io.lines(os.getenv("USERS")) do
  local name, id, token = line:match("(%S+) (%S+) (%S+)")
  users[#users + 1] = { name = name, id = id, token = token }
end

local photo
if endpoint == "avatar" then
  local file = assert(io.open(os.getenv("PHOTO"), "rb"))
  photo = file:read("*a")
  file:close()
end

local boundary = "----wrkboundary7d1f"
local counter = 0
failures = 0
-- set by setup() in each thread's state: thread 1 uses users 1-32, thread 2 users 33-64
id = 1

function request()
  counter = counter + 1
  local user = users[((id - 1) * 32 + (counter % 32)) % #users + 1]
  if endpoint == "login" then
    return wrk.format("POST", nil, { ["Content-Type"] = "application/x-www-form-urlencoded" },
      "email=" .. user.name .. "%40example.com&password=secret1")
  elseif endpoint == "profile" then
    return wrk.format("GET", wrk.path .. "?user_id=" .. user.id .. "&session_id=" .. user.token)
  else
    local body = "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"session_id\"\r\n\r\n" .. user.token ..
      "\r\n--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"photo.jpg\"\r\n" ..
      "Content-Type: image/jpeg\r\n\r\n" .. photo .. "\r\n--" .. boundary .. "--\r\n"
    return wrk.format("POST", nil, { ["Content-Type"] = "multipart/form-data; boundary=" .. boundary }, body)
  end
end

function response(status, headers, body)
  if status ~= 200 or not body:find('"code":200', 1, true) then
    failures = failures + 1
  end
end

-- wrk runs request()/response() in one Lua state per thread: collect the failures per thread
local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
  thread:set("id", #threads)
end

function done(summary, latency, requests)
  local errors = 0
  for _, thread in ipairs(threads) do
    errors = errors + (thread:get("failures") or 0)
  end
  errors = errors + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.1f %.1f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
