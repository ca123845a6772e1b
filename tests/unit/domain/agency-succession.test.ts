import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { agencyLineage, checkSuccession, isActiveOn, type SuccessionEdge, type SuccessionPlan } from "@/lib/domain/agency-succession";

const agency = (id: string, activeFrom: string | null = null, activeTo: string | null = null) => ({ id, name: `Đơn vị ${id}`, activeFrom, activeTo });
const successor = (id: string, activeFrom: string | null = null, activeTo: string | null = null) => ({ ...agency(id, activeFrom, activeTo), isNew: false });
const merge = (predecessors: SuccessionPlan["predecessors"], successors: SuccessionPlan["successors"], effectiveOn = "2025-03-01"): SuccessionPlan => ({
  kind: "MERGE",
  effectiveOn,
  predecessors,
  successors,
});

describe("isActiveOn", () => {
  it("includes both bounds and treats a missing bound as open", () => {
    expect(isActiveOn(agency("a", "2025-03-01", "2025-12-31"), "2025-03-01")).toBe(true);
    expect(isActiveOn(agency("a", "2025-03-01", "2025-12-31"), "2025-12-31")).toBe(true);
    expect(isActiveOn(agency("a", "2025-03-01", "2025-12-31"), "2026-01-01")).toBe(false);
    expect(isActiveOn(agency("a", "2025-03-01"), "2025-02-28")).toBe(false);
    expect(isActiveOn(agency("a"), "1990-01-01")).toBe(true);
  });
});

describe("checkSuccession", () => {
  it("accepts a merge of open agencies into an active one, and one whose predecessor already ends the day before", () => {
    expect(checkSuccession(merge([agency("x", "2010-01-01"), agency("y", null, "2025-02-28")], [successor("z")]), [])).toEqual([]);
  });

  it("refuses an agency on both sides, once, and one listed twice on a side", () => {
    expect(checkSuccession(merge([agency("x"), agency("x")], [successor("x")]), [])).toEqual([
      { code: "LISTED_TWICE", name: "Đơn vị x" },
      { code: "INTO_ITSELF", name: "Đơn vị x" },
    ]);
  });

  it("refuses a link already recorded, and a predecessor that already became another agency", () => {
    const existing: SuccessionEdge[] = [{ predecessorId: "x", successorId: "z", kind: "MERGE", effectiveOn: "2025-03-01" }];
    expect(checkSuccession(merge([agency("x")], [successor("z")]), existing)).toEqual([
      { code: "ALREADY_RECORDED", predecessorName: "Đơn vị x", successorName: "Đơn vị z", effectiveOn: "2025-03-01" },
    ]);
    expect(checkSuccession(merge([agency("x")], [successor("w")], "2026-01-01"), existing)).toEqual([
      { code: "PREDECESSOR_ALREADY_SUCCEEDED", name: "Đơn vị x", effectiveOn: "2025-03-01" },
    ]);
  });

  it("refuses a date on or before a predecessor's first day, and a predecessor that stopped before the day before", () => {
    expect(checkSuccession(merge([agency("x", "2025-03-01")], [successor("z")]), [])).toEqual([{ code: "NOT_AFTER_ACTIVE_FROM", name: "Đơn vị x", activeFrom: "2025-03-01" }]);
    expect(checkSuccession(merge([agency("x", "2025-02-28")], [successor("z")]), [])).toEqual([]);
    expect(checkSuccession(merge([agency("x", null, "2025-02-27")], [successor("z")]), [])).toEqual([{ code: "PREDECESSOR_ENDED_EARLIER", name: "Đơn vị x", activeTo: "2025-02-27" }]);
    // A predecessor planned to stop later is simply ended earlier.
    expect(checkSuccession(merge([agency("x", null, "2030-12-31")], [successor("z")]), [])).toEqual([]);
  });

  it("refuses a successor that already became another agency, or is not active on the date; a new one is not checked", () => {
    const existing: SuccessionEdge[] = [{ predecessorId: "z", successorId: "q", kind: "SPLIT", effectiveOn: "2024-01-01" }];
    expect(checkSuccession(merge([agency("x")], [successor("z", null, "2023-12-31")]), existing)).toEqual([
      { code: "SUCCESSOR_ALREADY_SUCCEEDED", name: "Đơn vị z", effectiveOn: "2024-01-01" },
    ]);
    expect(checkSuccession(merge([agency("x")], [successor("z", null, "2025-02-28")]), [])).toEqual([{ code: "SUCCESSOR_INACTIVE", name: "Đơn vị z" }]);
    expect(checkSuccession(merge([agency("x")], [successor("z", "2025-03-02")]), [])).toEqual([{ code: "SUCCESSOR_INACTIVE", name: "Đơn vị z" }]);
    expect(checkSuccession(merge([agency("x")], [{ ...agency("new:0", "2025-03-01"), isNew: true }]), existing)).toEqual([]);
  });

  it("never lets the recorded history form a cycle", () => {
    // Random successions among five agencies, each recorded only if accepted: following successor
    // links from any agency must never come back to it.
    const ids = ["a", "b", "c", "d", "e"];
    const step = fc.record({ from: fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 3 }), to: fc.constantFrom(...ids), year: fc.integer({ min: 2001, max: 2030 }) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const edges: SuccessionEdge[] = [];
        for (const { from, to, year } of steps) {
          const plan = merge(from.map((id) => agency(id)), [successor(to)], `${year}-01-01`);
          if (checkSuccession(plan, edges).length === 0) {
            for (const id of from) edges.push({ predecessorId: id, successorId: to, kind: "MERGE", effectiveOn: plan.effectiveOn });
          }
        }
        for (const start of ids) {
          const seen = new Set<string>();
          const walk = (id: string): boolean => {
            if (seen.has(id)) return false;
            seen.add(id);
            return edges.filter((edge) => edge.predecessorId === id).every((edge) => edge.successorId !== start && walk(edge.successorId));
          };
          expect(walk(start)).toBe(true);
        }
      }),
    );
  });
});

describe("agencyLineage", () => {
  const edges: SuccessionEdge[] = [
    { predecessorId: "b", successorId: "z", kind: "MERGE", effectiveOn: "2025-03-01" },
    { predecessorId: "a", successorId: "z", kind: "MERGE", effectiveOn: "2025-03-01" },
    { predecessorId: "old", successorId: "a", kind: "RENAME", effectiveOn: "2019-07-01" },
    { predecessorId: "z", successorId: "p", kind: "SPLIT", effectiveOn: "2027-01-01" },
    { predecessorId: "z", successorId: "q", kind: "SPLIT", effectiveOn: "2027-01-01" },
  ];

  it("gives the direct predecessors and successors, oldest first, ties by id", () => {
    expect(agencyLineage("z", edges)).toEqual({
      predecessors: [
        { agencyId: "a", kind: "MERGE", effectiveOn: "2025-03-01" },
        { agencyId: "b", kind: "MERGE", effectiveOn: "2025-03-01" },
      ],
      successors: [
        { agencyId: "p", kind: "SPLIT", effectiveOn: "2027-01-01" },
        { agencyId: "q", kind: "SPLIT", effectiveOn: "2027-01-01" },
      ],
    });
    expect(agencyLineage("a", edges)).toEqual({
      predecessors: [{ agencyId: "old", kind: "RENAME", effectiveOn: "2019-07-01" }],
      successors: [{ agencyId: "z", kind: "MERGE", effectiveOn: "2025-03-01" }],
    });
    expect(agencyLineage("nobody", edges)).toEqual({ predecessors: [], successors: [] });
  });
});
