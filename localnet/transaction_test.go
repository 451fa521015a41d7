package localnet_test

import (
	"context"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/rpc"
	confirm "github.com/gagliardetto/solana-go/rpc/sendAndConfirmTransaction"

	"github.com/solgrid/solgrid/localnet"
)

func encodeBase64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

func TestTransferConfirmedOverWebSocketAndInHistory(t *testing.T) {
	v := startValidator(t, localnet.Config{})
	c := rpc.New(v.RPCURL())
	wsc := wsClient(t, v)
	ctx := context.Background()
	payer := fundedWallet(t, c, 2*sol)
	to := solana.NewWallet().PublicKey()

	tx := buildTx(t, c, payer, nil, transferIx(payer, to, sol/2))
	sig, err := confirm.SendAndConfirmTransaction(ctx, c, wsc, tx)
	if err != nil {
		t.Fatalf("send and confirm: %v", err)
	}
	if got := balance(t, c, to); got != sol/2 {
		t.Fatalf("recipient balance = %d, want %d", got, sol/2)
	}
	if got := balance(t, c, payer.PublicKey()); got != 2*sol-sol/2-5000 {
		t.Fatalf("payer balance = %d, want %d (transfer + 5000 fee)", got, 2*sol-sol/2-5000)
	}

	st, err := c.GetSignatureStatuses(ctx, false, sig)
	if err != nil || st.Value[0] == nil || st.Value[0].ConfirmationStatus != rpc.ConfirmationStatusFinalized || st.Value[0].Err != nil {
		t.Fatalf("signature status = %+v, %v", st, err)
	}

	got, err := c.GetTransaction(ctx, sig, &rpc.GetTransactionOpts{Commitment: rpc.CommitmentFinalized}) // no encoding: the server default, json
	if err != nil {
		t.Fatalf("getTransaction json: %v", err)
	}
	if got.Meta.Fee != 5000 || got.Meta.Err != nil {
		t.Fatalf("meta fee=%d err=%v", got.Meta.Fee, got.Meta.Err)
	}
	if !strings.Contains(strings.Join(got.Meta.LogMessages, "\n"), "Program 11111111111111111111111111111111 success") {
		t.Fatalf("logs lack System success: %q", got.Meta.LogMessages)
	}
	if got.Meta.ComputeUnitsConsumed == nil || *got.Meta.ComputeUnitsConsumed == 0 {
		t.Fatalf("computeUnitsConsumed missing")
	}
	if got.Meta.PreBalances[0]-got.Meta.PostBalances[0] != sol/2+5000 {
		t.Fatalf("pre/post balances of the payer: %v -> %v", got.Meta.PreBalances, got.Meta.PostBalances)
	}
	parsed, err := got.Transaction.GetTransaction()
	if err != nil || parsed.Signatures[0] != sig || parsed.Message.AccountKeys[1] != to {
		t.Fatalf("json transaction: %v, %+v", err, parsed)
	}

	b64, err := c.GetTransaction(ctx, sig, &rpc.GetTransactionOpts{Encoding: solana.EncodingBase64})
	if err != nil {
		t.Fatalf("getTransaction base64: %v", err)
	}
	decoded, err := b64.Transaction.GetTransaction()
	if err != nil || decoded.Signatures[0] != sig {
		t.Fatalf("base64 transaction: %v", err)
	}

	sigs, err := c.GetSignaturesForAddress(ctx, to)
	if err != nil || len(sigs) != 1 || sigs[0].Signature != sig {
		t.Fatalf("signatures for recipient = %+v, %v", sigs, err)
	}
}

func TestFailingTransactionReturnsSimulationFailedError(t *testing.T) {
	v := startValidator(t, localnet.Config{})
	c := rpc.New(v.RPCURL())
	payer := fundedWallet(t, c, sol)
	tx := buildTx(t, c, payer, nil, transferIx(payer, solana.NewWallet().PublicKey(), 5*sol))

	_, err := c.SendTransaction(context.Background(), tx)
	re := rpcError(t, err)
	if re.Code != -32002 || !strings.HasPrefix(re.Message, "Transaction simulation failed: Error processing Instruction 0: custom program error: 0x1") {
		t.Fatalf("error = %d %q", re.Code, re.Message)
	}
	data, ok := re.Data.(map[string]any)
	if !ok {
		t.Fatalf("error data = %#v", re.Data)
	}
	logs, _ := data["logs"].([]any)
	if len(logs) == 0 || !strings.Contains(logs[len(logs)-1].(string), "failed: custom program error: 0x1") {
		t.Fatalf("error logs = %v", data["logs"])
	}
	if _, ok := data["err"].(map[string]any)["InstructionError"]; !ok {
		t.Fatalf("error err = %#v", data["err"])
	}
	if _, ok := data["unitsConsumed"]; !ok {
		t.Fatalf("error data lacks unitsConsumed: %#v", data)
	}
	// Preflight failed, so nothing was committed: no fee taken.
	if got := balance(t, c, payer.PublicKey()); got != sol {
		t.Fatalf("payer balance after rejected tx = %d, want %d", got, sol)
	}
}

func TestSkipPreflightCommitsFailedTransactionWithFee(t *testing.T) {
	v := startValidator(t, localnet.Config{})
	c := rpc.New(v.RPCURL())
	ctx := context.Background()
	payer := fundedWallet(t, c, sol)
	tx := buildTx(t, c, payer, nil, transferIx(payer, solana.NewWallet().PublicKey(), 5*sol))

	sig, err := c.SendTransactionWithOpts(ctx, tx, rpc.TransactionOpts{SkipPreflight: true})
	if err != nil {
		t.Fatalf("send with skipPreflight: %v", err)
	}
	st, err := c.GetSignatureStatuses(ctx, false, sig)
	if err != nil || st.Value[0] == nil || st.Value[0].Err == nil {
		t.Fatalf("status of failed tx = %+v, %v", st, err)
	}
	if got := balance(t, c, payer.PublicKey()); got != sol-5000 {
		t.Fatalf("payer balance = %d, want fee charged (%d)", got, sol-5000)
	}
}

func TestSimulateReportsUnitsConsumedAndLogs(t *testing.T) {
	v := startValidator(t, localnet.Config{})
	c := rpc.New(v.RPCURL())
	payer := fundedWallet(t, c, sol)
	tx := buildTx(t, c, payer, nil, transferIx(payer, solana.NewWallet().PublicKey(), sol/10))

	sim, err := c.SimulateTransactionWithOpts(context.Background(), tx, &rpc.SimulateTransactionOpts{SigVerify: true})
	if err != nil {
		t.Fatalf("simulate: %v", err)
	}
	if sim.Value.Err != nil || sim.Value.UnitsConsumed == nil || *sim.Value.UnitsConsumed == 0 || len(sim.Value.Logs) == 0 {
		t.Fatalf("simulation value = %+v", sim.Value)
	}
	// Simulation commits nothing.
	if got := balance(t, c, payer.PublicKey()); got != sol {
		t.Fatalf("balance after simulate = %d", got)
	}
	// replaceRecentBlockhash lets an unsigned transaction with a bogus blockhash simulate.
	stale := buildTxWithBlockhash(t, solana.Hash{1}, payer, nil, transferIx(payer, solana.NewWallet().PublicKey(), sol/10))
	sim, err = c.SimulateTransactionWithOpts(context.Background(), stale, &rpc.SimulateTransactionOpts{ReplaceRecentBlockhash: true})
	if err != nil || sim.Value.Err != nil {
		t.Fatalf("simulate with replaceRecentBlockhash: %v %+v", err, sim)
	}
}

// A transaction travels in one 1232-byte packet: a larger one is refused before it
// is looked at, by sendTransaction and simulateTransaction alike, as on a cluster.
func TestTransactionOverThePacketSizeIsRefused(t *testing.T) {
	v := startValidator(t, localnet.Config{})
	c := rpc.New(v.RPCURL())
	payer := fundedWallet(t, c, sol)
	big := solana.NewInstruction(solana.MemoProgramID, nil, make([]byte, 1200))
	tx := buildTx(t, c, payer, nil, big)
	raw, err := tx.MarshalBinary()
	if err != nil || len(raw) <= 1232 {
		t.Fatalf("test transaction is %d bytes (%v); it must exceed 1232", len(raw), err)
	}
	_, err = c.SendTransactionWithOpts(context.Background(), tx, rpc.TransactionOpts{SkipPreflight: true})
	if re := rpcError(t, err); re.Code != -32602 || !strings.Contains(re.Message, "too large") {
		t.Fatalf("send: %d %q", re.Code, re.Message)
	}
	_, err = c.SimulateTransaction(context.Background(), tx)
	if re := rpcError(t, err); re.Code != -32602 || !strings.Contains(re.Message, "too large") {
		t.Fatalf("simulate: %d %q", re.Code, re.Message)
	}
	if got := balance(t, c, payer.PublicKey()); got != sol {
		t.Fatalf("payer paid for a refused transaction: %d, want %d", got, sol)
	}
}

// Tests of a program's own checks may raise the limit, and only explicitly.
func TestMaxTransactionSizeRaisesThePacketLimit(t *testing.T) {
	v := startValidator(t, localnet.Config{MaxTransactionSize: 4096})
	c := rpc.New(v.RPCURL())
	payer := fundedWallet(t, c, sol)
	tx := buildTx(t, c, payer, nil, solana.NewInstruction(solana.MemoProgramID, nil, make([]byte, 1200)))
	if _, err := c.SimulateTransaction(context.Background(), tx); err != nil {
		t.Fatalf("a 1.3 kB transaction under a 4096-byte limit: %v", err)
	}
}
