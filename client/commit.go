package client

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client/solgridmarket"
)

// Ed25519ProgramID is the signature-verification precompile.
var Ed25519ProgramID = solana.MustPublicKeyFromBase58("Ed25519SigVerify111111111111111111111111111")

// SendInstructionOffset is where the first instruction handed to Send executes:
// Send always prepends one compute-budget instruction at index 0.
const SendInstructionOffset = 1

// Layout of commit_leases data: discriminator (8) ‖ u8 ed25519_instruction_index ‖
// u32 count ‖ SignedOrders ‖ u32 count ‖ Fills. The Ed25519 instruction points
// into it instead of carrying the 256 bytes of every order a second time.
const (
	signedOrderSize         = 64 + 16 + 176
	commitOrdersOffset      = 8 + 1 + 4
	signedOrderDomainOffset = 64
	orderOwnerOffset        = 32 // in Order
	orderMessageSize        = 16 + 176
	ed25519OffsetsSize      = 14
	fillAccounts            = 4 // bid OrderState, ask OrderState, Lease, renter Balance
)

// OrderRef is one side of a fill: either an order newly signed by its owner,
// carried in the instruction and verified by the Ed25519 precompile, or an order
// an earlier fill stored in its OrderState (referenced without its signature).
type OrderRef struct {
	Signed *solgridmarket.SignedOrder
	Stored *solgridmarket.Order
}

// NewOrder refers to a signed order not yet on chain (or on chain: it must then be byte-identical).
func NewOrder(s *solgridmarket.SignedOrder) OrderRef { return OrderRef{Signed: s} }

// StoredOrder refers to an order already stored on chain by an earlier fill.
func StoredOrder(o *solgridmarket.Order) OrderRef { return OrderRef{Stored: o} }

func (r OrderRef) order() *solgridmarket.Order {
	if r.Signed != nil {
		return &r.Signed.Order
	}
	return r.Stored
}

// LeaseFill is one matched pair to commit: GPUs for Hours at PriceMicroUSD per
// GPU-hour, which must be the maker's limit price.
type LeaseFill struct {
	Bid, Ask      OrderRef
	GPUs          uint32
	Hours         uint32
	PriceMicroUSD uint64
	Maker         solgridmarket.Side
}

// CommitLeases builds the Ed25519 instruction and the commit_leases instruction
// for a batch of fills. New orders shared by several fills are carried once.
type CommitLeases struct {
	Matcher solana.PublicKey
	Market  solana.PublicKey
	Fills   []LeaseFill
	// Ed25519Index is the index the Ed25519 instruction will have in the
	// transaction; the commit instruction must directly follow it. With Send,
	// that is SendInstructionOffset.
	Ed25519Index uint8
}

// CommitPlan is what Build produced.
type CommitPlan struct {
	// Instructions: [Ed25519, commit_leases], or only commit_leases when every
	// fill references stored orders.
	Instructions []solana.Instruction
	Leases       []solana.PublicKey // one per fill, in order
	NewOrders    int                // distinct new orders carried (and signatures verified)
}

type orderKey struct {
	owner solana.PublicKey
	id    uint64
}

// Validate checks what the program would refuse for structural reasons, and
// every new order's signature, so a doomed transaction costs no fee.
func (b *CommitLeases) Validate() error {
	switch {
	case b.Matcher.IsZero() || b.Market.IsZero():
		return errors.New("commit leases: matcher and market are required")
	case len(b.Fills) == 0:
		return errors.New("commit leases: no fills")
	case len(b.Fills) > int(solgridmarket.MAX_FILLS):
		return fmt.Errorf("commit leases: %d fills, at most %d", len(b.Fills), solgridmarket.MAX_FILLS)
	}
	for i, f := range b.Fills {
		if f.GPUs == 0 || f.Hours == 0 {
			return fmt.Errorf("commit leases: fill %d: GPUs and hours must be positive", i)
		}
		for _, r := range []OrderRef{f.Bid, f.Ask} {
			if (r.Signed == nil) == (r.Stored == nil) {
				return fmt.Errorf("commit leases: fill %d: each side is either a new signed order or a stored one", i)
			}
			if r.Signed != nil {
				if err := VerifyOrder(r.Signed); err != nil {
					return fmt.Errorf("commit leases: fill %d: %w", i, err)
				}
			}
		}
	}
	_, _, err := b.dedup()
	return err
}

// dedup lists the distinct new orders and, per fill, the index of each side in
// that list (STORED_ORDER for stored ones).
func (b *CommitLeases) dedup() ([]solgridmarket.SignedOrder, []solgridmarket.Fill, error) {
	var orders []solgridmarket.SignedOrder
	index := map[orderKey]int{}
	fills := make([]solgridmarket.Fill, len(b.Fills))
	ref := func(r OrderRef) (uint8, error) {
		if r.Signed == nil {
			return solgridmarket.STORED_ORDER, nil
		}
		k := orderKey{r.Signed.Order.Owner, r.Signed.Order.OrderId}
		if i, ok := index[k]; ok {
			if orders[i] != *r.Signed {
				return 0, fmt.Errorf("two different signed orders with id %d of %s", k.id, k.owner)
			}
			return uint8(i), nil
		}
		if len(orders) == int(solgridmarket.MAX_FILLS) {
			return 0, fmt.Errorf("more than %d distinct new orders", solgridmarket.MAX_FILLS)
		}
		index[k] = len(orders)
		orders = append(orders, *r.Signed)
		return uint8(len(orders) - 1), nil
	}
	for i, f := range b.Fills {
		bid, err := ref(f.Bid)
		if err != nil {
			return nil, nil, fmt.Errorf("commit leases: fill %d: bid: %w", i, err)
		}
		ask, err := ref(f.Ask)
		if err != nil {
			return nil, nil, fmt.Errorf("commit leases: fill %d: ask: %w", i, err)
		}
		fills[i] = solgridmarket.Fill{PriceMicroUsd: f.PriceMicroUSD, Hours: f.Hours, GpuCount: f.GPUs, Bid: bid, Ask: ask, Maker: f.Maker}
	}
	return orders, fills, nil
}

// Build validates and returns the instructions and the lease addresses.
func (b *CommitLeases) Build(programID solana.PublicKey) (*CommitPlan, error) {
	if err := b.Validate(); err != nil {
		return nil, err
	}
	orders, fills, _ := b.dedup()
	commitIndex := uint16(b.Ed25519Index) + 1
	ix, err := solgridmarket.NewCommitLeasesInstruction(b.Ed25519Index, orders, fills,
		b.Matcher, b.Market, solana.SysVarInstructionsPubkey, solana.SystemProgramID)
	if err != nil {
		return nil, fmt.Errorf("commit leases: %w", err)
	}
	data, err := ix.Data()
	if err != nil {
		return nil, fmt.Errorf("commit leases: %w", err)
	}
	plan := &CommitPlan{NewOrders: len(orders)}
	accounts := ix.Accounts()
	for _, f := range b.Fills {
		bid, ask := f.Bid.order(), f.Ask.order()
		bidState, _ := OrderStateAddress(programID, b.Market, bid.Owner, bid.OrderId)
		askState, _ := OrderStateAddress(programID, b.Market, ask.Owner, ask.OrderId)
		lease, _ := LeaseAddress(programID, bidState, askState)
		balance, _ := BalanceAddress(programID, b.Market, bid.Owner, bid.PaymentMint)
		accounts = append(accounts, solana.Meta(bidState).WRITE(), solana.Meta(askState).WRITE(),
			solana.Meta(lease).WRITE(), solana.Meta(balance).WRITE())
		plan.Leases = append(plan.Leases, lease)
	}
	commit := solana.NewInstruction(programID, accounts, data)
	if len(orders) > 0 {
		plan.Instructions = append(plan.Instructions, Ed25519Instruction(len(orders), commitIndex))
	}
	plan.Instructions = append(plan.Instructions, commit)
	return plan, nil
}

// TableAddresses are the commit's accounts a lookup table can carry: every one
// but the matcher, which signs (program ids are never loaded from a table).
func (p *CommitPlan) TableAddresses() []solana.PublicKey {
	commit := p.Instructions[len(p.Instructions)-1]
	seen := map[solana.PublicKey]bool{}
	var out []solana.PublicKey
	for _, a := range commit.Accounts() {
		if !a.IsSigner && !seen[a.PublicKey] {
			seen[a.PublicKey] = true
			out = append(out, a.PublicKey)
		}
	}
	return out
}

// Ed25519Instruction verifies n signed orders that sit in the data of the
// instruction at commitIndex: for order i its signature, its owner field as the
// key and its domain ‖ order as the message. It carries no bytes of its own.
func Ed25519Instruction(n int, commitIndex uint16) solana.Instruction {
	data := make([]byte, 2+n*ed25519OffsetsSize)
	data[0] = byte(n)
	for i := 0; i < n; i++ {
		at := uint16(commitOrdersOffset + i*signedOrderSize)
		msg := at + signedOrderDomainOffset
		for k, v := range []uint16{at, commitIndex, msg + 16 + orderOwnerOffset, commitIndex, msg, orderMessageSize, commitIndex} {
			binary.LittleEndian.PutUint16(data[2+i*ed25519OffsetsSize+2*k:], v)
		}
	}
	return solana.NewInstruction(Ed25519ProgramID, nil, data)
}

// CommitLeases signs as the market's matcher and sends the commit (Ed25519
// instruction first, right after Send's compute-budget instruction).
func (c *Client) CommitLeases(ctx context.Context, matcher solana.PrivateKey, b CommitLeases, opts SendOptions) (*CommitPlan, *Result, error) {
	b.Matcher = matcher.PublicKey()
	b.Ed25519Index = SendInstructionOffset
	plan, err := b.Build(c.ProgramID)
	if err != nil {
		return nil, nil, err
	}
	res, err := c.Send(ctx, plan.Instructions, []solana.PrivateKey{matcher}, opts)
	if err != nil {
		return plan, nil, fmt.Errorf("commit %d leases on %s: %w", len(b.Fills), b.Market, err)
	}
	return plan, res, nil
}
