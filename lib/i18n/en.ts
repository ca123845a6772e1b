import type { Messages } from "./vi";

type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };

// The second locale: the same keys as vi.ts, checked by the type.
export const en: Translation<Messages> = {
  app: {
    name: "PAR Index",
    fullName: "Public Administration Reform Index",
    province: "Sông Lam Province",
    tagline: "Administrative reform index results of the province's agencies",
    skipToContent: "Skip to main content",
    footer: "Demo data. Points, index and ranks are computed from each year's criteria set.",
  },
  home: {
    title: "PAR Index ranking {year}",
    announcement: "Per announcement no. {number} of {date}",
    noPublishedYear: "No assessment year has been published yet.",
    unitTypeCaption: "{unitType} ranking {year}",
    columns: {
      rank: "Rank",
      agency: "Agency",
      points: "Points",
      maxPoints: "Maximum",
      indexPercent: "Index (%)",
      band: "Band",
      change: "Change vs last year",
    },
    notRanked: "Not ranked",
    rankChangeUp: "Up {n}",
    rankChangeDown: "Down {n}",
    rankChangeSame: "Unchanged",
    rankChangeNew: "New",
    agencyCount: "{count} agencies",
  },
  errors: {
    generic: "Something went wrong. Please try again later. Incident id: {eventId}",
    notFound: "The page you asked for was not found.",
    backHome: "Back to the home page",
    retry: "Try again",
    loading: "Loading…",
  },
};
