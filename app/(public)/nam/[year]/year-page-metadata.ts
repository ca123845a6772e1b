import type { Metadata } from "next";

/** Title, description and Open Graph tags of a public year page; `path` is its canonical URL. */
export function yearPageMetadata(title: string, description: string, path: string): Metadata {
  return {
    title,
    description,
    alternates: { canonical: path },
    openGraph: { title, description, url: path, type: "website", locale: "vi_VN" },
  };
}
