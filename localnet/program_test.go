package localnet_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/rpc"
	confirm "github.com/gagliardetto/solana-go/rpc/sendAndConfirmTransaction"

	"github.com/solgrid/solgrid/localnet"
)

// memoELF takes the SPL Memo program's ELF out of a running localnet (LiteSVM ships it),
// so --bpf-program can be tested with a real SBF binary without a toolchain.
func memoELF(t *testing.T) string {
	t.Helper()
	v := startValidator(t, localnet.Config{})
	acc, err := rpc.New(v.RPCURL()).GetAccountInfo(context.Background(), solana.MemoProgramID)
	if err != nil {
		t.Fatalf("memo program account: %v", err)
	}
	path := filepath.Join(t.TempDir(), "memo.so")
	if err := os.WriteFile(path, acc.Value.Data.GetBinary(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestBPFProgramLoadedAtStart(t *testing.T) {
	path := memoELF(t)
	programID := solana.NewWallet().PublicKey()
	v := startValidator(t, localnet.Config{Programs: []localnet.Program{{ID: programID, Path: path}}})
	c := rpc.New(v.RPCURL())
	payer := fundedWallet(t, c, sol)

	ix := solana.NewInstruction(programID, solana.AccountMetaSlice{}, []byte("hello solgrid"))
	sig, err := confirm.SendAndConfirmTransaction(context.Background(), c, wsClient(t, v), buildTx(t, c, payer, nil, ix))
	if err != nil {
		t.Fatalf("invoke loaded program: %v", err)
	}
	tx, err := c.GetTransaction(context.Background(), sig, &rpc.GetTransactionOpts{})
	if err != nil {
		t.Fatalf("getTransaction: %v", err)
	}
	logs := strings.Join(tx.Meta.LogMessages, "\n")
	if !strings.Contains(logs, "Program "+programID.String()+" invoke [1]") || !strings.Contains(logs, `hello solgrid`) {
		t.Fatalf("logs of the loaded program:\n%s", logs)
	}
}
