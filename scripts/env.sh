# Sourced by the project's scripts: one build environment for node, runtime and tests.
#
# - cargo's target dir lives outside the clone, in a persistent path, so that every clone on this
#   machine (CI included) shares one warm build; override with CARGO_TARGET_DIR.
# - the WASM toolchain comes from scripts/setup (rustup's, or Debian's rustc-web as `debian-web`).
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/tradechain/target}
# The runtime's WASM build must find this workspace's Cargo.lock from a target dir outside it.
export WASM_BUILD_WORKSPACE_HINT=$ROOT
if [ -z "${WASM_BUILD_TOOLCHAIN:-}" ]; then
  toolchain=$("$ROOT/scripts/setup" | tail -n 1)
  [ -n "$toolchain" ] && export WASM_BUILD_TOOLCHAIN=$toolchain
else
  "$ROOT/scripts/setup" >/dev/null
fi
NODE_BIN=$CARGO_TARGET_DIR/release/tradechain-node
export TRADECHAIN_NODE=${TRADECHAIN_NODE:-$NODE_BIN}

# The parachain runtime is built as WASM only (by `tradechain-parachain-wasm`, a member like any
# other); its crate is never compiled for the host, so the workspace builds and tests exclude it.
WORKSPACE=(--workspace --exclude tradechain-parachain-runtime)

# The one release build of the whole workspace (node, runtime, pallets, every test target). Node
# and tests are built together so that cargo unifies features once and compiles every
# dependency once; `cargo test --release` afterwards only runs.
build_all() {
  ( cd "$ROOT" && cargo build --locked --release "${WORKSPACE[@]}" --all-targets "$@" )
}
