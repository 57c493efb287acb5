-- wrk script for bench/feed.sh: GET requests for one endpoint on the loaded community, every
-- answer's body checked ("code":200; searches may also answer 204), one RESULT line at the end.
--   ENDPOINT    profile | feeds | thread_data | profile_posts | fetch_followers | like_post |
--               search_posts | search_people | search_hashtags
--   TOKENS      "<userId> <token> <username>" per line: heavy first, typical second, then others
--   FEED_USER   all (default: the sessions after the first two) | heavy | typical
--   THREADS     post ids with replies, one a line (thread_data)
--   POST_USERS  user ids with posts, one a line (profile, profile_posts: whose profile is read)
--   OFFSETS     feeds, optional: "<token> <offset_id>" per line, the last offset_id of that user's
--               first page. A user with one is sent first page and next page in turn.
--   PAGE_SIZE   feeds page size, default 20
--   STAR        fetch_followers: whose followers are read (the user with 50,000 followers)
--   FOLLOWERS_OFFSET  fetch_followers: the offset sent (empty: page 1)
--   LIKE_POST   like_post: the one post every like toggles (empty: a post of THREADS per request)
--   SEARCH      search_*: one query only (empty: each request the next of the endpoint's list below)
local endpoint = os.getenv("ENDPOINT")
local who = os.getenv("FEED_USER") or "all"
local page_size = os.getenv("PAGE_SIZE") or "20"

local function lines(file)
  local list = {}
  if file and file ~= "" then
    for line in io.lines(file) do
      if line:match("%S") then
        list[#list + 1] = line
      end
    end
  end
  return list
end

local users = {}
for n, line in ipairs(lines(os.getenv("TOKENS"))) do
  local id, token = line:match("(%S+) (%S+)")
  if (who == "heavy" and n == 1) or (who == "typical" and n == 2) or (who == "all" and n > 2) then
    users[#users + 1] = { id = id, token = token }
  end
end
assert(#users > 0, "no users for FEED_USER=" .. who)

local offsets = {}
for _, line in ipairs(lines(os.getenv("OFFSETS"))) do
  local token, offset = line:match("(%S+) (%S+)")
  offsets[token] = offset
end
local threads = lines(os.getenv("THREADS"))
local star = os.getenv("STAR") or ""
local followers_offset = os.getenv("FOLLOWERS_OFFSET") or ""
local like_post = os.getenv("LIKE_POST") or ""
local form = { ["Content-Type"] = "application/x-www-form-urlencoded" }
local post_users = lines(os.getenv("POST_USERS"))

-- Queries on Community.java's vocabulary: each of its ~100 words is in about 15 % of the posts,
-- so one word matches ~150,000 posts, two ~20,000, three ~3,000; tags with a number are rare.
local queries = {
  search_posts = { "coffee", "Morning", "coffee morning", "java code release", "#Coffee", "café",
    "weekend friends family", "Coffee12", "#Bug7", "music zzzz", "amazing", "love the city" },
  search_people = { "Maria", "Smith", "anna", "Müller", "muller", "u123", "u4", "@star", "Emma Garcia", "heavy",
    "Chen", "zo" },
  search_hashtags = { "cof", "#Coffee", "m", "java", "Bug1", "tr", "photo", "amaz", "zzz", "a" },
}
local search = os.getenv("SEARCH") or ""

local function encode(text)
  return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local counter = 0
failures = 0
-- set by setup() in each thread's state, so that the threads start at different users
id = 1

function request()
  counter = counter + 1
  local k = counter + (id - 1) * 7919
  if endpoint == "feeds" then
    -- each user in turn: first page, then (if its offset is known) the next page
    local user = users[math.floor(k / 2) % #users + 1]
    local path = wrk.path .. "?session_id=" .. user.token .. "&page_size=" .. page_size
    local offset = offsets[user.token]
    if k % 2 == 1 and offset then
      path = path .. "&offset=" .. offset
    end
    return wrk.format("GET", path)
  end
  local user = users[k % #users + 1]
  if queries[endpoint] then
    local list = queries[endpoint]
    local query = search ~= "" and search or list[k % #list + 1]
    return wrk.format("GET", wrk.path .. "?query=" .. encode(query) .. "&page_size=20&session_id=" .. user.token)
  elseif endpoint == "fetch_followers" then
    local path = wrk.path .. "?user_id=" .. star .. "&session_id=" .. user.token
    if followers_offset ~= "" then
      path = path .. "&offset=" .. followers_offset
    end
    return wrk.format("GET", path)
  elseif endpoint == "like_post" then
    -- as the apps send it: POST with a form body; each call toggles the caller's like
    local post = like_post ~= "" and like_post or threads[k % #threads + 1]
    return wrk.format("POST", wrk.path, form, "session_id=" .. user.token .. "&post_id=" .. post)
  elseif endpoint == "thread_data" then
    return wrk.format("GET", wrk.path .. "?thread_id=" .. threads[k % #threads + 1] .. "&session_id=" .. user.token)
  elseif endpoint == "profile_posts" then
    return wrk.format("GET", wrk.path .. "?user_id=" .. post_users[k % #post_users + 1] ..
      "&type=posts&session_id=" .. user.token)
  else -- profile: the signed-in view of a user with posts
    return wrk.format("GET", wrk.path .. "?user_id=" .. post_users[k % #post_users + 1] .. "&session_id=" .. user.token)
  end
end

-- a search that finds nothing answers code 204 "No data found", as the contract says
local empty_ok = queries[endpoint] ~= nil

function response(status, headers, body)
  if status ~= 200 or not (body:find('"code":200', 1, true) or (empty_ok and body:find('"code":204', 1, true))) then
    failures = failures + 1
  end
end

-- wrk runs request()/response() in one Lua state per thread: collect the failures per thread
local all_threads = {}
function setup(thread)
  all_threads[#all_threads + 1] = thread
  thread:set("id", #all_threads)
end

function done(summary, latency, requests)
  local errors = 0
  for _, thread in ipairs(all_threads) do
    errors = errors + (thread:get("failures") or 0)
  end
  errors = errors + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.1f %.1f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors, summary.requests))
end
