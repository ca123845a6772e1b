import Link from "next/link";

import { getMessages } from "@/lib/i18n/messages";

// Rendered with HTTP 403 by forbidden() (lib/auth/session.ts): the page's data is never loaded.
export default function Forbidden() {
  const { auth, errors } = getMessages("vi");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{auth.forbiddenTitle}</h1>
      <p>{auth.forbiddenText}</p>
      <Link href="/" className="text-brand-700 underline">
        {errors.backHome}
      </Link>
    </div>
  );
}
