import type { Metadata } from "next";

import { AgencyProfile } from "@/components/public/agency-profile/agency-profile";

import { noPagesAtBuildTime } from "../../year-segment";
import { loadProfile } from "./load-profile";
import { profileMetadata } from "./profile-metadata";

// Cached after the first request until a publication revalidates the public pages.
export const revalidate = false;
export const generateStaticParams = noPagesAtBuildTime;

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return profileMetadata(await loadProfile((await params).slug));
}

export default async function AgencyProfilePage({ params }: Props) {
  return <AgencyProfile profile={await loadProfile((await params).slug)} />;
}
