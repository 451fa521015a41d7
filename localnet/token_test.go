package localnet_test

import (
	"context"
	"encoding/base64"
	"encoding/binary"
	"testing"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/programs/system"
	"github.com/gagliardetto/solana-go/programs/token"
	"github.com/gagliardetto/solana-go/rpc"
	confirm "github.com/gagliardetto/solana-go/rpc/sendAndConfirmTransaction"

	"github.com/solgrid/solgrid/localnet"
)

const (
	mintSize         = 82
	tokenAccountSize = 165
)

// tokenFixture: one mint (6 decimals), two token accounts of owner A (100 and 250 units) and one of owner B.
type tokenFixture struct {
	mint           solana.PublicKey
	ownerA, ownerB solana.PublicKey
	accountsA      []solana.PublicKey
	accountB       solana.PublicKey
}

func createTokenFixture(t *testing.T, v *localnet.Validator, c *rpc.Client) tokenFixture {
	t.Helper()
	ctx := context.Background()
	wsc := wsClient(t, v)
	payer := fundedWallet(t, c, 10*sol)
	mint := solana.NewWallet().PrivateKey
	f := tokenFixture{mint: mint.PublicKey(), ownerA: solana.NewWallet().PublicKey(), ownerB: solana.NewWallet().PublicKey()}

	mintRent, err := c.GetMinimumBalanceForRentExemption(ctx, mintSize, rpc.CommitmentFinalized)
	if err != nil {
		t.Fatal(err)
	}
	accRent, err := c.GetMinimumBalanceForRentExemption(ctx, tokenAccountSize, rpc.CommitmentFinalized)
	if err != nil {
		t.Fatal(err)
	}
	ixs := []solana.Instruction{
		system.NewCreateAccountInstruction(mintRent, mintSize, solana.TokenProgramID, payer.PublicKey(), mint.PublicKey()).Build(),
		token.NewInitializeMint2Instruction(6, payer.PublicKey(), payer.PublicKey(), mint.PublicKey()).Build(),
	}
	signers := []solana.PrivateKey{mint}
	for i, owner := range []solana.PublicKey{f.ownerA, f.ownerA, f.ownerB} {
		acc := solana.NewWallet().PrivateKey
		signers = append(signers, acc)
		ixs = append(ixs,
			system.NewCreateAccountInstruction(accRent, tokenAccountSize, solana.TokenProgramID, payer.PublicKey(), acc.PublicKey()).Build(),
			token.NewInitializeAccount3Instruction(owner, acc.PublicKey(), mint.PublicKey()).Build(),
			token.NewMintToInstruction([]uint64{100, 250, 7}[i], mint.PublicKey(), acc.PublicKey(), payer.PublicKey(), nil).Build(),
		)
		if owner == f.ownerA {
			f.accountsA = append(f.accountsA, acc.PublicKey())
		} else {
			f.accountB = acc.PublicKey()
		}
	}
	tx := buildTx(t, c, payer, signers, ixs...)
	if _, err := confirm.SendAndConfirmTransaction(ctx, c, wsc, tx); err != nil {
		t.Fatalf("create mint and token accounts: %v", err)
	}
	return f
}

func TestProgramAccountsFiltersAndTokenQueries(t *testing.T) {
	v := startValidator(t, localnet.Config{})
	c := rpc.New(v.RPCURL())
	ctx := context.Background()
	f := createTokenFixture(t, v, c)

	// dataSize + memcmp (base58) on the owner field at offset 32.
	res, err := c.GetProgramAccountsWithOpts(ctx, solana.TokenProgramID, &rpc.GetProgramAccountsOpts{
		Encoding: solana.EncodingBase64,
		Filters: []rpc.RPCFilter{
			{DataSize: tokenAccountSize},
			{Memcmp: &rpc.RPCFilterMemcmp{Offset: 32, Bytes: solana.Base58(f.ownerA.Bytes())}},
		},
	})
	if err != nil {
		t.Fatalf("getProgramAccounts: %v", err)
	}
	if len(res) != 2 || !containsAll(res, f.accountsA) {
		t.Fatalf("owner A's token accounts = %v, want %v", keysOf(res), f.accountsA)
	}

	// dataSize alone matches the mint only; dataSlice returns just the requested bytes.
	off, length := uint64(44), uint64(1)
	res, err = c.GetProgramAccountsWithOpts(ctx, solana.TokenProgramID, &rpc.GetProgramAccountsOpts{
		Encoding:  solana.EncodingBase64,
		Filters:   []rpc.RPCFilter{{DataSize: mintSize}},
		DataSlice: &rpc.DataSlice{Offset: &off, Length: &length},
	})
	if err != nil || len(res) != 1 || res[0].Pubkey != f.mint {
		t.Fatalf("mint by dataSize = %v, %v", res, err)
	}
	if d := res[0].Account.Data.GetBinary(); len(d) != 1 || d[0] != 6 {
		t.Fatalf("dataSlice of mint decimals = %v, want [6]", d)
	}

	// memcmp bytes given in base64, on the mint field at offset 0, plus a dataSlice of the amount.
	var raw []map[string]any
	off, length = 64, 8
	err = c.RPCCallForInto(ctx, &raw, "getProgramAccounts", []any{solana.TokenProgramID.String(), map[string]any{
		"encoding":  "base64",
		"dataSlice": map[string]any{"offset": off, "length": length},
		"filters": []any{
			map[string]any{"dataSize": tokenAccountSize},
			map[string]any{"memcmp": map[string]any{"offset": 0, "bytes": base64.StdEncoding.EncodeToString(f.mint.Bytes()), "encoding": "base64"}},
		},
	}})
	if err != nil || len(raw) != 3 {
		t.Fatalf("base64 memcmp = %d accounts, %v", len(raw), err)
	}
	var total uint64
	for _, r := range raw {
		data := r["account"].(map[string]any)["data"].([]any)
		b, _ := base64.StdEncoding.DecodeString(data[0].(string))
		if len(b) != 8 || data[1] != "base64" {
			t.Fatalf("sliced data = %v", data)
		}
		total += binary.LittleEndian.Uint64(b)
	}
	if total != 357 {
		t.Fatalf("sum of sliced amounts = %d, want 357", total)
	}

	// withContext wraps the list in {context, value}.
	var wrapped struct {
		Context struct{ Slot uint64 } `json:"context"`
		Value   []any                 `json:"value"`
	}
	err = c.RPCCallForInto(ctx, &wrapped, "getProgramAccounts", []any{solana.TokenProgramID.String(), map[string]any{
		"encoding": "base64", "withContext": true, "filters": []any{map[string]any{"dataSize": mintSize}}}})
	if err != nil || wrapped.Context.Slot == 0 || len(wrapped.Value) != 1 {
		t.Fatalf("withContext = %+v, %v", wrapped, err)
	}

	bal, err := c.GetTokenAccountBalance(ctx, f.accountsA[1], rpc.CommitmentFinalized)
	if err != nil || bal.Value.Amount != "250" || bal.Value.Decimals != 6 || bal.Value.UiAmountString != "0.00025" {
		t.Fatalf("token balance = %+v, %v", bal, err)
	}

	byMint, err := c.GetTokenAccountsByOwner(ctx, f.ownerA, &rpc.GetTokenAccountsConfig{Mint: &f.mint}, &rpc.GetTokenAccountsOpts{Encoding: solana.EncodingBase64})
	if err != nil || len(byMint.Value) != 2 {
		t.Fatalf("token accounts of A by mint = %+v, %v", byMint, err)
	}
	prog := solana.TokenProgramID
	byProgram, err := c.GetTokenAccountsByOwner(ctx, f.ownerB, &rpc.GetTokenAccountsConfig{ProgramId: &prog}, &rpc.GetTokenAccountsOpts{Encoding: solana.EncodingBase64})
	if err != nil || len(byProgram.Value) != 1 || byProgram.Value[0].Pubkey != f.accountB {
		t.Fatalf("token accounts of B by program = %+v, %v", byProgram, err)
	}
	var acc token.Account
	if err := acc.UnmarshalWithDecoder(binDecoder(byProgram.Value[0].Account.Data.GetBinary())); err != nil || acc.Amount != 7 || acc.Owner != f.ownerB {
		t.Fatalf("decoded token account = %+v, %v", acc, err)
	}
}

func containsAll(res rpc.GetProgramAccountsResult, want []solana.PublicKey) bool {
	have := map[solana.PublicKey]bool{}
	for _, r := range res {
		have[r.Pubkey] = true
	}
	for _, w := range want {
		if !have[w] {
			return false
		}
	}
	return true
}

func keysOf(res rpc.GetProgramAccountsResult) []solana.PublicKey {
	out := make([]solana.PublicKey, 0, len(res))
	for _, r := range res {
		out = append(out, r.Pubkey)
	}
	return out
}
