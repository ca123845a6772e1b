import "server-only";

import { revalidatePath } from "next/cache";

import { clearPublicPageCache } from "./public-page-cache";

/**
 * After a publication (or anything that changes what the public pages show): Next's cached pages
 * are marked stale and the production server's front cache is emptied, in this process.
 */
export function revalidatePublicPages(): void {
  revalidatePath("/", "layout");
  clearPublicPageCache();
}
