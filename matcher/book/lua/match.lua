-- Matches a batch of incoming orders against the book, strictly one after the other in
-- the order given, each exactly as if it had arrived alone, and rests what is left; the
-- whole batch is one atomic step, so each order and its fills are too.
-- Every key shares the market's hash tag (ARGV[1] is the key prefix "{sg:<market>}:"),
-- so the script runs on one Redis Cluster slot; KEYS[1] is the market's sequence key.
-- Prices are 16-digit lowercase hex strings: Lua numbers are doubles and would round a u64.
-- Book members are sortprice(16 hex) .. seq(12 hex), all with score 0, ordered by
-- ZRANGEBYLEX: asks sort by price, bids by (2^64-1 - price), ties by arrival (seq).
--
-- Why it is shaped like this: Redis' cost is per redis.call far more than per byte, so
-- every write the batch can gather is made once, at the end, with one variadic command
-- per key (books, expiry index, ids, owner counters, fill records, fill index). While the
-- batch runs, the book keys therefore hold their state from before the batch, and the
-- script reads them through an overlay (`gone` members, `added` members, `ord` order
-- states) that makes each order see the book exactly as the orders before it left it.
local call, sub, fmt, tonumber, band, lshift = redis.call, string.sub, string.format, tonumber, bit.band, bit.lshift
local P = ARGV[1]
local cutoff = tonumber(ARGV[2])   -- an order is live while expires_at > cutoff
local maxScan = tonumber(ARGV[3])  -- resting orders examined at most per incoming order
local maxOpen = tonumber(ARGV[4])  -- resting orders per owner at most
local now = ARGV[5]
local NSKU = tonumber(ARGV[6])
local count = tonumber(ARGV[7])
local FIRST, WIDTH = 8, 15         -- where the orders start in ARGV, fields per order
local PAGE = 16                    -- book members read per ZRANGEBYLEX

local cnt = call('MGET', KEYS[1], P .. 'fseq')
local seqN, fseqN = tonumber(cnt[1] or '0'), tonumber(cnt[2] or '0')
local seq0, fseq0 = seqN, fseqN

-- Duplicate ids and owner counters of every incoming order, read in one call each.
local refs, owners = {}, {}
for i = 0, count - 1 do
  local a = FIRST + i * WIDTH
  refs[i + 1] = ARGV[a + 12] .. ':' .. ARGV[a + 13]
  owners[i + 1] = ARGV[a + 12]
end
local known = call('HMGET', P .. 'id', unpack(refs))
local openBase, openDelta = {}, {}
do
  local v = call('HMGET', P .. 'open', unpack(owners))
  for i = 1, count do openBase[owners[i]] = tonumber(v[i] or '0') end
end
local function bump(owner, d) openDelta[owner] = (openDelta[owner] or 0) + d end

local ord = {}        -- seq -> state of every order this batch touched
local gone = {}       -- book member -> true once it left the book in this batch
local added = {}      -- book key -> sorted members rested in this batch
local pages = {}      -- book key -> members read from Redis so far, from the top
local expAdd, expRem = {}, {}
local idSeq, idList, fillSet = {}, {}, {}
local orderFills, walletFills = {}, {}   -- seq / owner -> fill seqs made by this batch

local function bookKey(sd, sku) return P .. sd .. ':' .. sku end

-- Runs a variadic command over list in chunks: Lua's unpack takes a few thousand values at
-- most, and a batch may make more fills than that.
local function many(cmd, key, list)
  for j = 1, #list, 2000 do
    call(cmd, key, unpack(list, j, math.min(j + 1999, #list)))
  end
end

-- Takes an order off every book it rests in and records why.
local function unlist(o, member, status)
  gone[member] = true
  if o.new then expAdd[o.seq] = nil else expRem[#expRem + 1] = o.seq end
  bump(o.o, -1)
  o.st = status
  o.dirty = true
end

local function maker(cseq, sd)
  local o = ord[cseq]
  if o then return o end
  local c = call('HMGET', P .. 'o:' .. cseq, 'q', 'lo', 'hi', 'r', 'rl', 'pm', 'x', 'o', 'p', 'm')
  o = {seq = cseq, s = sd, q = tonumber(c[1]), lo = tonumber(c[2]), hi = tonumber(c[3]), r = tonumber(c[4]),
    rl = tonumber(c[5]), pm = c[6], x = tonumber(c[7]), o = c[8], p = c[9], m = tonumber(c[10]), st = 'open'}
  ord[cseq] = o
  return o
end

-- The best member of a book not yet taken by this walk: the smaller of the next one read
-- from Redis (pages are shared by the batch: the key does not change until the end) and
-- the next one rested by an earlier order of the batch, skipping members gone since.
local function head(c)
  local pg = pages[c.key]
  if not pg then pg = {n = 0}; pages[c.key] = pg end
  local rh
  while true do
    if c.ri > pg.n then
      if pg.done then break end
      local after = (pg.n > 0) and ('(' .. pg[pg.n]) or '-'
      local got = call('ZRANGEBYLEX', c.key, after, '+', 'LIMIT', 0, PAGE)
      for _, m in ipairs(got) do pg.n = pg.n + 1; pg[pg.n] = m end
      if #got < PAGE then pg.done = true end
    else
      local m = pg[c.ri]
      if not gone[m] then rh = m; break end
      c.ri = c.ri + 1
    end
  end
  local lh
  local add = added[c.key]
  if add then
    while c.li <= #add and gone[add[c.li]] do c.li = c.li + 1 end
    lh = add[c.li]
  end
  if lh and (not rh or lh < rh) then return lh, false end
  return rh, true
end

local function push(lists, k, v)
  local l = lists[k]
  if not l then l = {}; lists[k] = l end
  l[#l + 1] = v
end

local function insertSorted(list, m)
  local i = #list
  while i > 0 and list[i] > m do list[i + 1] = list[i]; i = i - 1 end
  list[i + 1] = m
end

local results = {}
for i = 0, count - 1 do
  local a = FIRST + i * WIDTH
  local side, mask, price, sortp, cross = ARGV[a], tonumber(ARGV[a + 1]), ARGV[a + 2], ARGV[a + 3], ARGV[a + 4]
  local qty, lo, hi = tonumber(ARGV[a + 5]), tonumber(ARGV[a + 6]), tonumber(ARGV[a + 7])
  local region, rel, mint = tonumber(ARGV[a + 8]), tonumber(ARGV[a + 9]), ARGV[a + 10]
  local expires, owner, ref = ARGV[a + 11], ARGV[a + 12], refs[i + 1]
  -- rel: bid's minimum reliability, or the ask's node's; mint: base58 or '' (an ask taking either)
  if tonumber(expires) <= cutoff then
    results[i + 1] = {'expired'}
  elseif openBase[owner] + (openDelta[owner] or 0) >= maxOpen then
    results[i + 1] = {'owner_limit'}
  elseif known[i + 1] or idSeq[ref] then
    results[i + 1] = {'duplicate'}
  else
    seqN = seqN + 1
    local seq = fmt('%012x', seqN)
    idSeq[ref] = seq
    idList[#idList + 1] = ref
    local out = {'ok', seq, 0}

    -- One cursor per opposite book this order can trade in.
    local opp = (side == 'b') and 'a' or 'b'
    local cursors = {}
    for s = 0, NSKU - 1 do
      if band(mask, lshift(1, s)) ~= 0 then
        cursors[#cursors + 1] = {key = bookKey(opp, s), sku = s, skuS = fmt('%d', s), ri = 1, li = 1}
      end
    end
    local scanned = 0
    while qty > 0 and scanned < maxScan do
      local best, bc, fromRedis = nil, nil, false
      for _, c in ipairs(cursors) do
        local h, r = head(c)
        if h and (best == nil or h < best) then best, bc, fromRedis = h, c, r end
      end
      if best == nil or sub(best, 1, 16) > cross then break end
      if fromRedis then bc.ri = bc.ri + 1 else bc.li = bc.li + 1 end
      scanned = scanned + 1
      local cseq = sub(best, 17)
      local c = maker(cseq, opp)
      if c.x <= cutoff then
        unlist(c, best, 'expired')
      elseif c.o ~= owner then
        -- Orient the pair as (bid, ask) for the compatibility rules.
        local bRegion, aRegion, bRel, aRel, bMint, aMint
        if side == 'b' then
          bRegion, aRegion, bRel, aRel, bMint, aMint = region, c.r, rel, c.rl, mint, c.pm
        else
          bRegion, aRegion, bRel, aRel, bMint, aMint = c.r, region, c.rl, rel, c.pm, mint
        end
        local hLo = (lo > c.lo) and lo or c.lo
        local hours = (hi < c.hi) and hi or c.hi
        if (bRegion == 0 or bRegion == aRegion) and hLo <= hours and aRel >= bRel
            and (aMint == '' or aMint == bMint) then
          local n = (qty < c.q) and qty or c.q
          qty = qty - n
          c.q = c.q - n
          c.dirty = true
          if c.q == 0 then unlist(c, best, 'filled') end
          fseqN = fseqN + 1
          local fseq = fmt('%012x', fseqN)
          local bseq, aseq, bowner, aowner
          if side == 'b' then bseq, aseq, bowner, aowner = seq, cseq, owner, c.o
          else bseq, aseq, bowner, aowner = cseq, seq, c.o, owner end
          -- bid ask sku gpus price hours maker matched-at (status lives in 'fst': absent = pending)
          fillSet[#fillSet + 1] = fseq
          fillSet[#fillSet + 1] = fmt('%s %s %s %d %s %d %s %s', bseq, aseq, bc.skuS, n, c.p, hours, opp, now)
          push(orderFills, bseq, fseq)
          push(orderFills, aseq, fseq)
          push(walletFills, bowner, fseq)
          push(walletFills, aowner, fseq)
          call('XADD', P .. 'outbox', '*', 'f', fseq)
          out[#out + 1] = fseq
          out[#out + 1] = cseq
          out[#out + 1] = n
          out[#out + 1] = c.p
          out[#out + 1] = hours
          out[#out + 1] = bc.sku
        end
      end
    end

    -- Only what matching reads, plus the signed order, written at the end of the batch.
    local o = {seq = seq, new = true, a = a, s = side, m = mask, p = price, q = qty, lo = lo, hi = hi, r = region,
      rl = rel, pm = mint, x = tonumber(expires), o = owner, st = (qty > 0) and 'open' or 'filled'}
    ord[seq] = o
    if qty > 0 then
      local member = sortp .. seq
      for s = 0, NSKU - 1 do
        if band(mask, lshift(1, s)) ~= 0 then
          local k = bookKey(side, s)
          local list = added[k]
          if not list then list = {}; added[k] = list end
          insertSorted(list, member)
        end
      end
      o.member = member
      expAdd[seq] = expires
      bump(owner, 1)
    end
    out[3] = qty
    results[i + 1] = out
  end
end

-- The batch's writes, one command per key where Redis allows several elements.
local books = {}      -- book key -> {add = {0, m, ...}, rem = {m, ...}}
local function bookOps(k)
  local b = books[k]
  if not b then b = {add = {}, rem = {}}; books[k] = b end
  return b
end
for k, list in pairs(added) do
  local b = bookOps(k)
  for _, m in ipairs(list) do
    if not gone[m] then b.add[#b.add + 1] = '0'; b.add[#b.add + 1] = m end
  end
end
for m in pairs(gone) do
  local o = ord[sub(m, 17)]
  if not o.new then
    for s = 0, NSKU - 1 do
      if band(o.m, lshift(1, s)) ~= 0 then local b = bookOps(bookKey(o.s, s)); b.rem[#b.rem + 1] = m end
    end
  end
end
for k, b in pairs(books) do
  if #b.add > 0 then many('ZADD', k, b.add) end
  if #b.rem > 0 then many('ZREM', k, b.rem) end
end

for seq, o in pairs(ord) do
  if o.new then
    -- The signed order in fields of at most 64 bytes so the hash stays a compact listpack:
    -- signature (64) + order without the market (144) = 208 bytes, b3 holds the last 16;
    -- the rest (id, GPU count, node...) is in the signed bytes.
    -- (numbers as the strings they came in: Redis would format Lua numbers with printf %.17g)
    local a = o.a
    local sg = ARGV[a + 14]
    call('HSET', P .. 'o:' .. seq, 's', o.s, 'm', ARGV[a + 1], 'p', o.p, 'q', fmt('%d', o.q), 'lo', ARGV[a + 6],
      'hi', ARGV[a + 7], 'r', ARGV[a + 8], 'rl', ARGV[a + 9], 'pm', o.pm, 'x', ARGV[a + 11], 'o', o.o, 'st', o.st,
      'sg', sub(sg, 1, 64), 'b1', sub(sg, 65, 128), 'b2', sub(sg, 129, 192), 'b3', sub(sg, 193))
  elseif o.dirty then
    call('HSET', P .. 'o:' .. seq, 'q', fmt('%d', o.q), 'st', o.st)
  end
end

local exp = {}
for seq, x in pairs(expAdd) do exp[#exp + 1] = x; exp[#exp + 1] = seq end
if #exp > 0 then many('ZADD', P .. 'exp', exp) end
if #expRem > 0 then many('ZREM', P .. 'exp', expRem) end

local ids = {}
for _, ref in ipairs(idList) do ids[#ids + 1] = ref; ids[#ids + 1] = idSeq[ref] end
if #ids > 0 then many('HSET', P .. 'id', ids) end

-- Owner counters: owners of resting orders filled or expired by this batch were not read yet.
local missing = {}
for owner, d in pairs(openDelta) do
  if d ~= 0 and openBase[owner] == nil then missing[#missing + 1] = owner end
end
if #missing > 0 then
  local v = {}
  for j = 1, #missing, 2000 do
    local part = call('HMGET', P .. 'open', unpack(missing, j, math.min(j + 1999, #missing)))
    for _, x in ipairs(part) do v[#v + 1] = x end
  end
  for j, owner in ipairs(missing) do openBase[owner] = tonumber(v[j] or '0') end
end
local open = {}
for owner, d in pairs(openDelta) do
  if d ~= 0 then open[#open + 1] = owner; open[#open + 1] = fmt('%d', openBase[owner] + d) end
end
if #open > 0 then many('HSET', P .. 'open', open) end

if #fillSet > 0 then
  many('HSET', P .. 'fills', fillSet)
  -- An order's fills: one field per order, its fill seqs end to end (an order has at most
  -- as many fills as GPUs); orders from before the batch append to what they had.
  local before, older = {}, {}
  for seq in pairs(orderFills) do
    if not ord[seq].new then before[#before + 1] = seq end
  end
  for j = 1, #before, 2000 do
    local part = call('HMGET', P .. 'of', unpack(before, j, math.min(j + 1999, #before)))
    for k = 1, #part do older[before[j + k - 1]] = part[k] or '' end
  end
  local of = {}
  for seq, l in pairs(orderFills) do
    of[#of + 1] = seq
    of[#of + 1] = (older[seq] or '') .. table.concat(l)
  end
  many('HSET', P .. 'of', of)
  -- A wallet's fills: a list per wallet, one push per wallet and batch.
  for w, l in pairs(walletFills) do many('RPUSH', P .. 'w:' .. w, l) end
end
if seqN ~= seq0 or fseqN ~= fseq0 then call('MSET', KEYS[1], fmt('%d', seqN), P .. 'fseq', fmt('%d', fseqN)) end
return results
