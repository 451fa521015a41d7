-- Cancels an open order by owner and order id. ARGV[3] = "owner:order_id".
-- Returns {'ok', seq, remaining} or {'not_found'} / {'not_open', seq, status}.
local seq = redis.call('HGET', P .. 'id', ARGV[3])
if not seq then return {'not_found'} end
if not unlist(seq, 'cancelled') then
  return {'not_open', seq, redis.call('HGET', P .. 'o:' .. seq, 'st')}
end
return {'ok', seq, redis.call('HGET', P .. 'o:' .. seq, 'q')}
