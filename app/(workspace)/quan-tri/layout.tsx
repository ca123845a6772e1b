import type { Metadata } from "next";
import type { ReactNode } from "react";

import { requireArea } from "@/lib/auth/session";

// Checked here, outside this segment's loading boundary, so a refusal is a real HTTP 403 with no data.
export default async function Layout({ children }: { children: ReactNode }) {
  await requireArea("workspace.admin");
  return children;
}

/**
 * Metadata is resolved apart from the layout and streamed with the 403 page: without this check
 * the admin pages' titles reached users refused the area. Refusing here refuses every page's
 * metadata below; the pages' own titles apply once it passes.
 */
export async function generateMetadata(): Promise<Metadata> {
  await requireArea("workspace.admin");
  return {};
}
