// Command solgrid is the command line of the Solgrid GPU market: renters, providers,
// checkers, miner buyers and the operator all drive the market through it.
package main

import (
	"fmt"
	"os"
)

func main() {
	if err := newApp().Run(os.Args); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}
