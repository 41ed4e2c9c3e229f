// Generates src/proto/proto.js and proto.d.ts from minilit's own .proto files.
//
// Mirrors Streamlit's frontend/protobuf/scripts/generate-proto.js: protobufjs'
// `pbjs -t static-module --wrap es6` writes one ES module with a class per
// message (create/encode/decode), and `pbts` writes its TypeScript types.
// Input: ../minilit/proto/*.proto (the contract shared with the Python server).
// Output: src/proto/ (not committed; every build and test run regenerates it).
import { execFileSync } from "node:child_process"
import { mkdirSync, readdirSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const frontendDir = join(dirname(fileURLToPath(import.meta.url)), "..")
const repoRoot = join(frontendDir, "..")
const protoDir = join(repoRoot, "minilit", "proto")
const outDir = join(frontendDir, "src", "proto")
const bin = (name) => join(frontendDir, "node_modules", ".bin", name)

// Paths are relative to the repo root, because the .proto files import each
// other as "minilit/proto/X.proto". Sorted, so the output never depends on
// directory order.
const protos = readdirSync(protoDir)
  .filter((f) => f.endsWith(".proto"))
  .sort()
  .map((f) => `minilit/proto/${f}`)

mkdirSync(outDir, { recursive: true })
execFileSync(
  bin("pbjs"),
  [
    "-t", "static-module",
    "-w", "es6",
    "-p", ".",
    // Only create/encode/decode are used. Leaving out verify, the
    // plain-object converters (fromObject/toObject) and the delimited and
    // type-URL helpers shrinks the bundle by about 110 kB.
    "--no-delimited", "--no-typeurl", "--no-verify", "--no-convert",
    "-o", join(outDir, "proto.js"),
    ...protos,
  ],
  { cwd: repoRoot, stdio: "inherit" },
)
execFileSync(bin("pbts"), ["-o", join(outDir, "proto.d.ts"), join(outDir, "proto.js")], {
  cwd: repoRoot,
  stdio: "inherit",
})
