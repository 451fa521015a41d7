package client

import (
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/gagliardetto/solana-go"
)

// LoadKeypair reads a keypair file in the Solana CLI format (a JSON array of the 64
// secret-key bytes). A leading ~ is the home directory, as in the CLI's config.
func LoadKeypair(path string) (solana.PrivateKey, error) {
	path = ExpandHome(path)
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load keypair %s: %w (create one with `solana-keygen new -o %s` or `solgrid wallet new`)", path, err, path)
	}
	var bytes []byte
	var ints []int
	if err := json.Unmarshal(raw, &ints); err != nil {
		return nil, fmt.Errorf("load keypair %s: not a JSON array of 64 bytes: %w", path, err)
	}
	for _, v := range ints {
		if v < 0 || v > 255 {
			return nil, fmt.Errorf("load keypair %s: byte value %d out of range", path, v)
		}
		bytes = append(bytes, byte(v))
	}
	if len(bytes) != 64 {
		return nil, fmt.Errorf("load keypair %s: %d bytes, want 64", path, len(bytes))
	}
	// A file whose public half was edited would sign as one key and claim another.
	derived := ed25519.NewKeyFromSeed(bytes[:32])
	if string(derived[32:]) != string(bytes[32:]) {
		return nil, fmt.Errorf("load keypair %s: public half does not match the secret", path)
	}
	return solana.PrivateKey(bytes), nil
}

// SaveKeypair writes a keypair in the Solana CLI format, readable by its owner only.
func SaveKeypair(path string, key solana.PrivateKey) error {
	path = ExpandHome(path)
	ints := make([]int, len(key))
	for i, b := range key {
		ints[i] = int(b)
	}
	raw, _ := json.Marshal(ints)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("save keypair %s: %w", path, err)
	}
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		return fmt.Errorf("save keypair %s: %w", path, err)
	}
	return nil
}

// ExpandHome replaces a leading ~ with the home directory, as the Solana CLI does.
func ExpandHome(path string) string {
	if path == "~" || strings.HasPrefix(path, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, strings.TrimPrefix(path, "~"))
		}
	}
	return path
}
