import { en } from "./en";
import { vi, type Messages } from "./vi";

export type Locale = "vi" | "en";

// Vietnamese first; English is selected explicitly (a locale switcher comes with the public site).
export function getMessages(locale: Locale = "vi"): Messages {
  return (locale === "en" ? en : vi) as Messages;
}
