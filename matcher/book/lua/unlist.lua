-- Shared prologue (prepended to the scripts that take orders off the book).
local P = ARGV[1]
local NSKU = tonumber(ARGV[2])
local function unlist(seq, status)
  local okey = P .. 'o:' .. seq
  local o = redis.call('HMGET', okey, 's', 'm', 'k', 'o', 'st')
  if o[5] ~= 'open' then return false end
  local mask = tonumber(o[2])
  for s = 0, NSKU - 1 do
    if bit.band(mask, bit.lshift(1, s)) ~= 0 then redis.call('ZREM', P .. o[1] .. ':' .. s, o[3]) end
  end
  redis.call('ZREM', P .. 'exp', seq)
  redis.call('HINCRBY', P .. 'open', o[4], -1)
  redis.call('HSET', okey, 'st', status)
  return true
end
