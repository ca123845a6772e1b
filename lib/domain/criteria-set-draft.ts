import type { CheckableCriterion } from "./criteria-set-check";
import type { CriterionSection } from "./criteria-tree";
import type { TCriterionMethod, TScoringMethod } from "./criterion-params";
import { fieldsFromMethod, methodFromFields, parseDecimal, type ParamsFields } from "./criterion-params-fields";
import { toThousandths } from "./points";

// The criteria set editor's working copy: a tree of nodes with the values as typed. Every
// operation returns a new tree (React state) and renumbers the codes so they always follow the
// structure: domains 1, 2, 3…; their children 1.1, 1.2…; bonus items T1, T2…; penalty items P1,
// P2…. Codes can still be typed by hand; the check (lib/domain/criteria-set-check.ts) then says
// what does not fit, and "renumber" puts them back in order.

export type DraftNode = {
  /** Stable key in the editor; the stored id for a node that exists. */
  key: string;
  /** The stored criterion this node edits; null for a node added in the editor. */
  id: string | null;
  code: string;
  title: string;
  guidance: string;
  section: CriterionSection;
  /** As typed ("14,5"). */
  maxPoints: string;
  /** Null for a parent. */
  method: TScoringMethod | null;
  fields: ParamsFields;
  isEvidenceRequired: boolean;
  appraiserUnitId: string | null;
  children: DraftNode[];
};

/** A stored or imported criterion, in tree order (each parent before its children). */
export type FlatCriterion = {
  id: string | null;
  code: string;
  parentCode: string | null;
  title: string;
  guidance: string | null;
  section: CriterionSection;
  /** Thousandths. */
  maxPoints: number;
  method: TCriterionMethod | null;
  isEvidenceRequired: boolean;
  appraiserUnitId: string | null;
};

const SECTIONS: readonly CriterionSection[] = ["MAIN", "BONUS", "PENALTY"];
const SECTION_PREFIX: Record<CriterionSection, string> = { MAIN: "", BONUS: "T", PENALTY: "P" };

/** The editor's tree of a flat list; a node whose parent is missing becomes a root. */
export function draftFromCriteria(criteria: readonly FlatCriterion[]): DraftNode[] {
  const nodes = new Map<string, DraftNode>();
  const roots: DraftNode[] = [];
  for (const criterion of criteria) {
    const node: DraftNode = {
      key: criterion.id ?? `code:${criterion.code}`,
      id: criterion.id,
      code: criterion.code,
      title: criterion.title,
      guidance: criterion.guidance ?? "",
      section: criterion.section,
      maxPoints: thousandthsText(criterion.maxPoints),
      method: criterion.method?.method ?? null,
      fields: fieldsFromMethod(criterion.method),
      isEvidenceRequired: criterion.isEvidenceRequired,
      appraiserUnitId: criterion.appraiserUnitId,
      children: [],
    };
    const parent = criterion.parentCode ? nodes.get(criterion.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
    nodes.set(criterion.code, node);
  }
  return sortRoots(roots);
}

/** The tree as the checks and the save service take it: pre-order, parent codes from the structure. */
export type DraftCriterion = CheckableCriterion & { key: string; id: string | null; guidance: string | null; isEvidenceRequired: boolean };

export function criteriaFromDraft(roots: readonly DraftNode[]): DraftCriterion[] {
  const flat: DraftCriterion[] = [];
  const visit = (node: DraftNode, parentCode: string | null) => {
    flat.push({
      key: node.key,
      id: node.id,
      code: node.code.trim(),
      parentCode,
      title: node.title.trim(),
      guidance: node.guidance.trim() || null,
      section: node.section,
      maxPoints: pointsOrNaN(node.maxPoints),
      method: node.children.length === 0 && node.method ? methodFromFields(node.method, node.fields) : null,
      isEvidenceRequired: node.isEvidenceRequired,
      appraiserUnitId: node.appraiserUnitId,
    });
    for (const child of node.children) visit(child, node.code.trim());
  };
  for (const root of roots) visit(root, null);
  return flat;
}

/** Every node's code from its place: 1, 1.1, 1.1.1…, T1…, P1…. */
export function renumber(roots: readonly DraftNode[]): DraftNode[] {
  const withCodes = (node: DraftNode, code: string): DraftNode => ({
    ...node,
    code,
    children: node.children.map((child, index) => withCodes(child, `${code}.${index + 1}`)),
  });
  return SECTIONS.flatMap((section) => roots.filter((root) => root.section === section).map((root, index) => withCodes(root, `${SECTION_PREFIX[section]}${index + 1}`)));
}

/** A new leaf at the end of `parentKey`'s children (a root of `section` when null); its parent loses its method. */
export function addNode(roots: readonly DraftNode[], parentKey: string | null, section: CriterionSection, key: string, template: Omit<DraftNode, "key" | "id" | "code" | "section" | "children">): DraftNode[] {
  const parent = parentKey ? findNode(roots, parentKey) : null;
  if (parentKey && (!parent || parent.section !== "MAIN")) return [...roots];
  const node: DraftNode = { ...template, key, id: null, code: "", section: parent?.section ?? section, children: [] };
  if (!parent) return renumber([...roots, node]);
  return renumber(mapNodes(roots, parent.key, (found) => ({ ...found, method: null, children: [...found.children, node] })));
}

export function updateNode(roots: readonly DraftNode[], key: string, patch: Partial<Omit<DraftNode, "key" | "id" | "children" | "section">>): DraftNode[] {
  return mapNodes(roots, key, (node) => ({ ...node, ...patch }));
}

/** Removes the node and everything under it. */
export function removeNode(roots: readonly DraftNode[], key: string): DraftNode[] {
  const without = (nodes: readonly DraftNode[]): DraftNode[] => nodes.filter((node) => node.key !== key).map((node) => ({ ...node, children: without(node.children) }));
  return renumber(without(roots));
}

/** Swaps the node with its previous (-1) or next (+1) sibling of the same section; unchanged at either end. */
export function moveNode(roots: readonly DraftNode[], key: string, offset: -1 | 1): DraftNode[] {
  const swapIn = (nodes: readonly DraftNode[]): DraftNode[] | null => {
    const index = nodes.findIndex((node) => node.key === key);
    if (index >= 0) {
      const section = nodes[index]!.section;
      const siblings = nodes.map((node, position) => ({ node, position })).filter(({ node }) => node.section === section);
      const at = siblings.findIndex(({ position }) => position === index);
      const other = siblings[at + offset];
      if (!other) return [...nodes];
      const result = [...nodes];
      result[index] = nodes[other.position]!;
      result[other.position] = nodes[index]!;
      return result;
    }
    for (const [position, node] of nodes.entries()) {
      const children = swapIn(node.children);
      if (children) return nodes.map((candidate, other) => (other === position ? { ...node, children } : candidate));
    }
    return null;
  };
  return renumber(swapIn(roots) ?? [...roots]);
}

/** Where a node may go: MAIN nodes outside its own subtree (its current parent excluded); null = a new domain. */
export function moveTargets(roots: readonly DraftNode[], key: string): { key: string | null; code: string; title: string }[] {
  const node = findNode(roots, key);
  if (!node || node.section !== "MAIN") return [];
  const currentParent = parentOf(roots, key);
  const targets: { key: string | null; code: string; title: string }[] = currentParent ? [{ key: null, code: "", title: "" }] : [];
  const visit = (candidate: DraftNode) => {
    if (candidate.key === key) return;
    if (candidate.key !== currentParent?.key) targets.push({ key: candidate.key, code: candidate.code, title: candidate.title });
    candidate.children.forEach(visit);
  };
  roots.filter((root) => root.section === "MAIN").forEach(visit);
  return targets;
}

/**
 * Moves a MAIN node (with its subtree) to the end of another MAIN node's children, or to the end of
 * the domains (null). Unchanged when the move is not allowed (into itself or its subtree, an
 * adjustment item). The new parent loses its method: a parent sums its children.
 */
export function moveNodeTo(roots: readonly DraftNode[], key: string, parentKey: string | null): DraftNode[] {
  const node = findNode(roots, key);
  if (!node || node.section !== "MAIN") return [...roots];
  if (parentKey !== null) {
    const target = findNode(roots, parentKey);
    if (!target || target.section !== "MAIN" || findNode([node], parentKey)) return [...roots];
  }
  const without = (nodes: readonly DraftNode[]): DraftNode[] => nodes.filter((candidate) => candidate.key !== key).map((candidate) => ({ ...candidate, children: without(candidate.children) }));
  const rest = without(roots);
  if (parentKey === null) {
    const lastMain = rest.map((root) => root.section).lastIndexOf("MAIN");
    return renumber([...rest.slice(0, lastMain + 1), node, ...rest.slice(lastMain + 1)]);
  }
  return renumber(mapNodes(rest, parentKey, (target) => ({ ...target, method: null, children: [...target.children, node] })));
}

/**
 * Moves a top-level item without children to the end of another section (a domain becomes a bonus
 * item…). Unchanged for a nested node or one with children: bonus and penalty items are flat.
 */
export function changeSection(roots: readonly DraftNode[], key: string, section: CriterionSection): DraftNode[] {
  const node = roots.find((root) => root.key === key);
  if (!node || node.children.length > 0 || node.section === section) return [...roots];
  return renumber([...roots.filter((root) => root.key !== key), { ...node, section }]);
}

export function findNode(roots: readonly DraftNode[], key: string): DraftNode | null {
  for (const node of roots) {
    if (node.key === key) return node;
    const found = findNode(node.children, key);
    if (found) return found;
  }
  return null;
}

export function parentOf(roots: readonly DraftNode[], key: string): DraftNode | null {
  for (const node of roots) {
    if (node.children.some((child) => child.key === key)) return node;
    const found = parentOf(node.children, key);
    if (found) return found;
  }
  return null;
}

/**
 * The running sum of a parent's children's maxima against its own maximum (thousandths); null for
 * a leaf, or where a maximum does not parse.
 */
export function childrenSum(node: DraftNode): { sum: number; max: number } | null {
  if (node.children.length === 0) return null;
  const max = pointsOrNaN(node.maxPoints);
  const sum = node.children.reduce((total, child) => total + pointsOrNaN(child.maxPoints), 0);
  return Number.isNaN(sum) || Number.isNaN(max) ? null : { sum, max };
}

/** The sum of the domains' maxima (thousandths), NaN where one does not parse. */
export function domainsSum(roots: readonly DraftNode[]): number {
  return roots.filter((root) => root.section === "MAIN").reduce((total, root) => total + pointsOrNaN(root.maxPoints), 0);
}

/** Thousandths of a typed number ("14,5" → 14500); NaN when it is not a number of at most 3 decimals. */
export function pointsOrNaN(text: string): number {
  const value = parseDecimal(text);
  if (typeof value !== "number") return Number.NaN;
  try {
    return toThousandths(value);
  } catch {
    return Number.NaN;
  }
}

/** 14500 → "14,5". */
export function thousandthsText(thousandths: number): string {
  return String(thousandths / 1000).replace(".", ",");
}

function mapNodes(nodes: readonly DraftNode[], key: string, change: (node: DraftNode) => DraftNode): DraftNode[] {
  return nodes.map((node) => (node.key === key ? change(node) : { ...node, children: mapNodes(node.children, key, change) }));
}

/** Roots grouped by section (MAIN, then bonus, then penalty), each group in its given order. */
function sortRoots(roots: DraftNode[]): DraftNode[] {
  return SECTIONS.flatMap((section) => roots.filter((root) => root.section === section));
}
