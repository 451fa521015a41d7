-- Matches one incoming order against the book and rests what is left, atomically.
-- Every key shares the market's hash tag (ARGV[1] is the key prefix "{sg:<market>}:"),
-- so the script runs on one Redis Cluster slot; KEYS[1] is the market's sequence key.
-- Prices are 16-digit lowercase hex strings: Lua numbers are doubles and would round a u64.
-- Book members are sortprice(16 hex) .. seq(12 hex), all with score 0, ordered by
-- ZRANGEBYLEX: asks sort by price, bids by (2^64-1 - price), ties by arrival (seq).
local P = ARGV[1]
local cutoff = tonumber(ARGV[2])   -- an order is live while expires_at > cutoff
local maxScan = tonumber(ARGV[3])  -- resting orders examined at most
local maxOpen = tonumber(ARGV[4])  -- resting orders per owner at most
local side = ARGV[5]               -- 'b' or 'a'
local mask = tonumber(ARGV[6])
local price = ARGV[7]              -- limit price, hex
local sortp = ARGV[8]              -- price part of this order's member in its own books
local cross = ARGV[9]              -- opposite members with price part <= cross cross this order
local qty = tonumber(ARGV[10])
local lo = tonumber(ARGV[11])
local hi = tonumber(ARGV[12])
local region = tonumber(ARGV[13])
local rel = tonumber(ARGV[14])     -- bid: min reliability; ask: the node's reliability
local mint = ARGV[15]              -- base58 or '' (an ask taking either mint)
local expires = ARGV[16]
local owner = ARGV[17]
local oid = ARGV[18]
local signed = ARGV[19]            -- signature ‖ order without its market (the book's), for the committer
local now = ARGV[20]
local NSKU = tonumber(ARGV[21])

if tonumber(expires) <= cutoff then return {'expired'} end
local open = tonumber(redis.call('HGET', P .. 'open', owner) or '0')
if open >= maxOpen then return {'owner_limit'} end
-- A duplicate burns a sequence number; that costs nothing and saves a call per order.
local seq = string.format('%012x', redis.call('INCR', KEYS[1]))
if redis.call('HSETNX', P .. 'id', owner .. ':' .. oid, seq) == 0 then return {'duplicate'} end
local okey = P .. 'o:' .. seq

local function bookKey(sd, sku) return P .. sd .. ':' .. sku end

-- Takes an order out of every book it rests in and records why.
local function unlist(cseq, csd, cmask, cmember, cowner, status)
  for s = 0, NSKU - 1 do
    if bit.band(cmask, bit.lshift(1, s)) ~= 0 then redis.call('ZREM', bookKey(csd, s), cmember) end
  end
  redis.call('ZREM', P .. 'exp', cseq)
  redis.call('HINCRBY', P .. 'open', cowner, -1)
  redis.call('HSET', P .. 'o:' .. cseq, 'st', status)
end

-- One cursor per opposite book this order can trade in; pages follow the last member seen.
local opp = (side == 'b') and 'a' or 'b'
local cursors = {}
for s = 0, NSKU - 1 do
  if bit.band(mask, bit.lshift(1, s)) ~= 0 then
    cursors[#cursors + 1] = {key = bookKey(opp, s), sku = s, buf = {}, i = 1, after = '-'}
  end
end
local function head(c)
  if c.i > #c.buf then
    if c.done then return nil end
    c.buf = redis.call('ZRANGEBYLEX', c.key, c.after, '+', 'LIMIT', 0, 16)
    c.i = 1
    if #c.buf < 16 then c.done = true end
    if #c.buf == 0 then return nil end
  end
  return c.buf[c.i]
end

local out = {'ok', seq, 0}
local scanned = 0
while qty > 0 and scanned < maxScan do
  local best, bc = nil, nil
  for _, c in ipairs(cursors) do
    local h = head(c)
    if h and (best == nil or h < best) then best, bc = h, c end
  end
  if best == nil or string.sub(best, 1, 16) > cross then break end
  bc.after = '(' .. best
  bc.i = bc.i + 1
  scanned = scanned + 1
  local cseq = string.sub(best, 17)
  local ckey = P .. 'o:' .. cseq
  local c = redis.call('HMGET', ckey, 'q', 'lo', 'hi', 'r', 'rl', 'pm', 'x', 'o', 'p', 'm')
  local cq, clo, chi, cr, crl = tonumber(c[1]), tonumber(c[2]), tonumber(c[3]), tonumber(c[4]), tonumber(c[5])
  local cpm, cowner, cprice, cmask = c[6], c[8], c[9], tonumber(c[10])
  if tonumber(c[7]) <= cutoff then
    unlist(cseq, opp, cmask, best, cowner, 'expired')
  elseif cowner ~= owner then
    -- Orient the pair as (bid, ask) for the compatibility rules.
    local bRegion, aRegion, bRel, aRel, bMint, aMint
    if side == 'b' then
      bRegion, aRegion, bRel, aRel, bMint, aMint = region, cr, rel, crl, mint, cpm
    else
      bRegion, aRegion, bRel, aRel, bMint, aMint = cr, region, crl, rel, cpm, mint
    end
    local hLo = math.max(lo, clo)
    local hours = math.min(hi, chi)
    if (bRegion == 0 or bRegion == aRegion) and hLo <= hours and aRel >= bRel
        and (aMint == '' or aMint == bMint) then
      local n = math.min(qty, cq)
      qty = qty - n
      cq = cq - n
      redis.call('HSET', ckey, 'q', cq)
      if cq == 0 then unlist(cseq, opp, cmask, best, cowner, 'filled') end
      local fseq = string.format('%012x', redis.call('INCR', P .. 'fseq'))
      local bseq, aseq, bowner, aowner
      if side == 'b' then bseq, aseq, bowner, aowner = seq, cseq, owner, cowner
      else bseq, aseq, bowner, aowner = cseq, seq, cowner, owner end
      redis.call('HSET', P .. 'f:' .. fseq, 'b', bseq, 'a', aseq, 'k', bc.sku, 'n', n, 'p', cprice,
        'h', hours, 'mk', opp, 't', now, 'st', 'pending')
      redis.call('RPUSH', P .. 'of:' .. bseq, fseq)
      redis.call('RPUSH', P .. 'of:' .. aseq, fseq)
      redis.call('RPUSH', P .. 'w:' .. bowner, fseq)
      if aowner ~= bowner then redis.call('RPUSH', P .. 'w:' .. aowner, fseq) end
      redis.call('XADD', P .. 'outbox', '*', 'f', fseq)
      out[#out + 1] = fseq
      out[#out + 1] = cseq
      out[#out + 1] = n
      out[#out + 1] = cprice
      out[#out + 1] = hours
      out[#out + 1] = bc.sku
    end
  end
end

local member = sortp .. seq
-- Only what matching reads, plus the signed order in fields of at most 64 bytes so the
-- hash stays a compact listpack; the rest (id, GPU count, node...) is in the signed bytes.
redis.call('HSET', okey, 's', side, 'm', mask, 'p', price, 'q', qty, 'lo', lo, 'hi', hi, 'r', region,
  'rl', rel, 'pm', mint, 'x', expires, 'o', owner, 'st', (qty > 0) and 'open' or 'filled',
  'sg', string.sub(signed, 1, 64), 'b1', string.sub(signed, 65, 128),
  'b2', string.sub(signed, 129, 192), 'b3', string.sub(signed, 193))
if qty > 0 then
  for s = 0, NSKU - 1 do
    if bit.band(mask, bit.lshift(1, s)) ~= 0 then redis.call('ZADD', bookKey(side, s), 0, member) end
  end
  redis.call('ZADD', P .. 'exp', expires, seq)
  redis.call('HINCRBY', P .. 'open', owner, 1)
end
out[3] = qty
return out
