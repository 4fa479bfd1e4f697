/**
 * Which option labels a mapping may ask for, read from its syntax tree at compile time, so the
 * mapper can load them *before* an evaluation starts: the timeout guardrail measures wall-clock
 * time, and a label load on the network must not count against a record's budget.
 */
const LABEL_HELPERS = new Set(["optionLabel", "optionLabels"]);

export interface OptionLabelUses {
  /** Attribute codes passed as string literals: `$optionLabel("color", ...)`. */
  attributes: ReadonlySet<string>;
  /** True when an attribute is computed (or the helper passed around): prefetch the record's selects. */
  dynamic: boolean;
}

interface Node {
  type?: string;
  value?: unknown;
  procedure?: Node;
  arguments?: Node[];
}

/** Walk a JSONata AST and collect the option-label helper calls. */
export function collectOptionLabelUses(ast: unknown): OptionLabelUses {
  const attributes = new Set<string>();
  let dynamic = false;
  const seen = new WeakSet<object>();
  const visit = (node: unknown): void => {
    if (typeof node !== "object" || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    const n = node as Node;
    if (n.type === "function" && n.procedure?.type === "variable" && LABEL_HELPERS.has(String(n.procedure.value))) {
      const first = n.arguments?.[0];
      if (first?.type === "string" && typeof first.value === "string") attributes.add(first.value);
      else dynamic = true;
      n.arguments?.forEach(visit);
      return;
    }
    if (n.type === "variable" && LABEL_HELPERS.has(String(n.value))) dynamic = true;
    for (const [key, child] of Object.entries(n)) if (key !== "position" && typeof child === "object") visit(child);
  };
  visit(ast);
  return { attributes, dynamic };
}
