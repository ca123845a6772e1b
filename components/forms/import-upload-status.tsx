import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

const {
  adminImports: { upload },
  errors,
} = getMessages("vi");

/** What an import form last said: an error with its problems, or a confirmation. */
export type ImportMessage = { text: string; isError: boolean; issues: { path: string; message: string }[] };

/** The "check and preview" button of an import form, with the upload's progress while it runs. */
export function ImportPreviewSubmit({ progress, isApplying }: { progress: number | null; isApplying: boolean }) {
  return (
    <>
      <button type="submit" disabled={progress !== null || isApplying} aria-busy={progress !== null} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {upload.preview}
      </button>
      {progress !== null ? (
        <p role="status">
          <progress max={100} value={progress} className="mr-2 align-middle" />
          {interpolate(upload.previewing, { percent: progress })}
        </p>
      ) : null}
    </>
  );
}

export function MessageBox({ message }: { message: ImportMessage | null }) {
  if (!message) return null;
  return (
    <div role={message.isError ? "alert" : "status"} className={message.isError ? "text-red-800" : "text-green-800"}>
      <p>{message.text || errors.retry}</p>
      {message.issues.length > 0 ? (
        <ul className="list-disc pl-6">
          {message.issues.map((issue) => (
            <li key={`${issue.path}-${issue.message}`}>{issue.path ? `${issue.path}: ` : ""}{issue.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
