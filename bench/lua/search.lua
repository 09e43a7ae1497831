-- wrk script: GET /api/v1/search?q=... with a different query on each request: last names
-- and their prefixes, first + last names, first names with a surname's first letters,
-- fragments of phone numbers and emails, company words, and a few typos (one in ten).
local last = {
  "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno",
  "Gallo", "Conti", "De Luca", "Mancini", "Giordano", "Rizzo", "Lombardi", "Moretti", "Barbieri", "Fontana",
  "García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Jiménez",
  "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Navarro", "Torres", "Silva", "Santos", "Ferreira",
  "Pereira", "Oliveira", "Rodrigues", "Martins", "Sousa", "Fernandes", "Gonçalves", "Almeida", "Ribeiro",
  "Carvalho", "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Davies", "Thompson", "Walker", "Bennett",
}
local first = {
  "Marco", "Luca", "Giuseppe", "Francesco", "Giulia", "Chiara", "Sofia", "Lucía", "María", "Carmen", "Javier",
  "Pablo", "João", "Inês", "Pedro", "Ana", "Oliver", "Emma", "James", "Charlotte", "Matteo", "Elena", "Tiago",
}
local words = {
  "Meccanica", "Caffè", "Distribuzione", "Cafetería", "Pastelaria", "Coffee", "Torrefazione", "Hermanos",
  "Filhos", "Bar", "Logistica", "Ristorante", "Tienda", "Loja", "Wholesale", "Espresso",
}
local typos = { "Rosi", "Bianci", "Fernandes Garcia", "Gonzales", "Perreira", "Wiliams", "Tompson", "Esposto",
  "Marinno", "Olivera" }

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function init()
  math.randomseed(1000 + (thread_id or 1))
end

local function pick(list) return list[math.random(#list)] end

local function prefix(word)
  -- 3 to 5 leading characters (bytes that end on a UTF-8 boundary)
  local len = math.random(3, 5)
  local s = word:sub(1, len)
  while #s < #word and s:byte(#s) and s:byte(#s) >= 0xC0 do s = word:sub(1, #s + 1) end
  return s
end

local function digits(n)
  local t = {}
  for i = 1, n do t[i] = tostring(math.random(0, 9)) end
  return table.concat(t)
end

function request()
  local kind = math.random(10)
  local q
  if kind <= 2 then q = pick(last)
  elseif kind <= 4 then q = prefix(pick(last))
  elseif kind <= 6 then q = pick(first) .. " " .. pick(last)
  elseif kind == 7 then q = pick(first) .. " " .. prefix(pick(last))
  elseif kind == 8 then q = digits(math.random(5, 7))
  elseif kind == 9 then q = pick(words) .. " " .. prefix(pick(last))
  else q = pick(typos) end
  return wrk.format("GET", "/api/v1/search?q=" .. urlencode(q))
end
