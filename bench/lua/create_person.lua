-- wrk script: POST /api/v1/people, a new person per request (the create path with its
-- duplicate check). Names and cities come from small lists, so each create has neighbours to
-- compare with, as in a real workspace; the email is unique per thread and request. The
-- Authorization header comes from wrk -H.
local first = { "Marco", "Giulia", "Luca", "Anna", "Paolo", "Sara", "José", "María", "João", "Ana", "Pierre", "Emma" }
local last = { "Rossi", "Bianchi", "Ferrari", "Romano", "García", "López", "Silva", "Santos", "Martin", "Smith" }
local cities = { "Milano", "Roma", "Torino", "Madrid", "Barcelona", "Lisboa", "Porto", "London", "Paris", "Napoli" }

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

-- wrk.format takes the headers given to it instead of wrk's own: the -H header is copied in.
local headers = {}
function init(args)
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["Content-Type"] = "application/json"
end

local n = 0
local run = tostring(os.time())
function request()
  n = n + 1
  local body = string.format(
    '{"fields":{"first_name":"%s","last_name":"%s","email":"wrk%s.%d.%d@bench.example","city":"%s","country":"IT"}}',
    first[n % #first + 1], last[(n * 7) % #last + 1], run, thread_id or 0, n, cities[(n * 3) % #cities + 1])
  return wrk.format("POST", "/api/v1/people", headers, body)
end

local failed = 0
function response(status, headers, body)
  if status ~= 201 and status ~= 200 then
    failed = failed + 1
    if failed <= 3 then io.stderr:write("create answered " .. status .. ": " .. body .. "\n") end
  end
end
