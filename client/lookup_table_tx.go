package client

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/rpc"
)

// MaxExtendAddresses is how many addresses one ExtendLookupTable transaction
// carries within 1232 bytes (32 bytes each, after signature, keys and headers).
const MaxExtendAddresses = 28

// RecentSlot is the newest slot in the SlotHashes sysvar: the slot a new lookup
// table may be derived from (the current slot is not in it yet).
func (c *Client) RecentSlot(ctx context.Context) (uint64, error) {
	acc, err := c.RPC.GetAccountInfoWithOpts(ctx, solana.SysVarSlotHashesPubkey, &rpc.GetAccountInfoOpts{
		Commitment: rpc.CommitmentConfirmed, DataSlice: &rpc.DataSlice{Offset: ptr(uint64(0)), Length: ptr(uint64(16))},
	})
	if err != nil {
		return 0, fmt.Errorf("read SlotHashes: %w", err)
	}
	data := acc.Value.Data.GetBinary()
	if len(data) < 16 || binary.LittleEndian.Uint64(data) == 0 {
		return 0, errors.New("read SlotHashes: no slot yet")
	}
	return binary.LittleEndian.Uint64(data[8:]), nil
}

func ptr[T any](v T) *T { return &v }

// CreateLookupTable creates an empty table with authority as its authority and payer.
func (c *Client) CreateLookupTable(ctx context.Context, authority solana.PrivateKey, opts SendOptions) (solana.PublicKey, *Result, error) {
	slot, err := c.RecentSlot(ctx)
	if err != nil {
		return solana.PublicKey{}, nil, err
	}
	ix, table, err := CreateLookupTableInstruction(authority.PublicKey(), authority.PublicKey(), slot)
	if err != nil {
		return solana.PublicKey{}, nil, err
	}
	res, err := c.Send(ctx, []solana.Instruction{ix}, []solana.PrivateKey{authority}, opts)
	if err != nil {
		return table, nil, fmt.Errorf("create lookup table %s: %w", table, err)
	}
	return table, res, nil
}

// ExtendLookupTable appends addresses, MaxExtendAddresses per transaction, and
// returns the slot of the last one: the new addresses are usable after it.
func (c *Client) ExtendLookupTable(ctx context.Context, authority solana.PrivateKey, table solana.PublicKey, addresses []solana.PublicKey, opts SendOptions) (uint64, error) {
	var slot uint64
	for len(addresses) > 0 {
		chunk := addresses[:min(len(addresses), MaxExtendAddresses)]
		addresses = addresses[len(chunk):]
		ix := ExtendLookupTableInstruction(table, authority.PublicKey(), authority.PublicKey(), chunk)
		res, err := c.Send(ctx, []solana.Instruction{ix}, []solana.PrivateKey{authority}, opts)
		if err != nil {
			return 0, fmt.Errorf("extend lookup table %s by %d addresses: %w", table, len(chunk), err)
		}
		slot = res.Slot
	}
	return slot, nil
}

// DeactivateLookupTable starts the table's cool-down before it can be closed.
func (c *Client) DeactivateLookupTable(ctx context.Context, authority solana.PrivateKey, table solana.PublicKey, opts SendOptions) (*Result, error) {
	res, err := c.Send(ctx, []solana.Instruction{DeactivateLookupTableInstruction(table, authority.PublicKey())}, []solana.PrivateKey{authority}, opts)
	if err != nil {
		return nil, fmt.Errorf("deactivate lookup table %s: %w", table, err)
	}
	return res, nil
}

// CloseLookupTable closes a deactivated table whose cool-down is over; the rent goes to the authority.
func (c *Client) CloseLookupTable(ctx context.Context, authority solana.PrivateKey, table solana.PublicKey, opts SendOptions) (*Result, error) {
	ix := CloseLookupTableInstruction(table, authority.PublicKey(), authority.PublicKey())
	res, err := c.Send(ctx, []solana.Instruction{ix}, []solana.PrivateKey{authority}, opts)
	if err != nil {
		return nil, fmt.Errorf("close lookup table %s: %w", table, err)
	}
	return res, nil
}

// FetchLookupTable reads a table; nil, nil if it does not exist.
func (c *Client) FetchLookupTable(ctx context.Context, table solana.PublicKey) (*LookupTable, error) {
	acc, err := c.RPC.GetAccountInfoWithOpts(ctx, table, &rpc.GetAccountInfoOpts{Commitment: rpc.CommitmentConfirmed})
	if errors.Is(err, rpc.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("fetch lookup table %s: %w", table, err)
	}
	if acc.Value.Owner != solana.AddressLookupTableProgramID {
		return nil, fmt.Errorf("fetch lookup table %s: owned by %s", table, acc.Value.Owner)
	}
	return decodeLookupTable(table, acc.Value.Data.GetBinary())
}

// WaitForSlotAfter returns once the cluster's confirmed slot is past slot, e.g.
// so that addresses added to a lookup table in slot become usable.
func (c *Client) WaitForSlotAfter(ctx context.Context, slot uint64) error {
	for {
		now, err := c.RPC.GetSlot(ctx, rpc.CommitmentConfirmed)
		if err != nil {
			return fmt.Errorf("wait for slot %d: %w", slot+1, err)
		}
		if now > slot {
			return nil
		}
		t := time.NewTimer(50 * time.Millisecond)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}
