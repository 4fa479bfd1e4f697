/** A tiny RFC 6902 subset (add, replace, remove) for anti-example fixtures: a copy, the input is unchanged. */
export type PatchOperation = { op: "add" | "replace"; path: string; value: unknown } | { op: "remove"; path: string };

export function applyJsonPatch<T>(document: T, operations: readonly PatchOperation[]): T {
  const copy = structuredClone(document);
  for (const operation of operations) {
    const segments = operation.path.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
    const last = segments.pop();
    if (last === undefined) throw new Error(`patch path ${operation.path} must not be the root`);
    let parent: unknown = copy;
    for (const segment of segments) parent = (parent as Record<string, unknown>)[segment];
    if (Array.isArray(parent)) {
      const index = last === "-" ? parent.length : Number(last);
      if (operation.op === "remove") parent.splice(index, 1);
      else if (operation.op === "add") parent.splice(index, 0, operation.value);
      else parent[index] = operation.value;
    } else {
      const target = parent as Record<string, unknown>;
      if (operation.op === "remove") delete target[last];
      else target[last] = operation.value;
    }
  }
  return copy;
}
