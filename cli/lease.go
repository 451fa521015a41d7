package main

import (
	"context"
	"fmt"
	"time"

	"github.com/gagliardetto/solana-go"
	"github.com/solgrid/solgrid/client"
	"github.com/solgrid/solgrid/client/solgridmarket"
	"github.com/urfave/cli/v2"
)

func leaseCommand() *cli.Command {
	leaseArg := func(name, usage string, act func(*session, context.Context, solana.PublicKey) (*client.Result, error)) *cli.Command {
		return &cli.Command{Name: name, Usage: usage, ArgsUsage: "LEASE_ADDRESS", Action: func(c *cli.Context) error {
			s, err := openSession(c)
			if err != nil {
				return err
			}
			defer s.client.Close()
			lease, err := solana.PublicKeyFromBase58(c.Args().First())
			if err != nil {
				return fmt.Errorf("lease address %q: %w (usage: solgrid lease %s LEASE_ADDRESS)", c.Args().First(), err, name)
			}
			s.out.step("%s lease %s", name, lease)
			res, err := act(s, c.Context, lease)
			if err != nil {
				return err
			}
			s.out.tx(name+" "+lease.String(), res)
			return nil
		}}
	}
	return &cli.Command{
		Name:  "lease",
		Usage: "list and manage leases (renters, providers; settle is open to anyone)",
		Subcommands: []*cli.Command{
			{
				Name: "list", Usage: "your leases on a market",
				Flags:  []cli.Flag{marketFlag, &cli.StringFlag{Name: "as", Value: "renter", Usage: "renter or provider"}},
				Action: leaseList,
			},
			leaseArg("settle", "pay the provider what accrued so far (anyone may crank)", func(s *session, ctx context.Context, l solana.PublicKey) (*client.Result, error) {
				return s.client.SettleLease(ctx, s.signer, l, client.SendOptions{})
			}),
			leaseArg("cancel", "end your lease early as its renter: provider paid to now, rest refunded", func(s *session, ctx context.Context, l solana.PublicKey) (*client.Result, error) {
				return s.client.CancelLease(ctx, s.signer, l, client.SendOptions{})
			}),
			leaseArg("release", "end a lease early as its provider: paid to now, rest refunded to the renter", func(s *session, ctx context.Context, l solana.PublicKey) (*client.Result, error) {
				return s.client.ReleaseLease(ctx, s.signer, l, client.SendOptions{})
			}),
			leaseArg("close", "reclaim the rent of an ended lease", func(s *session, ctx context.Context, l solana.PublicKey) (*client.Result, error) {
				return s.client.CloseLease(ctx, s.signer, l, client.SendOptions{})
			}),
		},
	}
}

func leaseList(c *cli.Context) error {
	s, mc, err := openMarketSession(c)
	if err != nil {
		return err
	}
	defer s.client.Close()
	var leases []client.LeaseAccount
	switch c.String("as") {
	case "renter":
		leases, err = s.client.LeasesByRenter(c.Context, mc.address, s.signer.PublicKey())
	case "provider":
		leases, err = s.client.LeasesByProvider(c.Context, mc.address, s.signer.PublicKey())
	default:
		return fmt.Errorf("--as %q: use renter or provider", c.String("as"))
	}
	if err != nil {
		return err
	}
	return printLeases(s.out, mc, leases)
}

// printLeases shows leases as an aligned table: what was rented, at what price,
// how much has been paid out, and until when.
func printLeases(out *output, mc *marketContext, leases []client.LeaseAccount) error {
	if out.json {
		return out.encode(leases)
	}
	if len(leases) == 0 {
		fmt.Println("no leases")
		return nil
	}
	rows := [][]string{{"LEASE", "GPUS", "PRICE/GPU-H", "HOURS", "COST+FEE", "PAID", "STATE", "ENDS / ENDED"}}
	for _, la := range leases {
		l := la.Lease
		rows = append(rows, []string{
			la.Address.String(),
			fmt.Sprintf("%d× %s", l.GpuCount, gpuName(l.Sku)),
			usd(l.PriceMicroUsd),
			fmt.Sprint(l.Hours),
			mc.amount(l.PaymentMint, l.TotalCost+l.TotalFee),
			mc.amount(l.PaymentMint, l.PaidCost+l.PaidFee),
			leaseState(l),
			leaseEnd(l),
		})
	}
	return out.grid(rows)
}

func leaseEnd(l *solgridmarket.Lease) string {
	at := l.EndTs
	if l.State != solgridmarket.LeaseState_Active {
		at = l.ClosedAt
	}
	return time.Unix(at, 0).UTC().Format("2006-01-02 15:04:05 UTC")
}

func leaseState(l *solgridmarket.Lease) string {
	if l.State == solgridmarket.LeaseState_Active {
		return "active"
	}
	return "closed (" + l.CloseReason.String() + ")"
}

func gpuName(sku solgridmarket.GpuSku) string {
	if int(sku) < len(client.GPUs) {
		return client.GPUs[sku].Name
	}
	return sku.String()
}
