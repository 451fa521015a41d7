package client_test

import (
	"context"
	"testing"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/programs/system"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/clienttest"
)

// marketRent is the rent-exempt minimum of the 440-byte Market account.
const marketRent = (128 + 440) * 6960

// A market address is predictable (authority, market_id). A stranger who
// sends lamports there first must not block that market id: the address is
// adopted as the vault addresses are, and the authority pays only the rest.
func TestAuditAPrefundedMarketAddressCannotBlockInitializeMarket(t *testing.T) {
	ctx := context.Background()
	chain := clienttest.Start(t)
	authority := chain.Wallet(t, 10*solana.LAMPORTS_PER_SOL)
	stranger := chain.Wallet(t, solana.LAMPORTS_PER_SOL)
	stable, token := chain.Mint(t, authority, 6), chain.Mint(t, authority, 9)
	market, _ := client.MarketAddress(chain.Client.ProgramID, authority.PublicKey(), 3)
	const dust = 1_000_000 // rent-exempt for an empty account, below the Market's rent
	if _, err := chain.Client.Send(ctx, []solana.Instruction{system.NewTransferInstruction(dust, stranger.PublicKey(), market).Build()},
		[]solana.PrivateKey{stranger}, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	params := marketParams(solana.NewWallet().PublicKey(), solana.NewWallet().PublicKey())
	addr, _, err := chain.Client.InitializeMarket(ctx, authority, client.InitializeMarket{
		MarketID: 3, StableMint: stable, TokenMint: token, Params: params}, client.SendOptions{})
	if err != nil {
		t.Fatalf("initialize over a pre-funded market address: %v", err)
	}
	m, err := chain.Client.FetchMarket(ctx, addr)
	if err != nil || m.MarketId != 3 || m.Authority != authority.PublicKey() {
		t.Fatalf("market %+v (%v)", m, err)
	}
	if _, owner, lamports := chain.AccountData(t, addr); lamports != marketRent || owner != chain.Client.ProgramID {
		t.Errorf("market holds %d lamports, owner %s; want %d, the program", lamports, owner, marketRent)
	}
}
