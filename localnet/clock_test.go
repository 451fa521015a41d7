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

// clockSysvar reads (slot, unix_timestamp) from the Clock sysvar account.
func clockSysvar(t *testing.T, c *rpc.Client) (uint64, int64) {
	t.Helper()
	acc, err := c.GetAccountInfo(context.Background(), solana.SysVarClockPubkey)
	if err != nil {
		t.Fatalf("clock sysvar: %v", err)
	}
	d := acc.Value.Data.GetBinary()
	if len(d) != 40 {
		t.Fatalf("clock sysvar is %d bytes", len(d))
	}
	return binary.LittleEndian.Uint64(d[0:8]), int64(binary.LittleEndian.Uint64(d[32:40]))
}

func TestClockSysvarFollowsWallTimeAndWarps(t *testing.T) {
	v := startValidator(t, localnet.Config{})
	c := rpc.New(v.RPCURL())
	slot, ts := clockSysvar(t, c)
	if now := time.Now().Unix(); ts < now-5 || ts > now+5 {
		t.Fatalf("clock unix_timestamp %d is not wall time %d", ts, now)
	}
	var out map[string]any
	if err := c.RPCCallForInto(context.Background(), &out, "localnet_warpClock", []any{3600}); err != nil {
		t.Fatalf("localnet_warpClock: %v", err)
	}
	slot2, ts2 := clockSysvar(t, c)
	if ts2-ts < 3600 || slot2 < slot {
		t.Fatalf("after a 3600s warp: ts %d -> %d, slot %d -> %d", ts, ts2, slot, slot2)
	}
}
