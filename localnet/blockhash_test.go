package localnet_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/rpc"

	"github.com/solgrid/solgrid/localnet"
)

func TestBlockhashValidFor150SlotsThenRejected(t *testing.T) {
	// 5ms slots: 150 slots pass in under a second.
	v := startValidator(t, localnet.Config{SlotDuration: 5 * time.Millisecond})
	c := rpc.New(v.RPCURL())
	ctx := context.Background()
	payer := fundedWallet(t, c, sol)

	latest, err := c.GetLatestBlockhash(ctx, rpc.CommitmentFinalized)
	if err != nil {
		t.Fatal(err)
	}
	// Wait a few slots: the blockhash is no longer the latest but still inside the window.
	waitForSlot(t, c, latest.Value.LastValidBlockHeight-140)
	if current, _ := c.GetLatestBlockhash(ctx, rpc.CommitmentFinalized); current.Value.Blockhash == latest.Value.Blockhash {
		t.Fatalf("blockhash did not rotate with slots")
	}
	recent := buildTxWithBlockhash(t, latest.Value.Blockhash, payer, nil, transferIx(payer, solana.NewWallet().PublicKey(), sol/10))
	if _, err := c.SendTransaction(ctx, recent); err != nil {
		t.Fatalf("a blockhash a few slots old must be accepted: %v", err)
	}

	waitForSlot(t, c, latest.Value.LastValidBlockHeight+1)
	valid, err := c.IsBlockhashValid(ctx, latest.Value.Blockhash, rpc.CommitmentFinalized)
	if err != nil || valid.Value {
		t.Fatalf("isBlockhashValid after 150 slots = %+v, %v", valid, err)
	}
	stale := buildTxWithBlockhash(t, latest.Value.Blockhash, payer, nil, transferIx(payer, solana.NewWallet().PublicKey(), sol/5))
	_, err = c.SendTransaction(ctx, stale)
	if re := rpcError(t, err); re.Code != -32002 || !strings.Contains(re.Message, "Blockhash not found") {
		t.Fatalf("stale blockhash error = %d %q", re.Code, re.Message)
	}
}

func waitForSlot(t *testing.T, c *rpc.Client, slot uint64) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		s, err := c.GetSlot(context.Background(), rpc.CommitmentFinalized)
		if err != nil {
			t.Fatalf("getSlot: %v", err)
		}
		if s >= slot {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("slot %d not reached", slot)
}
