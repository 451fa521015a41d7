// Command solgrid-bindings regenerates client/solgridmarket from idl/solgrid_market.json.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/solgrid/solgrid/idl/gobindings"
)

func main() {
	root, err := gobindings.RepoRoot()
	if err == nil {
		err = gobindings.Write(context.Background(), root)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "solgrid-bindings:", err)
		os.Exit(1)
	}
	fmt.Println("wrote", gobindings.Package)
}
