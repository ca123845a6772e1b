import type { ReactNode } from "react";

import { requireArea } from "@/lib/auth/session";

// Checked here, outside this segment's loading boundary, so a refusal is a real HTTP 403 with no data.
export default async function Layout({ children }: { children: ReactNode }) {
  await requireArea("workspace.admin");
  return children;
}
