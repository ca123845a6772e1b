import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

const FORMATS = ["csv", "xlsx", "json"] as const;

/** The year's open data files (/api/public/results/[year].csv|xlsx|json), each named with its year for screen readers. */
export function OpenDataLinks({ year }: { year: number }) {
  const { publicSite } = getMessages("vi");
  const labels = { csv: publicSite.downloadCsv, xlsx: publicSite.downloadXlsx, json: publicSite.downloadJson };
  return (
    <ul className="flex flex-wrap gap-3">
      {FORMATS.map((extension) => (
        <li key={extension}>
          <a
            href={`/api/public/results/${year}.${extension}`}
            download
            aria-label={`${labels[extension]} — ${interpolate(publicSite.openData.yearRow, { year })}`}
            className="inline-block rounded border border-brand-700 px-3 py-1 text-brand-800 hover:bg-brand-50"
          >
            {labels[extension]}
          </a>
        </li>
      ))}
    </ul>
  );
}
