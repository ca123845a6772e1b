import type { Messages } from "@/lib/i18n/vi";

/**
 * The administration pages, in the order the Department of Home Affairs works through a year.
 * Each entry: the page's path and where its title and one-line description live in the messages.
 */
export type AdminSection = { path: string; title: (messages: Messages) => string; description: (messages: Messages) => string };

export const ADMIN_SECTIONS: readonly AdminSection[] = [
  { path: "/quan-tri/don-vi/loai", title: (m) => m.adminHome.sections.unitTypes, description: (m) => m.adminHome.sections.unitTypesDescription },
  { path: "/quan-tri/don-vi", title: (m) => m.adminHome.sections.organisation, description: (m) => m.adminHome.sections.organisationDescription },
  { path: "/quan-tri/don-vi/don-vi-tham-dinh", title: (m) => m.adminHome.sections.appraiserUnits, description: (m) => m.adminHome.sections.appraiserUnitsDescription },
  { path: "/quan-tri/nam", title: (m) => m.adminHome.sections.years, description: (m) => m.adminHome.sections.yearsDescription },
  { path: "/quan-tri/bo-chi-so", title: (m) => m.adminHome.sections.criteriaSets, description: (m) => m.adminHome.sections.criteriaSetsDescription },
  { path: "/quan-tri/nguoi-dung", title: (m) => m.adminHome.sections.users, description: (m) => m.adminHome.sections.usersDescription },
  { path: "/quan-tri/khao-sat", title: (m) => m.adminHome.sections.survey, description: (m) => m.adminHome.sections.surveyDescription },
  { path: "/quan-tri/cong-bo", title: (m) => m.adminHome.sections.publication, description: (m) => m.adminHome.sections.publicationDescription },
  { path: "/quan-tri/lich-su", title: (m) => m.adminHome.sections.history, description: (m) => m.adminHome.sections.historyDescription },
];
