package localnet_test

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	bin "github.com/gagliardetto/binary"
	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/programs/system"
	"github.com/gagliardetto/solana-go/rpc"
	"github.com/gagliardetto/solana-go/rpc/jsonrpc"
	"github.com/gagliardetto/solana-go/rpc/ws"
	"github.com/rs/zerolog"

	"github.com/solgrid/solgrid/localnet"
)

const sol = solana.LAMPORTS_PER_SOL

func testLogger(t *testing.T) zerolog.Logger {
	return zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.InfoLevel)
}

// startValidator starts a localnet for one test and stops it when the test ends.
func startValidator(t *testing.T, cfg localnet.Config) *localnet.Validator {
	t.Helper()
	cfg.Logger = testLogger(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	v, err := localnet.Start(ctx, cfg)
	if err != nil {
		t.Fatalf("start localnet: %v", err)
	}
	t.Cleanup(func() {
		if err := v.Stop(); err != nil {
			t.Errorf("stop localnet: %v", err)
		}
	})
	return v
}

func wsConnect(v *localnet.Validator) (*ws.Client, error) {
	return ws.Connect(context.Background(), v.WSURL())
}

func wsClient(t *testing.T, v *localnet.Validator) *ws.Client {
	t.Helper()
	c, err := wsConnect(v)
	if err != nil {
		t.Fatalf("ws connect %s: %v", v.WSURL(), err)
	}
	t.Cleanup(c.Close)
	return c
}

// fundedWallet airdrops to a fresh key and waits until the airdrop is finalized.
func fundedWallet(t *testing.T, c *rpc.Client, lamports uint64) solana.PrivateKey {
	t.Helper()
	ctx := context.Background()
	key := solana.NewWallet().PrivateKey
	sig, err := c.RequestAirdrop(ctx, key.PublicKey(), lamports, rpc.CommitmentFinalized)
	if err != nil {
		t.Fatalf("airdrop: %v", err)
	}
	st, err := c.GetSignatureStatuses(ctx, true, sig)
	if err != nil || st.Value[0] == nil || st.Value[0].Err != nil {
		t.Fatalf("airdrop %s not finalized: %v %+v", sig, err, st)
	}
	return key
}

// buildTx builds and signs a transaction with the latest blockhash.
func buildTx(t *testing.T, c *rpc.Client, payer solana.PrivateKey, signers []solana.PrivateKey, ixs ...solana.Instruction) *solana.Transaction {
	t.Helper()
	bh, err := c.GetLatestBlockhash(context.Background(), rpc.CommitmentFinalized)
	if err != nil {
		t.Fatalf("latest blockhash: %v", err)
	}
	return buildTxWithBlockhash(t, bh.Value.Blockhash, payer, signers, ixs...)
}

func buildTxWithBlockhash(t *testing.T, bh solana.Hash, payer solana.PrivateKey, signers []solana.PrivateKey, ixs ...solana.Instruction) *solana.Transaction {
	t.Helper()
	tx, err := solana.NewTransaction(ixs, bh, solana.TransactionPayer(payer.PublicKey()))
	if err != nil {
		t.Fatalf("new transaction: %v", err)
	}
	all := append([]solana.PrivateKey{payer}, signers...)
	if _, err := tx.Sign(func(pk solana.PublicKey) *solana.PrivateKey {
		for i := range all {
			if all[i].PublicKey() == pk {
				return &all[i]
			}
		}
		return nil
	}); err != nil {
		t.Fatalf("sign: %v", err)
	}
	return tx
}

func transferIx(from solana.PrivateKey, to solana.PublicKey, lamports uint64) solana.Instruction {
	return system.NewTransferInstruction(lamports, from.PublicKey(), to).Build()
}

var transferIxPub = transferIx

func balance(t *testing.T, c *rpc.Client, pk solana.PublicKey) uint64 {
	t.Helper()
	b, err := c.GetBalance(context.Background(), pk, rpc.CommitmentFinalized)
	if err != nil {
		t.Fatalf("balance of %s: %v", pk, err)
	}
	return b.Value
}

func rpcError(t *testing.T, err error) *jsonrpc.RPCError {
	t.Helper()
	var re *jsonrpc.RPCError
	if !errors.As(err, &re) {
		t.Fatalf("expected a JSON-RPC error, got %T: %v", err, err)
	}
	return re
}

func TestMain(m *testing.M) {
	if _, err := localnet.ValidatorDir(); err != nil {
		// Fail loudly rather than skip: the message says what to run.
		os.Stderr.WriteString(err.Error() + "\n")
		os.Exit(1)
	}
	os.Exit(m.Run())
}

func binDecoder(b []byte) *bin.Decoder { return bin.NewBinDecoder(b) }
