import { forbidden, redirect } from "next/navigation";

import { areasOf, requireActor } from "@/lib/auth/session";

// Where sign-in lands: the first area the user may open.
export default async function WorkspaceIndexPage() {
  const [first] = areasOf(await requireActor());
  if (!first) forbidden();
  redirect(first.path);
}
