// Command sbf-build builds C programs for Solana as SBPF v3.
//
//	sbf-build                                    # the market program -> target/deploy/solgrid_market.so
//	sbf-build -o out.so [-I dir]... [-mcpu v3] [-s] a.c b.c ...
//
// It prints one line: output path, size, instructions, rodata and syscalls.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"

	"github.com/rs/zerolog"

	"github.com/solgrid/solgrid/programs/sbfbuild"
	"github.com/solgrid/solgrid/programs/sbflink"
)

type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

func main() {
	log := zerolog.New(zerolog.ConsoleWriter{Out: os.Stderr, NoColor: true, PartsExclude: []string{zerolog.TimestampFieldName}})
	var includes stringList
	out := flag.String("o", "", "output .so (with C sources as arguments); without both, build the market program")
	cpu := flag.String("mcpu", "v2", "clang -mcpu: v2, or v3 (ALU32/JMP32, linked with the ALU32 fix-up)")
	strip := flag.Bool("s", false, "omit section headers and symbols")
	force := flag.Bool("force", false, "market program: rebuild even if nothing changed")
	flag.Var(&includes, "I", "include directory (repeatable)")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	path, err := run(ctx, *out, flag.Args(), sbfbuild.Spec{IncludeDirs: includes, CPU: *cpu, Strip: *strip, Log: &log}, *force)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	line, err := describe(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(line)
}

func run(ctx context.Context, out string, sources []string, spec sbfbuild.Spec, force bool) (string, error) {
	if out == "" && len(sources) == 0 {
		root, err := sbfbuild.RepoRoot()
		if err != nil {
			return "", err
		}
		market, err := sbfbuild.MarketSpec(root)
		if err != nil {
			return "", err
		}
		if force {
			market.Cache = false
		}
		market.CPU, market.Strip, market.Log = spec.CPU, spec.Strip, spec.Log
		return market.Output, sbfbuild.Build(ctx, market)
	}
	if out == "" || len(sources) == 0 {
		return "", fmt.Errorf("sbf-build: -o needs C sources and C sources need -o")
	}
	spec.Output, spec.Sources = out, sources
	return out, sbfbuild.Build(ctx, spec)
}

// describe is the one-line summary of a built program.
func describe(path string) (string, error) {
	img, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("sbf-build: %w", err)
	}
	info, err := sbflink.Inspect(img)
	if err != nil {
		return "", fmt.Errorf("sbf-build: %s: %w", path, err)
	}
	if err := info.CheckV3(); err != nil {
		return "", fmt.Errorf("sbf-build: %s is not a valid SBPF v3 program: %w", path, err)
	}
	return fmt.Sprintf("%s: SBPF v%d, %d bytes, %d insns, rodata %d bytes, syscalls: %s",
		path, info.Flags, len(img), info.Instructions(), len(info.Rodata), strings.Join(info.Syscalls, " ")), nil
}
