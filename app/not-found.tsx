import Link from "next/link";

import { getMessages } from "@/lib/i18n/messages";

export default function NotFound() {
  const { errors } = getMessages("vi");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{errors.notFound}</h1>
      <Link href="/" className="text-brand-700 underline">
        {errors.backHome}
      </Link>
    </div>
  );
}
