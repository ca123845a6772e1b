import "server-only";

import { notFound } from "next/navigation";
import { cache } from "react";

import { getAgencyProfile, type AgencyProfile } from "@/lib/services/get-agency-profile";

/** The profile a /don-vi/[slug] page shows, read once per render (metadata and page share it); a 404 for an unknown slug. */
export const loadProfile = cache(async (slug: string): Promise<AgencyProfile> => {
  const profile = await getAgencyProfile(slug);
  if (!profile) notFound();
  return profile;
});
