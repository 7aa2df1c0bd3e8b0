-- wrk script: replays pre-signed Zalo webhook requests ("mac<TAB>body" lines), each with its own msg_id.
-- Usage: wrk -s ingest.lua URL -- FILE THREADS. Each thread takes every THREADS-th line, formatted once at start.
local counter = 0
function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
end

local requests = {}
local idx = 0
function init(args)
  local file, threads = args[1], tonumber(args[2])
  local i = 0
  for line in io.lines(file) do
    if i % threads == tid then
      local tab = line:find("\t", 1, true)
      requests[#requests + 1] = wrk.format("POST", "/webhooks/zalo",
        { ["Content-Type"] = "application/json", ["X-ZEvent-Signature"] = "mac=" .. line:sub(1, tab - 1) },
        line:sub(tab + 1))
    end
    i = i + 1
  end
end

function request()
  idx = idx + 1
  if idx > #requests then idx = 1 end
  return requests[idx]
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.2f rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
