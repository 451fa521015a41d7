package client

import (
	"fmt"

	"github.com/gagliardetto/solana-go"
)

// MaxTransactionSize is the most bytes a transaction may have on the wire.
const MaxTransactionSize = 1232

// TransactionSize is the wire size of a legacy transaction carrying ixs as Send
// would send them (with its compute-budget instruction), signatures included.
func TransactionSize(ixs []solana.Instruction, payer solana.PublicKey) (int, error) {
	return TransactionSizeWithTables(ixs, payer, nil)
}

// TransactionSizeWithTables is TransactionSize of the v0 transaction that loads
// the accounts found in tables by index.
func TransactionSizeWithTables(ixs []solana.Instruction, payer solana.PublicKey, tables map[solana.PublicKey]solana.PublicKeySlice) (int, error) {
	tx, err := newTransaction(withComputeLimit(ixs, MaxComputeUnits), solana.Hash{}, payer, tables)
	if err != nil {
		return 0, fmt.Errorf("transaction size: %w", err)
	}
	tx.Signatures = make([]solana.Signature, tx.Message.Header.NumRequiredSignatures)
	raw, err := tx.MarshalBinary()
	if err != nil {
		return 0, fmt.Errorf("transaction size: %w", err)
	}
	return len(raw), nil
}

// MaxTransactionAccounts is the most accounts a transaction may lock, loaded ones
// included. Agave's limit is 64 until the feature raising it to 128 is active on
// every cluster (it is on the localnet's "all features"); 64 is what works everywhere.
const MaxTransactionAccounts = 64

// TransactionAccounts counts the distinct accounts of ixs sent by Send (payer and
// program ids included), whether static or loaded from a lookup table.
func TransactionAccounts(ixs []solana.Instruction, payer solana.PublicKey) int {
	seen := map[solana.PublicKey]bool{payer: true}
	for _, ix := range withComputeLimit(ixs, 0) {
		seen[ix.ProgramID()] = true
		for _, a := range ix.Accounts() {
			seen[a.PublicKey] = true
		}
	}
	return len(seen)
}

// CommitFits reports whether the plan fits one transaction sent by Send by
// payer: legacy (inTable nil), or v0 with one lookup table holding inTable.
func CommitFits(plan *CommitPlan, payer solana.PublicKey, inTable []solana.PublicKey) (bool, error) {
	if TransactionAccounts(plan.Instructions, payer) > MaxTransactionAccounts {
		return false, nil
	}
	var tables map[solana.PublicKey]solana.PublicKeySlice
	if inTable != nil {
		tables = map[solana.PublicKey]solana.PublicKeySlice{solana.AddressLookupTableProgramID: inTable}
	}
	size, err := TransactionSizeWithTables(plan.Instructions, payer, tables)
	return err == nil && size <= MaxTransactionSize, err
}

// MaxFillsPerTransaction is the largest n (up to MAX_FILLS) for which the
// commit built by build(n) fits in one legacy transaction sent by Send.
func MaxFillsPerTransaction(programID solana.PublicKey, build func(n int) (*CommitLeases, error)) (int, error) {
	return maxFills(programID, build, false)
}

// MaxFillsWithLookupTable is MaxFillsPerTransaction for a v0 transaction whose
// commit accounts all come from a lookup table.
func MaxFillsWithLookupTable(programID solana.PublicKey, build func(n int) (*CommitLeases, error)) (int, error) {
	return maxFills(programID, build, true)
}

func maxFills(programID solana.PublicKey, build func(n int) (*CommitLeases, error), withTable bool) (int, error) {
	best := 0
	for n := 1; n <= 16; n++ {
		b, err := build(n)
		if err != nil {
			return 0, fmt.Errorf("build %d fills: %w", n, err)
		}
		b.Ed25519Index = SendInstructionOffset
		plan, err := b.Build(programID)
		if err != nil {
			return 0, fmt.Errorf("build %d fills: %w", n, err)
		}
		var inTable []solana.PublicKey
		if withTable {
			inTable = plan.TableAddresses()
		}
		fits, err := CommitFits(plan, b.Matcher, inTable)
		if err != nil {
			return 0, err
		}
		if !fits {
			break
		}
		best = n
	}
	return best, nil
}
