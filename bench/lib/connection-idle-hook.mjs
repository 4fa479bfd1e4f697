// Loaded into the sandbox process (node --import) by the benchmarks, never by the connector: it watches
// the sandbox's HTTP connections from the server's side. Per connection, the time between the end of
// an answer and the arrival of the next request on it is time the PIM waited for the client; the time
// from a request's arrival to the end of its answer is the PIM's own. Both are kept per method, and a
// wait only counts between two requests of the same method (a push's PATCHes, not the pull before
// them). It also reads the process's CPU time (every thread) from the first request of a method to the
// end of its last answer: the PIM stand-in's share of the machine while it served them. On SIGUSR2 it
// prints these, for the requests since the last report, as one JSON line on stdout, and starts over.
import dc from "node:diagnostics_channel";

let windows = new Map();
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const lastAnswer = new WeakMap();

function windowOf(method) {
  let window = windows.get(method);
  if (!window) windows.set(method, (window = { waits: [], answerMs: 0, answers: 0, first: performance.now(), cpuAtFirst: cpuMs(), last: 0, cpuAtLast: 0 }));
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
    window.last = ended;
    window.cpuAtLast = cpuMs();
  });
});

process.on("SIGUSR2", () => {
  const report = {};
  for (const [method, { waits, answerMs, answers, first, cpuAtFirst, last, cpuAtLast }] of windows) {
    const sorted = [...waits].sort((a, b) => a - b);
    report[method] = {
      waits: waits.length,
      waitMeanMs: waits.length ? waits.reduce((a, b) => a + b, 0) / waits.length : 0,
      waitMedianMs: sorted.length ? sorted[sorted.length >> 1] : 0,
      answers,
      answerMeanMs: answers ? answerMs / answers : 0,
      wallMs: Math.max(0, last - first),
      cpuMs: Math.max(0, cpuAtLast - cpuAtFirst),
    };
  }
  windows = new Map();
  process.stdout.write(`${JSON.stringify({ connectionIdle: report })}\n`);
});
