-- wrk script for scripts/soak: a mixed load on contacts — 50 % reads by id, 12 % filtered list
-- pages, 18 % searches, 12 % creates, 8 % updates (If-Match: *) — over ids 1..IDS.
-- done() is report.lua's: one JSON line with throughput, percentiles and error counts.
dofile("bench/wrk/report.lua")

local ids = tonumber(os.getenv("IDS") or "1000")
local stages = {"subscriber", "lead", "opportunity", "customer"}
-- Latin, Thai, Chinese and Dutch names of the demo set, percent-encoded.
local terms = {"Jansen", "%E0%B8%AA%E0%B8%A1%E0%B8%8A%E0%B8%B2", "%E5%BF%97%E6%98%8E", "Smith",
               "van%20Dijk", "Garc%C3%ADa"}
local read_headers, write_headers, update_headers

function init(args)
  math.randomseed(os.time() * 1000 + thread_id)
  read_headers, write_headers, update_headers = {}, {}, {}
  for k, v in pairs(wrk.headers) do
    read_headers[k], write_headers[k], update_headers[k] = v, v, v
  end
  write_headers["Content-Type"] = "application/json"
  update_headers["Content-Type"] = "application/json"
  update_headers["If-Match"] = "*"
end

function request()
  local roll = math.random(100)
  local stage = stages[math.random(#stages)]
  if roll <= 50 then
    return wrk.format("GET", "/api/v1/contacts/" .. math.random(ids), read_headers)
  elseif roll <= 62 then
    return wrk.format("GET", "/api/v1/contacts?limit=50&filter%5Blifecycle_stage%5D=" .. stage,
                      read_headers)
  elseif roll <= 80 then
    return wrk.format("GET", "/api/v1/contacts?limit=20&q=" .. terms[math.random(#terms)],
                      read_headers)
  elseif roll <= 92 then
    local n = string.format("%d-%d-%d", thread_id, os.time(), math.random(1e9))
    local body = string.format(
      '{"given_name":"Soak","family_name":"Contact %s","emails":[{"address":"soak.%s@soak.example","type":"work","primary":true}],"tags":["soak"],"lifecycle_stage":"%s"}',
      n, n, stage)
    return wrk.format("POST", "/api/v1/contacts", write_headers, body)
  end
  return wrk.format("PATCH", "/api/v1/contacts/" .. math.random(ids), update_headers,
                    '{"lifecycle_stage":"' .. stage .. '"}')
end
