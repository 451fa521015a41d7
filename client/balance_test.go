package client_test

import (
	"context"
	"testing"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/programs/system"
	"github.com/gagliardetto/solana-go/rpc"
	"github.com/solgrid/solgrid/client"
)

func requireBalance(t *testing.T, m *testMarket, owner, mint solana.PublicKey, available, locked uint64) {
	t.Helper()
	b, err := m.chain.Client.FetchBalance(context.Background(), m.market, owner, mint)
	if err != nil {
		t.Fatal(err)
	}
	_, bump := client.BalanceAddress(m.chain.Client.ProgramID, m.market, owner, mint)
	if b.Available != available || b.Locked != locked || b.Market != m.market || b.Owner != owner || b.Mint != mint || b.Bump != bump {
		t.Errorf("balance = %+v, want available %d locked %d of %s/%s/%s bump %d", *b, available, locked, m.market, owner, mint, bump)
	}
}

func TestDepositAndWithdrawMoveTokensToTheUnit(t *testing.T) {
	ctx := context.Background()
	m := newTestMarket(t)
	u := m.user(t, m.stable, 10_000_000)
	ata := client.AssociatedTokenAddress(u.PublicKey(), m.stable)

	res, err := m.chain.Client.Deposit(ctx, u, client.Deposit{Market: m.market, Mint: m.stable, Amount: 2_500_000}, client.SendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("deposit (opens the Balance): %d CU", res.ComputeUnits)
	requireBalance(t, m, u.PublicKey(), m.stable, 2_500_000, 0)
	res, err = m.chain.Client.Deposit(ctx, u, client.Deposit{Market: m.market, Mint: m.stable, Amount: 500_001}, client.SendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("deposit (open Balance): %d CU", res.ComputeUnits)
	requireBalance(t, m, u.PublicKey(), m.stable, 3_000_001, 0)
	if got := m.tokenAmount(t, m.stableVault); got != 3_000_001 {
		t.Errorf("stable vault holds %d, want 3000001", got)
	}
	if got := m.tokenAmount(t, ata); got != 6_999_999 {
		t.Errorf("user holds %d, want 6999999", got)
	}

	res, err = m.chain.Client.Withdraw(ctx, u, client.Withdraw{Market: m.market, Mint: m.stable, Amount: 1_200_000}, client.SendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("withdraw: %d CU", res.ComputeUnits)
	requireBalance(t, m, u.PublicKey(), m.stable, 1_800_001, 0)
	if got := m.tokenAmount(t, m.stableVault); got != 1_800_001 {
		t.Errorf("stable vault holds %d, want 1800001", got)
	}
	if got := m.tokenAmount(t, ata); got != 8_199_999 {
		t.Errorf("user holds %d, want 8199999", got)
	}
	// Everything that is available can leave.
	if _, err := m.chain.Client.Withdraw(ctx, u, client.Withdraw{Market: m.market, Mint: m.stable, Amount: 1_800_001}, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	requireBalance(t, m, u.PublicKey(), m.stable, 0, 0)
	if got := m.tokenAmount(t, m.stableVault); got != 0 {
		t.Errorf("stable vault holds %d, want 0", got)
	}
}

func TestDepositOfPlatformTokenAndBalancesByOwner(t *testing.T) {
	ctx := context.Background()
	m := newTestMarket(t)
	u := m.user(t, m.token, 7_000_000_000)
	if _, _, err := m.chain.Client.MintToOwner(ctx, m.authority, m.stable, u.PublicKey(), 1_000); err != nil {
		t.Fatal(err)
	}
	for _, d := range []client.Deposit{{Market: m.market, Mint: m.token, Amount: 4_000_000_000}, {Market: m.market, Mint: m.stable, Amount: 1_000}} {
		if _, err := m.chain.Client.Deposit(ctx, u, d, client.SendOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	requireBalance(t, m, u.PublicKey(), m.token, 4_000_000_000, 0)
	if got := m.tokenAmount(t, m.tokenVault); got != 4_000_000_000 {
		t.Errorf("token vault holds %d, want 4000000000", got)
	}
	// Another owner's Balance must not show up.
	other := m.user(t, m.stable, 5)
	if _, err := m.chain.Client.Deposit(ctx, other, client.Deposit{Market: m.market, Mint: m.stable, Amount: 5}, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	list, err := m.chain.Client.BalancesByOwner(ctx, u.PublicKey())
	if err != nil {
		t.Fatal(err)
	}
	got := map[solana.PublicKey]uint64{}
	for _, b := range list {
		if b.Owner != u.PublicKey() {
			t.Errorf("balance %s of %s listed for %s", b.Address, b.Owner, u.PublicKey())
		}
		if want, _ := client.BalanceAddress(m.chain.Client.ProgramID, m.market, b.Owner, b.Mint); want != b.Address {
			t.Errorf("balance at %s, PDA is %s", b.Address, want)
		}
		got[b.Mint] = b.Available
	}
	if len(list) != 2 || got[m.token] != 4_000_000_000 || got[m.stable] != 1_000 {
		t.Errorf("balances by owner = %+v", list)
	}
}

func TestOpenBalanceIsPaidByPayerAndIdempotent(t *testing.T) {
	ctx := context.Background()
	m := newTestMarket(t)
	payer := m.chain.Wallet(t, solana.LAMPORTS_PER_SOL)
	owner := solana.NewWallet().PublicKey() // need not sign
	addr, res, err := m.chain.Client.OpenBalance(ctx, payer, client.OpenBalance{Owner: owner, Market: m.market, Mint: m.token}, client.SendOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("open_balance: %d CU", res.ComputeUnits)
	requireBalance(t, m, owner, m.token, 0, 0)
	before := m.snapshot(t, addr)
	if _, _, err := m.chain.Client.OpenBalance(ctx, payer, client.OpenBalance{Owner: owner, Market: m.market, Mint: m.token}, client.SendOptions{}); err != nil {
		t.Fatalf("second open: %v", err)
	}
	m.requireUnchanged(t, before, addr)
}

// The adversarial suite: each asserts the named error and that the Balance,
// both vaults and the user's token account are unchanged. Failing
// transactions are landed (preflight skipped) so the chain reports the error.
func adversarialSetup(t *testing.T) (*testMarket, solana.PrivateKey, []solana.PublicKey) {
	t.Helper()
	m := newTestMarket(t)
	u := m.user(t, m.stable, 1_000_000)
	if _, err := m.chain.Client.Deposit(context.Background(), u, client.Deposit{Market: m.market, Mint: m.stable, Amount: 400_000}, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	balance, _ := client.BalanceAddress(m.chain.Client.ProgramID, m.market, u.PublicKey(), m.stable)
	watched := []solana.PublicKey{balance, m.stableVault, m.tokenVault, client.AssociatedTokenAddress(u.PublicKey(), m.stable)}
	return m, u, watched
}

func TestDepositOfThirdMintFails(t *testing.T) {
	m, u, watched := adversarialSetup(t)
	third := m.chain.Mint(t, m.authority, 6)
	if _, _, err := m.chain.Client.MintToOwner(context.Background(), m.authority, third, u.PublicKey(), 100); err != nil {
		t.Fatal(err)
	}
	thirdATA := client.AssociatedTokenAddress(u.PublicKey(), third)
	watched = append(watched, thirdATA)
	before := m.snapshot(t, watched...)
	_, err := m.chain.Client.Deposit(context.Background(), u, client.Deposit{Market: m.market, Mint: third, Amount: 100, Vault: m.stableVault}, landed)
	requireProgramError(t, err, "MintNotAccepted")
	m.requireUnchanged(t, before, watched...)
}

func TestDepositIntoOtherMintsVaultFails(t *testing.T) {
	m, u, watched := adversarialSetup(t)
	before := m.snapshot(t, watched...)
	_, err := m.chain.Client.Deposit(context.Background(), u, client.Deposit{Market: m.market, Mint: m.stable, Amount: 100, Vault: m.tokenVault}, landed)
	requireProgramError(t, err, "WrongVault")
	m.requireUnchanged(t, before, watched...)
}

// A token account of the right mint, but the user's own rather than the vault.
func TestDepositIntoRandomTokenAccountFails(t *testing.T) {
	m, u, watched := adversarialSetup(t)
	decoy := m.user(t, m.stable, 1)
	decoyATA := client.AssociatedTokenAddress(decoy.PublicKey(), m.stable)
	watched = append(watched, decoyATA)
	before := m.snapshot(t, watched...)
	_, err := m.chain.Client.Deposit(context.Background(), u, client.Deposit{Market: m.market, Mint: m.stable, Amount: 100, Vault: decoyATA}, landed)
	requireProgramError(t, err, "WrongVault")
	m.requireUnchanged(t, before, watched...)
}

func TestDepositWithToken2022ProgramFails(t *testing.T) {
	m, u, watched := adversarialSetup(t)
	before := m.snapshot(t, watched...)
	_, err := m.chain.Client.Deposit(context.Background(), u, client.Deposit{Market: m.market, Mint: m.stable, Amount: 100, TokenProgram: solana.Token2022ProgramID}, landed)
	requireProgramError(t, err, "Token2022NotSupported")
	m.requireUnchanged(t, before, watched...)
}

// A Balance-sized account created by the System program for another owner program.
func TestDepositToBalanceOwnedByAnotherProgramFails(t *testing.T) {
	ctx := context.Background()
	m, u, watched := adversarialSetup(t)
	fake := solana.NewWallet().PrivateKey
	rent, err := m.chain.Client.RPC.GetMinimumBalanceForRentExemption(ctx, 128, rpc.CommitmentConfirmed)
	if err != nil {
		t.Fatal(err)
	}
	otherProgram := solana.NewWallet().PublicKey()
	create := system.NewCreateAccountInstruction(rent, 128, otherProgram, u.PublicKey(), fake.PublicKey()).Build()
	if _, err := m.chain.Client.Send(ctx, []solana.Instruction{create}, []solana.PrivateKey{u, fake}, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	watched = append(watched, fake.PublicKey())
	before := m.snapshot(t, watched...)
	_, err = m.chain.Client.Deposit(ctx, u, client.Deposit{Market: m.market, Mint: m.stable, Amount: 100, Balance: fake.PublicKey()}, landed)
	requireProgramError(t, err, "AccountOwnerMismatch")
	m.requireUnchanged(t, before, watched...)
}

// The Market (owned by the program, but another type) where a Balance goes.
func TestDepositWithMarketAsBalanceFails(t *testing.T) {
	m, u, watched := adversarialSetup(t)
	watched = append(watched, m.market)
	before := m.snapshot(t, watched...)
	_, err := m.chain.Client.Deposit(context.Background(), u, client.Deposit{Market: m.market, Mint: m.stable, Amount: 100, Balance: m.market}, landed)
	requireProgramError(t, err, "AccountDiscriminatorMismatch")
	m.requireUnchanged(t, before, watched...)
}

// Another owner's Balance: the right type at another PDA.
func TestDepositToAnotherOwnersBalanceFails(t *testing.T) {
	ctx := context.Background()
	m, u, watched := adversarialSetup(t)
	victim := m.user(t, m.stable, 50)
	if _, err := m.chain.Client.Deposit(ctx, victim, client.Deposit{Market: m.market, Mint: m.stable, Amount: 50}, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	victimBalance, _ := client.BalanceAddress(m.chain.Client.ProgramID, m.market, victim.PublicKey(), m.stable)
	watched = append(watched, victimBalance)
	before := m.snapshot(t, watched...)
	_, err := m.chain.Client.Deposit(ctx, u, client.Deposit{Market: m.market, Mint: m.stable, Amount: 100, Balance: victimBalance}, landed)
	requireProgramError(t, err, "InvalidPda")
	m.requireUnchanged(t, before, watched...)
}

// Withdrawing from someone else's Balance into one's own account.
func TestWithdrawFromAnotherOwnersBalanceFails(t *testing.T) {
	ctx := context.Background()
	m, victim, watched := adversarialSetup(t)
	thief := m.user(t, m.stable, 1)
	victimBalance := watched[0]
	thiefATA := client.AssociatedTokenAddress(thief.PublicKey(), m.stable)
	watched = append(watched, thiefATA)
	before := m.snapshot(t, watched...)
	_, err := m.chain.Client.Withdraw(ctx, thief, client.Withdraw{Market: m.market, Mint: m.stable, Amount: 1, Balance: victimBalance}, landed)
	requireProgramError(t, err, "InvalidPda")
	m.requireUnchanged(t, before, watched...)
	requireBalance(t, m, victim.PublicKey(), m.stable, 400_000, 0)
}

func TestWithdrawMoreThanAvailableFails(t *testing.T) {
	m, u, watched := adversarialSetup(t)
	before := m.snapshot(t, watched...)
	_, err := m.chain.Client.Withdraw(context.Background(), u, client.Withdraw{Market: m.market, Mint: m.stable, Amount: 400_001}, landed)
	requireProgramError(t, err, "InsufficientFunds")
	m.requireUnchanged(t, before, watched...)
}

func TestWithdrawToTokenAccountOfOtherMintFails(t *testing.T) {
	m, u, watched := adversarialSetup(t)
	if _, _, err := m.chain.Client.MintToOwner(context.Background(), m.authority, m.token, u.PublicKey(), 1); err != nil {
		t.Fatal(err)
	}
	wrong := client.AssociatedTokenAddress(u.PublicKey(), m.token)
	watched = append(watched, wrong)
	before := m.snapshot(t, watched...)
	_, err := m.chain.Client.Withdraw(context.Background(), u, client.Withdraw{Market: m.market, Mint: m.stable, Amount: 1, Destination: wrong}, landed)
	requireProgramError(t, err, "InvalidTokenAccount")
	m.requireUnchanged(t, before, watched...)
}

// Overflow of `available` cannot be reached on chain: every Balance of a mint
// is backed by the vault, and the token program caps the mint's supply at
// u64::MAX, so minting u64-max-ish amounts to two accounts already fails in the
// mint. The program's check (ArithmeticOverflow before the transfer) is covered
// by the host test deposit_refuses_overflow_of_available; here we show the cap.
func TestDepositOverflowIsCappedByMintSupply(t *testing.T) {
	ctx := context.Background()
	m := newTestMarket(t)
	a := m.user(t, m.stable, ^uint64(0)-1)
	_, _, err := m.chain.Client.MintToOwner(ctx, m.authority, m.stable, solana.NewWallet().PublicKey(), 2)
	if err == nil {
		t.Fatal("minting past u64::MAX total supply succeeded; a Balance overflow would then be reachable")
	}
	if _, err := m.chain.Client.Deposit(ctx, a, client.Deposit{Market: m.market, Mint: m.stable, Amount: ^uint64(0) - 1}, client.SendOptions{}); err != nil {
		t.Fatal(err)
	}
	requireBalance(t, m, a.PublicKey(), m.stable, ^uint64(0)-1, 0)
}
