import { describe, expect, it } from "vitest";

import { checkAccountScope } from "@/lib/auth/account-scope";

const scope = { roles: [], agencyId: null, appraiserUnitId: null, isAppraisalLead: false } as const;

describe("checkAccountScope", () => {
  it("accepts each role with its scope", () => {
    expect(checkAccountScope({ ...scope, roles: ["ADMIN"] })).toEqual([]);
    expect(checkAccountScope({ ...scope, roles: ["AGENCY_EDITOR", "AGENCY_HEAD"], agencyId: "a" })).toEqual([]);
    expect(checkAccountScope({ ...scope, roles: ["APPRAISER"], appraiserUnitId: "u", isAppraisalLead: true })).toEqual([]);
    // An appraiser may name the agency they work at (the policy keeps them off it).
    expect(checkAccountScope({ ...scope, roles: ["APPRAISER"], appraiserUnitId: "u", agencyId: "a" })).toEqual([]);
  });

  it("refuses no role, an agency role without an agency, an appraiser without a unit", () => {
    expect(checkAccountScope(scope)).toEqual([{ field: "roles", code: "NO_ROLE" }]);
    expect(checkAccountScope({ ...scope, roles: ["AGENCY_HEAD"] })).toEqual([{ field: "agencyId", code: "AGENCY_REQUIRED" }]);
    expect(checkAccountScope({ ...scope, roles: ["APPRAISER", "AGENCY_EDITOR"] })).toEqual([
      { field: "agencyId", code: "AGENCY_REQUIRED" },
      { field: "appraiserUnitId", code: "APPRAISER_UNIT_REQUIRED" },
    ]);
  });

  it("refuses an appraiser unit or the lead flag without the appraiser role", () => {
    expect(checkAccountScope({ ...scope, roles: ["ADMIN"], appraiserUnitId: "u", isAppraisalLead: true })).toEqual([
      { field: "appraiserUnitId", code: "APPRAISER_UNIT_WITHOUT_ROLE" },
      { field: "isAppraisalLead", code: "LEAD_WITHOUT_APPRAISER" },
    ]);
  });
});
