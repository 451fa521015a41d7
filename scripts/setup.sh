#!/usr/bin/env bash
# Installs what Solgrid needs on Debian 12 and is a no-op when it is already there:
# clang-19/llvm-19 (BPF compiler, host sanitizers, libFuzzer), redis-server (order
# book), the localnet's npm packages and the Go modules.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(clang-19 llvm-19 libclang-rt-19-dev redis-server)
missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]} with apt" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
    echo "setup: missing ${missing[*]}; run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

for tool in go node npm; do
  command -v "$tool" >/dev/null || { echo "setup: $tool is required (Go 1.26, Node 20)" >&2; exit 1; }
done

# npm ci only when the lock file changed since the last install.
stamp=localnet/validator/node_modules/.solgrid-lock
if ! cmp -s localnet/validator/package-lock.json "$stamp" 2>/dev/null; then
  npm ci --prefix localnet/validator --no-audit --no-fund --loglevel=error
  cp localnet/validator/package-lock.json "$stamp"
fi

go mod download
