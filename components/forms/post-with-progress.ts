"use client";

/** The JSON a service result route answers; null when the request failed on the network. */
export type UploadAnswer<T> = { ok: true; value: T } | { ok: false; code: string; message: string; issues?: { path: string; message: string }[] };

/**
 * Posts a form with its file and reports the upload's progress (0–100): what fetch cannot do.
 * Resolves to the route's JSON, or null when the network failed.
 */
export function postWithProgress<T>(url: string, form: FormData, onProgress: (percent: number) => void): Promise<UploadAnswer<T> | null> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onerror = () => resolve(null);
    request.onload = () => resolve((request.response as UploadAnswer<T> | null) ?? null);
    request.send(form);
  });
}
