"use client";

import { useState } from "react";

import { removeEvidenceAction } from "@/app/(workspace)/co-quan/tu-danh-gia/actions";
import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

const { evidenceUi: text } = getMessages("vi");

export type EvidenceItem = { id: string; fileName: string; sizeBytes: number };

/** The evidence files of one criterion: download links, upload with progress, removal while editable. */
export function EvidenceList({
  uploadUrl,
  items,
  isEditable,
  onChange,
}: {
  uploadUrl: string;
  items: EvidenceItem[];
  isEditable: boolean;
  onChange: (items: EvidenceItem[]) => void;
}) {
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  function upload(file: File) {
    setError(null);
    setProgress(0);
    const request = new XMLHttpRequest();
    request.open("POST", uploadUrl);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) setProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onerror = () => {
      setProgress(null);
      setError(text.networkError);
    };
    request.onload = () => {
      setProgress(null);
      const body = request.response as { ok: boolean; message?: string; value?: EvidenceItem & { isAlreadyAttached: boolean } } | null;
      if (!body?.ok || !body.value) {
        setError(body?.message ?? text.networkError);
        return;
      }
      const uploaded = body.value;
      if (!uploaded.isAlreadyAttached) onChange([...items, { id: uploaded.id, fileName: uploaded.fileName, sizeBytes: uploaded.sizeBytes }]);
    };
    const form = new FormData();
    form.append("file", file);
    request.send(form);
  }

  async function remove(item: EvidenceItem) {
    setError(null);
    const result = await removeEvidenceAction(item.id);
    if (result.ok) onChange(items.filter((candidate) => candidate.id !== item.id));
    else setError(result.message);
  }

  return (
    <div className="space-y-1 text-sm">
      {items.length > 0 ? (
        <ul className="space-y-1">
          {items.map((item) => (
            <li key={item.id} className="flex items-center gap-2">
              <a href={`/api/evidence/${item.id}`} className="text-brand-700 underline">
                {item.fileName}
              </a>
              <span className="text-slate-500">({formatFileSize(item.sizeBytes)})</span>
              {isEditable ? (
                <button type="button" onClick={() => void remove(item)} className="text-red-700 underline" aria-label={interpolate(text.removeFile, { name: item.fileName })}>
                  {text.remove}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {isEditable ? (
        <label className="inline-flex items-center gap-2">
          <span>{text.add}</span>
          <input
            type="file"
            accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx"
            disabled={progress !== null}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = "";
              if (file) upload(file);
            }}
          />
        </label>
      ) : null}
      {progress !== null ? (
        <p role="status">
          <progress max={100} value={progress} className="mr-2 align-middle" />
          {interpolate(text.uploading, { percent: progress })}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** "850 KB", "2,4 MB": what people expect to read about a file. */
function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;
}
