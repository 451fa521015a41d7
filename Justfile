# Solgrid: `just demo` runs the market end to end, `just test` runs every test.
# On a fresh machine use `npx --yes rust-just@1.57.0 <recipe>` (see README).

set shell := ["bash", "-euo", "pipefail", "-c"]

fuzz_seconds := env_var_or_default("FUZZ_SECONDS", "30")

# Build the program, start a localnet and a Redis of its own, run the market end to end.
demo: setup
    go run ./cli demo

# Every test: Go (incl. on-chain tests on the localnet and host C tests under ASan/UBSan), vet, a short fuzz.
test: setup build
    go vet ./...
    go test -count=1 -timeout 20m ./...
    FUZZ_SECONDS=20 {{just_executable()}} fuzz

# Install apt/npm/Go dependencies (idempotent).
setup:
    ./scripts/setup.sh

# Compile the C program for BPF and link it into target/deploy/solgrid_market.so (SBPF v3).
build:
    go run ./programs/sbfbuild/cmd/sbf-build

# Regenerate the C header and the Go bindings from idl/solgrid_market.json.
generate:
    go run ./idl/cmd/solgrid-cheader -o programs/market/generated/solgrid_market_idl.h
    go run ./idl/cmd/solgrid-bindings

# Host unit tests of the program's C under ASan+UBSan.
test-c:
    make -s -C programs/market/host test

# libFuzzer on the program's decoders, bounded by FUZZ_SECONDS (default 30) per target.
fuzz:
    make -s -C programs/market/host fuzz FUZZ_SECONDS={{fuzz_seconds}}

# Benchmarks: compute units per instruction, localnet latency, matcher throughput.
bench: setup build
    go test -p 1 -run '^$' -bench . -benchtime 20x ./...

# A local validator with the program loaded (solana-test-validator instead if SOLGRID_VALIDATOR=agave).
localnet: build
    #!/usr/bin/env bash
    set -euo pipefail
    if [ "${SOLGRID_VALIDATOR:-}" = agave ]; then
      exec solana-test-validator --reset --bpf-program Bno6DD4ZZJsSM9U9Aave4sqK5gEJK77riuPfwn8rKoqW target/deploy/solgrid_market.so
    fi
    exec node localnet/validator/src/main.mjs --rpc-port 8899 --bpf-program Bno6DD4ZZJsSM9U9Aave4sqK5gEJK77riuPfwn8rKoqW target/deploy/solgrid_market.so
