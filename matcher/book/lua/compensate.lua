-- Undoes a fill the chain refused for good. ARGV[3] = fill seq, ARGV[4] = guilty side
-- ('b', 'a' or '' when neither order is at fault), ARGV[5] = reason, ARGV[6] = cutoff.
-- Both orders get the fill's GPUs back, so an order's matched GPUs always equal what
-- the chain filled once the outbox is drained. The innocent order returns to the book
-- (at its original time priority) if it had been filled out and is still live; the
-- guilty one is taken off the book. Idempotent: a fill is compensated once.
local rec = redis.call('HGET', P .. 'fills', ARGV[3])
if not rec then return {'not_found'} end
local st = redis.call('HGET', P .. 'fst', ARGV[3])
if st then return {'done', st} end
-- a fill record is "bid ask sku gpus price hours maker matched-at"
local f = {string.match(rec, '^(%x+) (%x+) %d+ (%d+) ')}
local n = tonumber(f[3])
local guilty = ARGV[4]
local cutoff = tonumber(ARGV[6])
local function restore(seq)
  local okey = P .. 'o:' .. seq
  local o = redis.call('HMGET', okey, 's', 'm', 'p', 'o', 'st', 'x')
  redis.call('HINCRBY', okey, 'q', n)
  if o[5] == 'filled' and tonumber(o[6]) > cutoff then
    local mask = tonumber(o[2])
    for s = 0, NSKU - 1 do
      if bit.band(mask, bit.lshift(1, s)) ~= 0 then redis.call('ZADD', P .. o[1] .. ':' .. s, 0, memberOf(o[1], o[3], seq)) end
    end
    redis.call('ZADD', P .. 'exp', o[6], seq)
    redis.call('HINCRBY', P .. 'open', o[4], 1)
    redis.call('HSET', okey, 'st', 'open')
  end
end
for i, sd in ipairs({'b', 'a'}) do
  local seq = f[i]
  if sd == guilty then
    -- its GPUs come back too (so matched GPUs equal what the chain filled), but it leaves the book
    redis.call('HINCRBY', P .. 'o:' .. seq, 'q', n)
    if not unlist(seq, 'removed') then
      redis.call('HSET', P .. 'o:' .. seq, 'st', 'removed')
    end
    redis.call('HSET', P .. 'o:' .. seq, 'why', ARGV[5])
  else
    restore(seq)
  end
end
redis.call('HSET', P .. 'fst', ARGV[3], 'failed ' .. ARGV[5])
return {'ok'}
