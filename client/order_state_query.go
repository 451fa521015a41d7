package client

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/rpc"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// Byte offsets of OrderState fields in the account data (discriminator
// included), derived from the generated Borsh layout like the Lease offsets.
var (
	OrderStateMarketOffset    = orderStateFieldOffset(func(s *solgridmarket.OrderState, k solana.PublicKey) { s.Order.Market = k })
	OrderStateRentPayerOffset = orderStateFieldOffset(func(s *solgridmarket.OrderState, k solana.PublicKey) { s.RentPayer = k })
)

func orderStateFieldOffset(set func(*solgridmarket.OrderState, solana.PublicKey)) uint64 {
	var marker solana.PublicKey
	for i := range marker {
		marker[i] = 0xa5
	}
	var s solgridmarket.OrderState
	set(&s, marker)
	data, err := s.Marshal()
	at := bytes.Index(data, marker[:])
	if err != nil || at < 0 {
		panic(fmt.Sprintf("order state layout: marker not found (%v)", err))
	}
	return uint64(len(solgridmarket.Account_OrderState) + at)
}

// OrderStateAccount is an OrderState with its address.
type OrderStateAccount struct {
	Address  solana.PublicKey
	State    *solgridmarket.OrderState
	Lamports uint64 // its rent, what closing it returns
}

// Closable reports whether close_order_state would accept the record at the
// cluster time now: a stored order (not a cancel-only record) that has expired.
func (a OrderStateAccount) Closable(now int64) bool {
	return a.State.HasOrder == 1 && now >= a.State.Order.ExpiresAt
}

// OrderStatesPaidBy lists the market's stored-order OrderStates whose rent
// rentPayer paid (for the matcher: every order it committed), filtered on the
// node. Cancel-only records hold no market and are not listed.
func (c *Client) OrderStatesPaidBy(ctx context.Context, market, rentPayer solana.PublicKey) ([]OrderStateAccount, error) {
	out, err := c.RPC.GetProgramAccountsWithOpts(ctx, c.ProgramID, &rpc.GetProgramAccountsOpts{
		Commitment: rpc.CommitmentConfirmed,
		Encoding:   solana.EncodingBase64,
		Filters: []rpc.RPCFilter{
			{Memcmp: &rpc.RPCFilterMemcmp{Offset: 0, Bytes: solana.Base58(solgridmarket.Account_OrderState[:])}},
			{Memcmp: &rpc.RPCFilterMemcmp{Offset: OrderStateMarketOffset, Bytes: solana.Base58(market[:])}},
			{Memcmp: &rpc.RPCFilterMemcmp{Offset: OrderStateRentPayerOffset, Bytes: solana.Base58(rentPayer[:])}},
		},
	})
	if err != nil {
		return nil, fmt.Errorf("order states paid by %s on %s: %w", rentPayer, market, err)
	}
	states := make([]OrderStateAccount, 0, len(out))
	for _, acc := range out {
		st, err := solgridmarket.ParseAccount_OrderState(acc.Account.Data.GetBinary())
		if err != nil {
			return nil, fmt.Errorf("order state %s: %w", acc.Pubkey, err)
		}
		states = append(states, OrderStateAccount{Address: acc.Pubkey, State: st, Lamports: acc.Account.Lamports})
	}
	return states, nil
}

// clockUnixTimestampOffset: slot, epoch_start_timestamp, epoch and
// leader_schedule_epoch (8 bytes each) precede unix_timestamp in the Clock sysvar.
const clockUnixTimestampOffset = 32

// ClusterTime is the Clock sysvar's unix_timestamp: the time the program judges
// expiry by, which may differ from this machine's.
func (c *Client) ClusterTime(ctx context.Context) (int64, error) {
	out, err := c.RPC.GetAccountInfoWithOpts(ctx, solana.SysVarClockPubkey, &rpc.GetAccountInfoOpts{Commitment: rpc.CommitmentConfirmed})
	if err != nil {
		return 0, fmt.Errorf("read the clock sysvar: %w", err)
	}
	if out == nil || out.Value == nil {
		return 0, fmt.Errorf("read the clock sysvar: %w", ErrAccountNotFound)
	}
	data := out.Value.Data.GetBinary()
	if len(data) < clockUnixTimestampOffset+8 {
		return 0, fmt.Errorf("clock sysvar: %d bytes", len(data))
	}
	return int64(binary.LittleEndian.Uint64(data[clockUnixTimestampOffset:])), nil
}
