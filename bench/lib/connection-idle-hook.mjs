// Loaded into the sandbox process (node --import) by the benchmarks, never by the connector: it watches
// the sandbox's HTTP connections from the server's side. Per connection, the time between the end of
// an answer and the arrival of the next request on it is time the PIM waited for the client; the time
// from a request's arrival to the end of its answer is the PIM's own. Both are kept per method, and a
// wait only counts between two requests of the same method (a push's PATCHes, not the pull before
// them). On SIGUSR2 it prints them, for the requests since the last report, as one JSON line on
// stdout, and starts over.
import dc from "node:diagnostics_channel";

let windows = new Map();
const lastAnswer = new WeakMap();

function windowOf(method) {
  let window = windows.get(method);
  if (!window) windows.set(method, (window = { waits: [], answerMs: 0, answers: 0 }));
  return window;
}

dc.subscribe("http.server.request.start", ({ request, response }) => {
  const arrived = performance.now();
  const { socket, method } = request;
  const last = lastAnswer.get(socket);
  if (last !== undefined && last.method === method) windowOf(method).waits.push(arrived - last.ended);
  response.once("finish", () => {
    const ended = performance.now();
    lastAnswer.set(socket, { method, ended });
    const window = windowOf(method);
    window.answerMs += ended - arrived;
    window.answers += 1;
  });
});

process.on("SIGUSR2", () => {
  const report = {};
  for (const [method, { waits, answerMs, answers }] of windows) {
    const sorted = [...waits].sort((a, b) => a - b);
    report[method] = {
      waits: waits.length,
      waitMeanMs: waits.length ? waits.reduce((a, b) => a + b, 0) / waits.length : 0,
      waitMedianMs: sorted.length ? sorted[sorted.length >> 1] : 0,
      answers,
      answerMeanMs: answers ? answerMs / answers : 0,
    };
  }
  windows = new Map();
  process.stdout.write(`${JSON.stringify({ connectionIdle: report })}\n`);
});
