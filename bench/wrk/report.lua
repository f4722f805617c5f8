-- wrk reporter: one JSON line with throughput, latency percentiles (ms) and error counts.
-- PATHS (comma-separated, optional) rotates the request path; METHOD/BODY_PREFIX make POSTs.
local paths = {}
for p in string.gmatch(os.getenv("PATHS") or "", "([^,]+)") do paths[#paths + 1] = p end
local method = os.getenv("METHOD") or "GET"
local counter = 0
local thread_id = 0

function setup(thread)
  thread:set("thread_id", thread_id)
  thread_id = thread_id + 1
end

function request()
  counter = counter + 1
  local path = #paths > 0 and paths[(counter % #paths) + 1] or nil
  if method == "POST" then
    local n = string.format("%d-%d", thread_id, counter)
    local body = string.format(
      '{"given_name":"Bench","family_name":"Contact %s","emails":[{"address":"bench.%s@bench.example","type":"work","primary":true}],"phones":[{"number":"+66 81 234 %04d","type":"mobile","primary":true}],"tags":["bench"],"lifecycle_stage":"lead"}',
      n, n, counter % 10000)
    return wrk.format("POST", path, nil, body)
  end
  return wrk.format(method, path)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"rps":%.1f,"p50_ms":%.3f,"p95_ms":%.3f,"p99_ms":%.3f,"non_2xx":%d,"socket_errors":%d}\n',
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, e.status,
    e.connect + e.read + e.write + e.timeout))
end
