// Command solgrid-cheader writes the C header of the solgrid_market IDL for the
// on-chain program:
//
//	go run ./idl/cmd/solgrid-cheader -o programs/market/generated/solgrid_market_idl.h
//
// idl/cheader's tests fail when the committed header is stale.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/rs/zerolog"

	"github.com/solgrid/solgrid/idl"
	"github.com/solgrid/solgrid/idl/cheader"
)

func main() {
	log := zerolog.New(zerolog.ConsoleWriter{Out: os.Stderr}).With().Timestamp().Logger()
	out := flag.String("o", "programs/market/generated/solgrid_market_idl.h", "header to write")
	in := flag.String("idl", "", "IDL JSON to read (default: the embedded "+cheader.Source+")")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		log.Fatal().Err(err).Msg("solgrid-cheader")
	}
	log.Info().Str("header", *out).Msg("written")
}

func run(in, out string) error {
	doc := idl.Market()
	if in != "" {
		data, err := os.ReadFile(in)
		if err != nil {
			return fmt.Errorf("read idl: %w", err)
		}
		if doc, err = idl.Parse(data); err != nil {
			return err
		}
	}
	header, err := cheader.Generate(doc)
	if err != nil {
		return err
	}
	if old, err := os.ReadFile(out); err == nil && bytes.Equal(old, header) {
		return nil // unchanged: keep the mtime so make does not rebuild
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return fmt.Errorf("create %s: %w", filepath.Dir(out), err)
	}
	if err := os.WriteFile(out, header, 0o644); err != nil {
		return fmt.Errorf("write header: %w", err)
	}
	return nil
}
