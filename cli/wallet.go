package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/gagliardetto/solana-go"
	"github.com/gagliardetto/solana-go/rpc"
	"github.com/solgrid/solgrid/client"
	"github.com/urfave/cli/v2"
)

func walletCommand() *cli.Command {
	return &cli.Command{
		Name:  "wallet",
		Usage: "create a keypair, show its address, fund it on a test cluster",
		Subcommands: []*cli.Command{
			{
				Name: "new", Usage: "write a new keypair in the Solana CLI format (never overwrites one)",
				Flags:  []cli.Flag{&cli.StringFlag{Name: "outfile", Aliases: []string{"o"}, Usage: "where to write it (default: the config's keypair path)"}},
				Action: walletNew,
			},
			{Name: "address", Usage: "the public key of --keypair", Action: walletAddress},
			{
				Name: "airdrop", Usage: "request SOL on localnet, devnet or testnet", ArgsUsage: "SOL",
				Action: walletAirdrop,
			},
		},
	}
}

func keypairPath(c *cli.Context) (string, error) {
	if c.IsSet("keypair") {
		return c.String("keypair"), nil
	}
	cfg, err := client.LoadCLIConfig(c.String("config"))
	if err != nil {
		return "", err
	}
	return cfg.KeypairPath, nil
}

func walletNew(c *cli.Context) error {
	path := c.String("outfile")
	if path == "" {
		var err error
		if path, err = keypairPath(c); err != nil {
			return err
		}
	}
	if _, err := client.LoadKeypair(path); err == nil {
		return fmt.Errorf("%s already holds a keypair; pass --outfile to write a new one elsewhere", path)
	}
	if _, err := os.Stat(client.ExpandHome(path)); !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%s exists and is not a keypair; refusing to overwrite it", path)
	}
	key := solana.NewWallet().PrivateKey
	if err := client.SaveKeypair(path, key); err != nil {
		return err
	}
	fmt.Printf("✔ wrote %s\n    address %s\n", path, key.PublicKey())
	return nil
}

func walletAddress(c *cli.Context) error {
	path, err := keypairPath(c)
	if err != nil {
		return err
	}
	key, err := client.LoadKeypair(path)
	if err != nil {
		return err
	}
	fmt.Println(key.PublicKey())
	return nil
}

func walletAirdrop(c *cli.Context) error {
	s, err := openSession(c)
	if err != nil {
		return err
	}
	defer s.client.Close()
	if s.cluster.Name == "mainnet-beta" {
		return errors.New("there are no airdrops on mainnet-beta")
	}
	amount, err := parseAmount(c.Args().First(), 9)
	if err != nil {
		return fmt.Errorf("%w (usage: solgrid wallet airdrop SOL)", err)
	}
	s.out.step("requesting %s for %s", tokens(amount, 9, "SOL"), s.signer.PublicKey())
	sig, err := s.client.RPC.RequestAirdrop(c.Context, s.signer.PublicKey(), amount, rpc.CommitmentConfirmed)
	if err != nil {
		return fmt.Errorf("airdrop: %w", err)
	}
	if _, err := s.client.Confirm(c.Context, sig, ^uint64(0)); err != nil {
		return fmt.Errorf("airdrop %s: %w", sig, err)
	}
	fmt.Printf("✔ %s received %s\n    %s\n", s.signer.PublicKey(), tokens(amount, 9, "SOL"), s.cluster.ExplorerURL(sig.String()))
	return nil
}
