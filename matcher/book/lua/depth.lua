-- Aggregates the best ARGV[4] price levels of book ARGV[3] ('a:<sku>' or 'b:<sku>'),
-- looking at no more than ARGV[5] orders. Returns {price hex, GPUs, orders, ...}.
local levels, maxOrders = tonumber(ARGV[4]), tonumber(ARGV[5])
local members = redis.call('ZRANGEBYLEX', P .. ARGV[3], '-', '+', 'LIMIT', 0, maxOrders)
local out = {}
local last = nil
for _, m in ipairs(members) do
  local o = redis.call('HMGET', P .. 'o:' .. string.sub(m, 17), 'p', 'q')
  if o[1] ~= last then
    if #out / 3 >= levels then break end
    out[#out + 1] = o[1]; out[#out + 1] = 0; out[#out + 1] = 0
    last = o[1]
  end
  out[#out - 1] = out[#out - 1] + tonumber(o[2])
  out[#out] = out[#out] + 1
end
return out
