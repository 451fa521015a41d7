package localnet_test

import (
	"context"
	"testing"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/rpc"
	confirm "github.com/gagliardetto/solana-go/rpc/sendAndConfirmTransaction"

	"github.com/solgrid/solgrid/localnet"
)

func TestLedgerSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	v := startValidator(t, localnet.Config{LedgerDir: dir})
	c := rpc.New(v.RPCURL())
	ctx := context.Background()
	payer := fundedWallet(t, c, 2*sol)
	to := solana.NewWallet().PublicKey()
	sig, err := confirm.SendAndConfirmTransaction(ctx, c, wsClient(t, v), buildTx(t, c, payer, nil, transferIx(payer, to, sol)))
	if err != nil {
		t.Fatalf("transfer: %v", err)
	}
	slotBefore, _ := c.GetSlot(ctx, rpc.CommitmentFinalized)

	if err := v.Restart(ctx); err != nil {
		t.Fatalf("restart: %v", err)
	}
	c = rpc.New(v.RPCURL())
	if got := balance(t, c, to); got != sol {
		t.Fatalf("recipient balance after restart = %d, want %d", got, sol)
	}
	if got := balance(t, c, payer.PublicKey()); got != sol-5000 {
		t.Fatalf("payer balance after restart = %d, want %d", got, sol-5000)
	}
	tx, err := c.GetTransaction(ctx, sig, &rpc.GetTransactionOpts{})
	if err != nil || tx.Meta.Fee != 5000 {
		t.Fatalf("transaction after restart = %+v, %v", tx, err)
	}
	sigs, err := c.GetSignaturesForAddress(ctx, payer.PublicKey())
	if err != nil || len(sigs) != 2 || sigs[0].Signature != sig {
		t.Fatalf("payer history after restart = %+v, %v", sigs, err)
	}
	if slotAfter, _ := c.GetSlot(ctx, rpc.CommitmentFinalized); slotAfter <= slotBefore {
		t.Fatalf("slot went back across restart: %d -> %d", slotBefore, slotAfter)
	}
	// The restarted chain still processes transactions, and a replay of the old one is refused.
	if _, err := confirm.SendAndConfirmTransaction(ctx, c, wsClient(t, v), buildTx(t, c, payer, nil, transferIx(payer, to, 1000))); err != nil {
		t.Fatalf("transfer after restart: %v", err)
	}
}

func TestResetWipesLedger(t *testing.T) {
	dir := t.TempDir()
	v := startValidator(t, localnet.Config{LedgerDir: dir})
	c := rpc.New(v.RPCURL())
	key := fundedWallet(t, c, sol)
	if err := v.Stop(); err != nil {
		t.Fatalf("stop: %v", err)
	}

	v2 := startValidator(t, localnet.Config{LedgerDir: dir, Reset: true})
	c2 := rpc.New(v2.RPCURL())
	if got := balance(t, c2, key.PublicKey()); got != 0 {
		t.Fatalf("balance after --reset = %d, want 0", got)
	}
	sigs, err := c2.GetSignaturesForAddress(context.Background(), key.PublicKey())
	if err != nil || len(sigs) != 0 {
		t.Fatalf("history after --reset = %+v, %v", sigs, err)
	}
}
