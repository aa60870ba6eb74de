#!/usr/bin/env bash
# Installs the MuJoCo sidecar's one dependency -- npm @mujoco/mujoco, the official MuJoCo WASM bindings, exactly the
# version and checksum in package-lock.json -- into node_modules/ next to this script, then checks that MuJoCo loads.
# Needs node and npm on PATH (Node.js 20 is what it is tested with). Called by .ci/run and the launcher; safe to
# run again (npm ci replaces node_modules). Exit status 0 only if MuJoCo is ready to use.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "mujoco sidecar: node and npm are needed on PATH (Node.js 20+; e.g. NodeSource's nodejs 20 package)" >&2
  exit 1
fi
major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$major" -lt 20 ]; then
  echo "mujoco sidecar: warning: tested with Node.js 20, found $(node --version); trying anyway" >&2
fi
npm ci --no-audit --no-fund --loglevel=error
node --input-type=module -e '
  const { default: load } = await import("@mujoco/mujoco");
  const mujoco = await load();
  console.log(`mujoco sidecar: MuJoCo ${mujoco.mj_versionString()} (WASM) ready on Node ${process.version} in ${process.cwd()}`);
'
