import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

const { adminImports } = getMessages("vi");

/** Every refused row of an imported file with its problems, as the survey and history previews show them. */
export function ImportRowErrors({ errors }: { errors: readonly { rowNumber: number; messages: readonly string[] }[] }) {
  if (errors.length === 0) return null;
  const { survey: text } = adminImports;
  return (
    <div className="space-y-2 rounded-lg border border-red-300 bg-red-50 p-4">
      <h3 className="font-semibold text-red-800">{interpolate(text.errorsTitle, { n: errors.length })}</h3>
      <table className="w-full text-left text-sm">
        <thead>
          <tr>
            <th scope="col" className="w-20 px-2 py-1">{text.columns.row}</th>
            <th scope="col" className="px-2 py-1">{text.columns.problems}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((error) => (
            <tr key={error.rowNumber} className="border-t border-red-200 align-top">
              <th scope="row" className="px-2 py-1 tabular-nums">{error.rowNumber}</th>
              <td className="px-2 py-1">
                <ul className="list-disc pl-5">
                  {error.messages.map((problem) => <li key={problem}>{problem}</li>)}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
