package main

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/clienttest"
)

// run executes the solgrid command line in-process and returns what it printed
// on stdout.
func run(t *testing.T, args ...string) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = w
	done := make(chan string)
	go func() {
		out, _ := io.ReadAll(r)
		done <- string(out)
	}()
	runErr := newApp().Run(append([]string{"solgrid"}, args...))
	w.Close()
	os.Stdout = stdout
	out := <-done
	if runErr != nil {
		t.Fatalf("solgrid %s: %v\n%s", strings.Join(args, " "), runErr, out)
	}
	return out
}

// An operator creates a market and prices the token, a renter deposits, and the
// balance shows up, all through the command line with Solana CLI conventions
// (a config.yml naming the cluster and the keypair).
func TestOperatorAndRenterThroughTheCLI(t *testing.T) {
	ctx := context.Background()
	chain := clienttest.Start(t)
	operator := chain.Wallet(t, 10*solana.LAMPORTS_PER_SOL)
	stable, token := chain.Mint(t, operator, 6), chain.Mint(t, operator, 6)
	dir := t.TempDir()
	keyPath := filepath.Join(dir, "id.json")
	if err := client.SaveKeypair(keyPath, operator); err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(dir, "config.yml")
	os.WriteFile(config, []byte("json_rpc_url: \""+chain.Validator.RPCURL()+"\"\nwebsocket_url: \""+chain.Validator.WSURL()+"\"\nkeypair_path: "+keyPath+"\n"), 0o600)

	var created struct {
		Address string `json:"address"`
		Market  struct {
			FeeBpsStable uint16 `json:"FeeBpsStable"`
		} `json:"market"`
	}
	out := run(t, "--config", config, "--json", "market", "init", "--stable-mint", stable.String(), "--token-mint", token.String(), "--fee-bps", "300")
	if err := json.Unmarshal([]byte(out), &created); err != nil || created.Address == "" || created.Market.FeeBpsStable != 300 {
		t.Fatalf("market init printed %q (%v)", out, err)
	}
	run(t, "--config", config, "market", "set-price", "--market", created.Address, "--usd", "0.25")
	if _, _, err := chain.Client.MintToOwner(ctx, operator, stable, operator.PublicKey(), 100_000_000); err != nil {
		t.Fatal(err)
	}
	run(t, "--config", config, "balance", "deposit", "--market", created.Address, "--mint", "stable", "--amount", "12.5")

	out = run(t, "--config", config, "balance", "show", "--market", created.Address)
	if !strings.Contains(out, "available $12.50 USDC, locked $0.00 USDC") {
		t.Errorf("balance show printed:\n%s", out)
	}
	market, _ := solana.PublicKeyFromBase58(created.Address)
	if m, err := chain.Client.FetchMarket(ctx, market); err != nil || m.TokenPriceMicroUsd != 250_000 {
		t.Errorf("token price on chain: %v %v", m, err)
	}
}

// wallet new writes a CLI-format keypair and never overwrites one; address reads it back.
func TestWalletNewAndAddress(t *testing.T) {
	path := filepath.Join(t.TempDir(), "id.json")
	config := filepath.Join(t.TempDir(), "none.yml")
	run(t, "--config", config, "wallet", "new", "--outfile", path)
	key, err := client.LoadKeypair(path)
	if err != nil {
		t.Fatal(err)
	}
	if out := run(t, "--config", config, "--keypair", path, "wallet", "address"); strings.TrimSpace(out) != key.PublicKey().String() {
		t.Errorf("address printed %q, want %s", out, key.PublicKey())
	}
	if err := newApp().Run([]string{"solgrid", "--config", config, "wallet", "new", "--outfile", path}); err == nil {
		t.Error("wallet new overwrote an existing keypair")
	}
	if again, _ := client.LoadKeypair(path); !again.PublicKey().Equals(key.PublicKey()) {
		t.Error("the keypair file changed")
	}
}
