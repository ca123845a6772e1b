import "server-only";

import { z } from "zod";

import type { AuditEventType, Prisma } from "@/lib/db/generated/prisma/client";

/** Who acted, as they were at that moment: kept on the event even if the account changes later. */
export const ZActorSnapshot = z.object({
  name: z.string(),
  email: z.string(),
  roles: z.array(z.string()),
  agencyId: z.string().nullable(),
  appraiserUnitId: z.string().nullable(),
});
export type TActorSnapshot = z.infer<typeof ZActorSnapshot>;

export type AuditActor = Omit<TActorSnapshot, "roles"> & { id: string; roles: readonly string[] };

export type AuditEventInput = {
  type: AuditEventType;
  actor: AuditActor | null;
  subjectType: string;
  subjectId?: string | null;
  assessmentId?: string | null;
  yearId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  ipAddress?: string | null;
};

/** Appends one event; call it inside the transaction of the change it records. */
export async function appendAuditEvent(tx: Prisma.TransactionClient, event: AuditEventInput): Promise<void> {
  const { actor } = event;
  await tx.auditEvent.create({
    data: {
      type: event.type,
      actorId: actor?.id ?? null,
      actorSnapshot: actor
        ? ZActorSnapshot.parse({ name: actor.name, email: actor.email, roles: [...actor.roles], agencyId: actor.agencyId, appraiserUnitId: actor.appraiserUnitId })
        : undefined,
      subjectType: event.subjectType,
      subjectId: event.subjectId ?? null,
      assessmentId: event.assessmentId ?? null,
      yearId: event.yearId ?? null,
      before: event.before ?? undefined,
      after: event.after ?? undefined,
      ipAddress: event.ipAddress ?? null,
    },
    // Nothing is read back: without this the insert returns, and the client parses, the whole row.
    select: { id: true },
  });
}
