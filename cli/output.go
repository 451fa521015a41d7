package main

import (
	"encoding/json"
	"fmt"
	"os"
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

// encode prints v as indented JSON on stdout.
func (o *output) encode(v any) error {
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// grid prints rows as aligned columns; the first row is the header.
func (o *output) grid(rows [][]string) error {
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	for _, r := range rows {
		for i, cell := range r {
			if i > 0 {
				fmt.Fprint(w, "\t")
			}
			fmt.Fprint(w, cell)
		}
		fmt.Fprintln(w)
	}
	return w.Flush()
}

// table prints key/value rows aligned, or the given value as JSON.
func (o *output) table(title string, rows [][2]string, asJSON any) error {
	if o.json {
		return o.encode(asJSON)
	}
	fmt.Println(title)
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	for _, r := range rows {
		fmt.Fprintf(w, "  %s\t%s\n", r[0], r[1])
	}
	return w.Flush()
}
