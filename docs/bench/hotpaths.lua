-- wrk script of docs/bench/hotpaths.sh: what each path sends, and a tally of what came back.
-- Settings come from the environment (wrk passes no arguments to setup):
--   HP_MODE    get | static (HP_BODY, one body for every request) | unique (enhance, a new prompt per request)
--              | sessions (HP_BODY; each new session's id is appended to HP_IDS_OUT.<thread>)
--              | edits (round robin over the session ids in HP_IDS_IN, slice HP_IDS_FROM..HP_IDS_TO)
--   HP_NONCE   digits that make the unique prompts unique across runs (the model cache lives in a shared Redis)
--   HP_SAMPLE  read every n-th answer's body for the check (engine, cached, ...); statuses are counted for all
-- done() prints one "HP ..." line with the figures and one "HP_CHECK key=value:count ..." line with the tallies.

local mode = os.getenv("HP_MODE") or "get"
local sample_every = tonumber(os.getenv("HP_SAMPLE") or "10")

local threads = {}
local next_id = 1

function setup(thread)
   thread:set("tid", next_id)
   next_id = next_id + 1
   table.insert(threads, thread)
end

local function slurp(path)
   local f = assert(io.open(path, "rb"))
   local text = f:read("*a")
   f:close()
   return text
end

local function bump(key)
   tally[key] = (tally[key] or 0) + 1
end

function init(args)
   tally = {}
   seen = 0
   wrk.headers["Content-Type"] = "application/json"
   if mode == "get" then
      wrk.method = "GET"
   else
      wrk.method = "POST"
   end
   if mode == "static" or mode == "sessions" then
      wrk.body = slurp(os.getenv("HP_BODY"))
   end
   if mode == "sessions" and os.getenv("HP_IDS_OUT") then
      ids_out = assert(io.open(os.getenv("HP_IDS_OUT") .. "." .. tid, "w"))
      ids_out:setvbuf("line")
   end
   if mode == "unique" then
      -- digits only (a number is no detail of the prompt the model could lose); the run's nonce and the thread's
      -- number have fixed widths, so the request count at the end keeps every prompt unique
      prefix = '{"prompt":"a fox crossing a snowy road at night (take ' .. (os.getenv("HP_NONCE") or "0") .. tid
      n = 0
   end
   if mode == "edits" then
      -- this thread's share of the sessions, so that no two threads edit one session
      local all = {}
      for line in io.lines(os.getenv("HP_IDS_IN")) do
         if line ~= "" then table.insert(all, line) end
      end
      local from, to = tonumber(os.getenv("HP_IDS_FROM") or "1"), tonumber(os.getenv("HP_IDS_TO") or #all)
      local nthreads = tonumber(os.getenv("HP_THREADS") or "1")
      ids = {}
      for i = from, math.min(to, #all) do
         if (i - from) % nthreads == tid - 1 then table.insert(ids, all[i]) end
      end
      assert(#ids > 0, "no session ids for thread " .. tid)
      n = 0
   end
end

if mode == "unique" then
   request = function()
      n = n + 1
      return wrk.format(nil, nil, nil, prefix .. n .. ')"}')
   end
elseif mode == "edits" then
   request = function()
      -- every session starts teal; round k asks for blue (k even) or red (k odd), so every edit changes the prompt
      local id = ids[(n % #ids) + 1]
      local colour = (math.floor(n / #ids) % 2 == 0) and "blue" or "red"
      n = n + 1
      return wrk.format(nil, "/api/v1/sessions/" .. id .. "/edits", nil,
         '{"request": "make the robot ' .. colour .. '", "options": {"engine":"offline"}}')
   end
end

function response(status, headers, body)
   bump("status=" .. status)
   if mode == "sessions" and ids_out and status == 201 then
      local id = body:match('"id":"([%x%-]+)"')
      if id then ids_out:write(id, "\n") end
   end
   seen = seen + 1
   if seen % sample_every ~= 0 then return end
   bump("sampled")
   bump("engine=" .. (body:match('"engine":"(%a+)"') or "none"))
   bump("cached=" .. (body:match('"cached":(%a+)') or "none"))
   local tokens = body:match('"tokens_in":(%d+)')
   if tokens then bump("tokens_in=" .. tokens) end
   local faithful = body:match('"faithfulness":([%d%.]+)')
   if faithful then bump("faithfulness=" .. faithful) end
   local fallback = body:match('"fallback_reason":"([%w_]+)"')
   if fallback then bump("fallback_reason=" .. fallback) end
   local clips = body:match('"total_clips":(%d+)')
   if clips then bump("total_clips=" .. clips) end
   local model_clips = body:match('"model_clips":(%d+)')
   if model_clips then bump("model_clips=" .. model_clips) end
   if clips then
      -- templates only: no clip says the model wrote it (older answers have no model_clips)
      bump(body:find('"llm_used":true', 1, true) and "llm_used=some" or "llm_used=none")
   end
   if mode == "edits" then
      bump(body:find('"changes":[]', 1, true) and "revision=none" or "revision=new")
   end
   if mode == "get" then
      bump(body:find('"status": *"UP"') and "health=UP" or "health=other")
   end
end

function done(summary, latency, requests)
   local total = {}
   for _, thread in ipairs(threads) do
      local t = thread:get("tally")
      if t then
         for k, v in pairs(t) do total[k] = (total[k] or 0) + v end
      end
   end
   local keys = {}
   for k in pairs(total) do table.insert(keys, k) end
   table.sort(keys)
   local parts = {}
   for _, k in ipairs(keys) do table.insert(parts, k .. ":" .. total[k]) end
   local e = summary.errors
   io.write(string.format("HP requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d"
      .. " err_connect=%d err_read=%d err_write=%d err_timeout=%d err_status=%d\n",
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
      latency.max, e.connect, e.read, e.write, e.timeout, e.status))
   io.write("HP_CHECK " .. table.concat(parts, " ") .. "\n")
end
