-- Removes up to ARGV[4] orders whose expiry is at or before ARGV[3]. Returns how many.
local due = redis.call('ZRANGEBYSCORE', P .. 'exp', '-inf', ARGV[3], 'LIMIT', 0, tonumber(ARGV[4]))
for _, seq in ipairs(due) do unlist(seq, 'expired') end
return #due
