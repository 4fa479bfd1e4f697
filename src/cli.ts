#!/usr/bin/env node
import { runCli } from "./cli/main.js";
import { tuneHeapForStreaming } from "./tune-heap-for-streaming.js";

// Streaming commands only: the sandbox is a server that holds its whole catalog, which a low heap growth would keep re-marking.
if (process.argv[2] !== "sandbox") tuneHeapForStreaming();
process.exitCode = await runCli(process.argv.slice(2));
