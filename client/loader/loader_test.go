package loader_test

import (
	"context"
	"encoding/binary"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/clienttest"
	"github.com/solgrid/solgrid/client/loader"
	"github.com/solgrid/solgrid/client/solgridmarket"
	"github.com/solgrid/solgrid/programs/sbflink"
)

// The program must pass the strict loader path a real cluster uses with SIMD-0500
// active (v0-v2 deployments disabled): deploy through BPFLoaderUpgradeable, run,
// upgrade, run again.
func TestMarketDeploysAndUpgradesThroughUpgradeableLoader(t *testing.T) {
	ctx := context.Background()
	chain := clienttest.Start(t) // features "all": SIMD-0500 active
	elf, err := os.ReadFile(chain.Program)
	if err != nil {
		t.Fatal(err)
	}
	info, err := sbflink.Inspect(elf)
	if err != nil || info.Flags != 3 {
		t.Fatalf("program e_flags = %d (%v), want 3 (SBPF v3)", info.Flags, err)
	}
	payer := chain.Wallet(t, 50*solana.LAMPORTS_PER_SOL)
	program := solana.NewWallet().PrivateKey
	if _, err := loader.Deploy(ctx, chain.Client, payer, program, elf); err != nil {
		t.Fatalf("deploy: %v", err)
	}
	_, owner, _ := chain.AccountData(t, program.PublicKey())
	if owner != loader.ProgramID {
		t.Fatalf("program account owned by %s, want the upgradeable loader", owner)
	}
	deployed := client.NewForCluster(chain.Client.Cluster, client.WithProgramID(program.PublicKey()))
	defer deployed.Close()
	initMarket(t, chain, deployed, payer, 1)

	if _, err := loader.Upgrade(ctx, chain.Client, payer, program.PublicKey(), elf); err != nil {
		var te *client.TransactionError
		if errors.As(err, &te) {
			t.Log(te.Logs)
		}
		t.Fatalf("upgrade: %v", err)
	}
	initMarket(t, chain, deployed, payer, 2)
}

// With SIMD-0500 active the loader refuses any ELF that is not SBPF v3; this pins
// that our localnet enforces it (so a v0 regression in the linker cannot pass).
func TestLoaderRefusesNonV3ProgramWithSIMD0500(t *testing.T) {
	ctx := context.Background()
	chain := clienttest.Start(t)
	elf, err := os.ReadFile(chain.Program)
	if err != nil {
		t.Fatal(err)
	}
	v0 := append([]byte{}, elf...)
	binary.LittleEndian.PutUint32(v0[48:], 0) // e_flags: SBPF v0
	payer := chain.Wallet(t, 50*solana.LAMPORTS_PER_SOL)
	_, err = loader.Deploy(ctx, chain.Client, payer, solana.NewWallet().PrivateKey, v0)
	var txErr *client.TransactionError
	if !errors.As(err, &txErr) {
		t.Fatalf("deploying an SBPF v0 ELF: got %v, want the loader to refuse it", err)
	}
	if !strings.Contains(strings.Join(txErr.Logs, "\n"), "sbpf_version") {
		t.Errorf("refused for another reason than the SBPF version; logs:\n%s", strings.Join(txErr.Logs, "\n"))
	}
}

func initMarket(t *testing.T, chain *clienttest.Chain, c *client.Client, authority solana.PrivateKey, id uint64) {
	t.Helper()
	ctx := context.Background()
	stable, token := chain.Mint(t, authority, 6), chain.Mint(t, authority, 6)
	addr, _, err := c.InitializeMarket(ctx, authority, client.InitializeMarket{
		MarketID: id, StableMint: stable, TokenMint: token,
		Params: solgridmarket.MarketParams{Treasury: authority.PublicKey(), OracleAuthority: authority.PublicKey(), Matcher: authority.PublicKey(), FeeBpsStable: 100, FeeBpsToken: 50},
	}, client.SendOptions{})
	if err != nil {
		t.Fatalf("initialize market %d on the deployed program: %v", id, err)
	}
	if _, owner, _ := chain.AccountData(t, addr); owner != c.ProgramID {
		t.Fatalf("market %d owned by %s, want %s", id, owner, c.ProgramID)
	}
}
