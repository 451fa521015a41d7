// Command sbflink links clang-19 BPF objects into an SBPF v3 program.
//
//	sbflink [-alu32fix] [-s] [-v] [-e entrypoint] -o out.so a.o b.o ...
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/rs/zerolog"

	"github.com/solgrid/solgrid/programs/sbflink"
)

func main() {
	log := zerolog.New(zerolog.ConsoleWriter{Out: os.Stderr, NoColor: true, PartsExclude: []string{zerolog.TimestampFieldName}})
	out := flag.String("o", "a.so", "output program")
	entry := flag.String("e", "entrypoint", "entry function")
	alu32fix := flag.Bool("alu32fix", false, "accept add32/sub32/mul32 (clang -mcpu=v3) and insert a zero-extending mov32 after each")
	strip := flag.Bool("s", false, "omit section headers and symbols")
	verbose := flag.Bool("v", false, "print a summary")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: sbflink [-alu32fix] [-s] [-v] [-e entrypoint] -o out.so a.o [b.o ...]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Args(), *out, sbflink.Options{Entry: *entry, ALU32Fix: *alu32fix, Strip: *strip}, *verbose, log); err != nil {
		// one line per refusal, as the linker reports them
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(inputs []string, out string, opts sbflink.Options, verbose bool, log zerolog.Logger) error {
	var objects []sbflink.Object
	var errs []error
	for _, path := range inputs {
		data, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("sbflink: %w", err)
		}
		o, err := sbflink.ReadObject(path, data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		objects = append(objects, o)
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	prog, err := sbflink.Link(objects, opts)
	if err != nil {
		return err
	}
	for _, w := range prog.Warnings {
		log.Warn().Msg(w)
	}
	if err := os.WriteFile(out, prog.ELF, 0o644); err != nil {
		return fmt.Errorf("sbflink: write %s: %w", out, err)
	}
	if verbose {
		fmt.Fprintf(os.Stderr, "sbflink: %s: %s\n", out, prog.Summary)
	}
	return nil
}
