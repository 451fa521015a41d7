package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/solgrid/solgrid/client"
)

// output prints for people (aligned tables, units, explorer links) or, with
// --json, one JSON document per result for scripts.
type output struct {
	json    bool
	cluster client.Cluster
}

func newOutput(asJSON bool, cluster client.Cluster) *output {
	return &output{json: asJSON, cluster: cluster}
}

// step announces progress; silent in JSON mode so stdout stays parseable.
func (o *output) step(format string, args ...any) {
	if !o.json {
		fmt.Fprintf(os.Stderr, "… "+format+"\n", args...)
	}
}

// tx reports a landed transaction with its explorer link.
func (o *output) tx(what string, res *client.Result) {
	if o.json {
		return
	}
	fmt.Printf("✔ %s\n    signature %s (%d CU)\n    %s\n", what, res.Signature, res.ComputeUnits, o.cluster.ExplorerURL(res.Signature.String()))
}

// table prints key/value rows aligned, or the given value as JSON.
func (o *output) table(title string, rows [][2]string, asJSON any) error {
	if o.json {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(asJSON)
	}
	fmt.Println(title)
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	for _, r := range rows {
		fmt.Fprintf(w, "  %s\t%s\n", r[0], r[1])
	}
	return w.Flush()
}

// usd formats micro-USD as dollars with cents, keeping sub-cent digits only when present.
func usd(micro uint64) string {
	whole, frac := micro/1_000_000, micro%1_000_000
	s := fmt.Sprintf("$%s.%06d", groupThousands(whole), frac)
	for strings.HasSuffix(s, "0") && len(s)-strings.IndexByte(s, '.') > 3 {
		s = s[:len(s)-1]
	}
	return s
}

// tokens formats base units of a mint with the given decimals and a unit name.
func tokens(base uint64, decimals uint8, unit string) string {
	if decimals == 0 {
		return groupThousands(base) + " " + unit
	}
	div := uint64(1)
	for i := uint8(0); i < decimals; i++ {
		div *= 10
	}
	frac := strings.TrimRight(fmt.Sprintf("%0*d", int(decimals), base%div), "0")
	if frac == "" {
		return groupThousands(base/div) + " " + unit
	}
	return groupThousands(base/div) + "." + frac + " " + unit
}

func bps(v uint16) string { return fmt.Sprintf("%d.%02d%% (%d bps)", v/100, v%100, v) }

func groupThousands(v uint64) string {
	s := fmt.Sprint(v)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
