import ExcelJS from "exceljs";

import { formatChanges } from "@/lib/i18n/audit-format";
import { interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";
import type { AuditTrail } from "@/lib/services/get-assessment-audit-trail";

const TIME = new Intl.DateTimeFormat("vi-VN", { dateStyle: "short", timeStyle: "medium", timeZone: "Asia/Ho_Chi_Minh" });

/** The audit view as an XLSX workbook: one sheet, a title row, the same columns and wording as the page. */
export async function auditTrailWorkbook(trail: AuditTrail): Promise<ArrayBuffer> {
  const text = vi.auditTrail;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = vi.app.fullName;
  const sheet = workbook.addWorksheet(text.link.slice(0, 31));
  sheet.addRow([interpolate(text.title, { agency: trail.agencyName, year: trail.year })]).font = { bold: true, size: 14 };
  sheet.addRow([]);
  const header = sheet.addRow([text.columns.time, text.columns.actor, text.columns.action, text.columns.criterion, text.columns.before, text.columns.after]);
  header.font = { bold: true };
  for (const entry of trail.entries) {
    const { before, after } = formatChanges(entry.changes);
    const row = sheet.addRow([TIME.format(entry.occurredAt), entry.actorName ?? "—", text.types[entry.type], entry.subject || "—", before || "—", after || "—"]);
    row.alignment = { vertical: "top", wrapText: true };
  }
  sheet.columns.forEach((column, index) => {
    column.width = [20, 24, 28, 10, 48, 48][index];
  });
  sheet.views = [{ state: "frozen", ySplit: 3 }];
  return workbook.xlsx.writeBuffer();
}
