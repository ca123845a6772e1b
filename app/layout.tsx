import type { Metadata } from "next";
import type { ReactNode } from "react";

import { getMessages } from "@/lib/i18n/messages";
import { publicSiteUrl } from "@/lib/site-url";

import "./globals.css";

const messages = getMessages("vi");

export const metadata: Metadata = {
  // Absolute URLs for Open Graph and the sitemap: the site's public address in production.
  metadataBase: publicSiteUrl(),
  title: { default: `${messages.app.fullName} — ${messages.app.province}`, template: `%s — ${messages.app.name}` },
  description: messages.app.tagline,
  openGraph: { siteName: `${messages.app.fullName} — ${messages.app.province}`, locale: "vi_VN", type: "website" },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="vi">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          {messages.app.skipToContent}
        </a>
        <header className="site-header bg-brand-800 text-white">
          <div className="mx-auto max-w-6xl px-4 py-4">
            <p className="text-sm uppercase tracking-wide text-blue-100">{messages.app.province}</p>
            <p className="text-xl font-semibold">{messages.app.fullName}</p>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
        <footer className="mx-auto max-w-6xl px-4 py-6 text-sm text-slate-600">{messages.app.footer}</footer>
      </body>
    </html>
  );
}
