-- wrk script: GET /api/v1/people, a page of 50 people filtered by city and sorted by last
-- name. Each request takes the next city (IT, ES, PT, GB), alternates the direction and
-- starts at a different letter of the alphabet (a keyset cursor), so consecutive requests
-- differ and each thread walks its own sequence. The Authorization header comes from wrk -H.
local cities = {
  "Milano", "Madrid", "Lisboa", "London", "Roma", "Barcelona", "Porto", "Manchester", "Torino", "Valencia",
  "Braga", "Birmingham", "Napoli", "Sevilla", "Coimbra", "Leeds", "Bologna", "Zaragoza", "Aveiro", "Bristol",
  "Firenze", "Málaga", "Faro", "Liverpool", "Genova", "Bilbao", "Setúbal", "Edinburgh", "Venezia", "Murcia",
  "Funchal", "Glasgow", "Verona", "Palma", "Viseu", "Cardiff", "Padova", "Las Palmas de Gran Canaria", "Leiria",
  "Belfast", "Bergamo", "Alicante", "Évora", "Brescia", "Córdoba", "Guimarães", "Bari", "Valladolid",
  "Vila Nova de Gaia", "Palermo", "Vigo", "Matosinhos", "Catania", "Gijón", "Ponta Delgada", "Trieste",
  "A Coruña", "Parma", "Granada", "Modena", "Pamplona", "Perugia", "San Sebastián", "Cagliari", "Santander",
  "Trento", "Ancona", "Lecce", "Treviso", "Como",
}
-- "" is the first page; a letter L is the cursor "1.L" (sort value L, id 1): the page after last name L.
local starts = { "", "B", "C", "D", "F", "G", "L", "M", "P", "R", "S", "T", "" }

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

local n = 0
function request()
  n = n + 1
  local i = n * 7 + (thread_id or 1) * 1009
  local city = cities[i % #cities + 1]
  local start = starts[math.floor(i / #cities) % #starts + 1]
  local desc = math.floor(i / (#cities * #starts)) % 2 == 1
  local filter = '{"field":"city","op":"eq","value":"' .. city .. '"}'
  local path = "/api/v1/people?limit=50&sort=last_name&filter=" .. urlencode(filter)
  if desc then path = path .. "&order=desc" end
  if start ~= "" then path = path .. "&cursor=" .. urlencode("1." .. start) end
  return wrk.format("GET", path)
end
