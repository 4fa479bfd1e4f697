#!/usr/bin/env node
import { runCli } from "./cli/main.js";
import { tuneHeapForStreaming } from "./tune-heap-for-streaming.js";

tuneHeapForStreaming();
process.exitCode = await runCli(process.argv.slice(2));
