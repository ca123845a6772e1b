import Link from "next/link";

import { getMessages } from "@/lib/i18n/messages";

export type Task = { text: string; href: string };

/** What awaits the signed-in user (issue 6 item 6), at the top of their workspace home. Nothing when nothing does. */
export function MyTasks({ tasks }: { tasks: Task[] }) {
  const { tasks: text } = getMessages("vi");
  if (tasks.length === 0) return null;
  return (
    <section aria-labelledby="my-tasks-title" className="rounded-lg border border-amber-500 bg-amber-50 p-4">
      <h2 id="my-tasks-title" className="text-lg font-semibold">{text.title}</h2>
      <ul className="list-disc pl-6">
        {tasks.map((task) => (
          <li key={task.text}>
            <Link href={task.href} className="text-brand-800 underline">{task.text}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
