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
	tx, err := solana.NewTransaction(withComputeLimit(ixs, MaxComputeUnits), solana.Hash{}, solana.TransactionPayer(payer))
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

// MaxFillsPerTransaction is the largest n (up to MAX_FILLS) for which the
// commit built by build(n) fits in one transaction sent by Send.
func MaxFillsPerTransaction(programID solana.PublicKey, build func(n int) (*CommitLeases, error)) (int, error) {
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
		size, err := TransactionSize(plan.Instructions, b.Matcher)
		if err != nil {
			return 0, err
		}
		if size > MaxTransactionSize {
			break
		}
		best = n
	}
	return best, nil
}
