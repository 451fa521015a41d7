-- Shared prologue (prepended to the scripts that take orders off the book).
local P = ARGV[1]
local NSKU = tonumber(ARGV[2])
-- A book member is sortprice .. seq; bids sort by the inverted price (2^64-1 - p),
-- which on fixed-width hex is a digit-by-digit complement.
local INV = {['0']='f', ['1']='e', ['2']='d', ['3']='c', ['4']='b', ['5']='a', ['6']='9', ['7']='8',
  ['8']='7', ['9']='6', a='5', b='4', c='3', d='2', e='1', f='0'}
local function memberOf(side, price, seq)
  if side == 'b' then price = string.gsub(price, '%x', INV) end
  return price .. seq
end
local function unlist(seq, status)
  local okey = P .. 'o:' .. seq
  local o = redis.call('HMGET', okey, 's', 'm', 'p', 'o', 'st')
  if o[5] ~= 'open' then return false end
  local mask = tonumber(o[2])
  local member = memberOf(o[1], o[3], seq)
  for s = 0, NSKU - 1 do
    if bit.band(mask, bit.lshift(1, s)) ~= 0 then redis.call('ZREM', P .. o[1] .. ':' .. s, member) end
  end
  redis.call('ZREM', P .. 'exp', seq)
  redis.call('HINCRBY', P .. 'open', o[4], -1)
  redis.call('HSET', okey, 'st', status)
  return true
end
