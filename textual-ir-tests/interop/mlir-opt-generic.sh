#!/usr/bin/env bash
# Prints mlir-opt 16's generic form of every corpus file (or of the files given), for the MLIR interop test:
#   textual-ir-tests/interop/mlir-opt-generic.sh            # all files, each under a "// ==> name" header
#   textual-ir-tests/interop/mlir-opt-generic.sh -o DIR     # writes DIR/<name>.generic.mlir per file
#   textual-ir-tests/interop/mlir-opt-generic.sh --check    # only checks that mlir-opt accepts every file
# Set MLIR_OPT to use another mlir-opt binary. Exit code 1 if mlir-opt rejects a file.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mlir_opt="${MLIR_OPT:-/usr/lib/llvm-16/bin/mlir-opt}"
if [[ ! -x "$mlir_opt" ]]; then
  echo "error: mlir-opt not found at $mlir_opt (install mlir-16-tools or set MLIR_OPT)" >&2
  exit 2
fi
outdir="" check=false
files=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -o) outdir="$2"; shift 2 ;;
    --check) check=true; shift ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) files+=("$1"); shift ;;
  esac
done
if [[ ${#files[@]} -eq 0 ]]; then files=("$here"/*.mlir); fi
[[ -n "$outdir" ]] && mkdir -p "$outdir"
status=0
for f in "${files[@]}"; do
  name="$(basename "$f" .mlir)"
  if $check; then
    "$mlir_opt" --allow-unregistered-dialect --mlir-print-op-generic "$f" >/dev/null || { echo "rejected: $f" >&2; status=1; }
  elif [[ -n "$outdir" ]]; then
    "$mlir_opt" --allow-unregistered-dialect --mlir-print-op-generic "$f" -o "$outdir/$name.generic.mlir" || status=1
  else
    echo "// ==> $name"
    "$mlir_opt" --allow-unregistered-dialect --mlir-print-op-generic "$f" || status=1
  fi
done
exit $status
