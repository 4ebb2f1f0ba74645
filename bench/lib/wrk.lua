-- Used by bench/lib/wrk.ts. Cycles through the paths in $WRK_PATHS (one per line; without
-- it, the URL's own path), waits $WRK_DELAY_MS between a connection's requests when set,
-- and writes the run's figures as JSON to $WRK_OUT, with wrk's own CPU time from /proc.
local paths = nil
local next_path = 0
local delay_ms = tonumber(os.getenv("WRK_DELAY_MS") or "") or 0

function init(args)
  local file = os.getenv("WRK_PATHS")
  if file and file ~= "" then
    paths = {}
    for line in io.lines(file) do
      if line ~= "" then paths[#paths + 1] = line end
    end
  end
end

function request()
  if paths then
    next_path = next_path % #paths + 1
    return wrk.format(nil, paths[next_path])
  end
  return wrk.request()
end

if delay_ms > 0 then
  function delay() return delay_ms end
end

function done(summary, latency, requests)
  -- utime and stime are fields 14 and 15 of /proc/self/stat (all threads), in clock ticks.
  local f = io.open("/proc/self/stat", "r")
  local stat = f:read("*l")
  f:close()
  local rest = stat:sub(stat:find(")", 1, true) + 2)
  local fields = {}
  for field in rest:gmatch("%S+") do fields[#fields + 1] = field end
  local e = summary.errors
  local out = io.open(os.getenv("WRK_OUT"), "w")
  out:write(string.format(
    '{"durationUs":%d,"requests":%d,"bytes":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latencyUs":{"min":%d,"mean":%.1f,"stdev":%.1f,"p50":%d,"p90":%d,"p95":%d,"p99":%d,"max":%d},"cpuTicks":%d}\n',
    summary.duration, summary.requests, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency.min, latency.mean, latency.stdev, latency:percentile(50), latency:percentile(90), latency:percentile(95),
    latency:percentile(99), latency.max, tonumber(fields[12]) + tonumber(fields[13])))
  out:close()
end
