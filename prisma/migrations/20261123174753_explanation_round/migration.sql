-- AlterEnum
ALTER TYPE "AuditEventType" ADD VALUE 'EXPLANATIONS_SENT';

-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "returnedAt" TIMESTAMP(3);
