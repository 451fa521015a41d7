package localnet_test

import (
	"context"
	"encoding/binary"
	"testing"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/rpc"

	"github.com/solgrid/solgrid/localnet"
)

// slotHashes reads the slots listed in the SlotHashes sysvar, newest first.
func slotHashes(t *testing.T, c *rpc.Client) []uint64 {
	t.Helper()
	acc, err := c.GetAccountInfo(context.Background(), solana.SysVarSlotHashesPubkey)
	if err != nil {
		t.Fatalf("SlotHashes sysvar: %v", err)
	}
	d := acc.Value.Data.GetBinary()
	n := binary.LittleEndian.Uint64(d)
	var out []uint64
	for i := uint64(0); i < n; i++ {
		out = append(out, binary.LittleEndian.Uint64(d[8+40*i:]))
	}
	return out
}

// The Address Lookup Table program derives tables from a slot in SlotHashes and
// closes deactivated ones once their slot left it, so it must follow the slots.
func TestSlotHashesListsPastSlotsNewestFirst(t *testing.T) {
	v := startValidator(t, localnet.Config{})
	c := rpc.New(v.RPCURL())
	time.Sleep(1200 * time.Millisecond) // three 400 ms slots
	slot, err := c.GetSlot(context.Background(), rpc.CommitmentConfirmed)
	if err != nil {
		t.Fatal(err)
	}
	hashes := slotHashes(t, c)
	if len(hashes) < 2 {
		t.Fatalf("SlotHashes %v after slots passed", hashes)
	}
	if hashes[0] >= slot {
		t.Errorf("newest entry %d is not a past slot (current %d)", hashes[0], slot)
	}
	for i := 1; i < len(hashes); i++ {
		if hashes[i] >= hashes[i-1] {
			t.Fatalf("SlotHashes not newest first: %v", hashes)
		}
	}
}
