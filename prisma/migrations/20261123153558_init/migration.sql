-- CreateEnum
CREATE TYPE "SuccessionKind" AS ENUM ('MERGE', 'SPLIT', 'RENAME');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'APPRAISER', 'AGENCY_EDITOR', 'AGENCY_HEAD');

-- CreateEnum
CREATE TYPE "YearPhase" AS ENUM ('SETUP', 'SELF_ASSESSMENT', 'APPRAISAL', 'EXPLANATION', 'FINALIZED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "CriterionSection" AS ENUM ('MAIN', 'BONUS', 'PENALTY');

-- CreateEnum
CREATE TYPE "ScoringMethod" AS ENUM ('MANUAL', 'BOOLEAN', 'CATEGORICAL', 'TIERED_RATE', 'PROPORTIONAL_RATE', 'TIERED_COUNT', 'DEDUCTION', 'SURVEY');

-- CreateEnum
CREATE TYPE "AssessmentStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'UNDER_APPRAISAL', 'RETURNED', 'FINALIZED');

-- CreateEnum
CREATE TYPE "AuditEventType" AS ENUM ('SEED_LOADED', 'USER_SIGNED_IN', 'USER_SIGN_IN_FAILED', 'USER_CREATED', 'USER_UPDATED', 'PASSWORD_CHANGED', 'PASSWORD_RESET', 'YEAR_CREATED', 'YEAR_UPDATED', 'YEAR_PHASE_CHANGED', 'UNIT_TYPE_SAVED', 'AGENCY_SAVED', 'AGENCY_MERGED', 'AGENCY_SPLIT', 'CRITERIA_SET_SAVED', 'CRITERIA_SET_IMPORTED', 'CRITERIA_SET_UNFROZEN', 'SELF_SCORE_SAVED', 'EVIDENCE_UPLOADED', 'EVIDENCE_REMOVED', 'ASSESSMENT_SUBMITTED', 'ASSESSMENT_WITHDRAWN', 'DEADLINE_EXTENDED', 'SCORE_APPRAISED', 'ASSESSMENT_RETURNED', 'EXPLANATION_SAVED', 'ASSESSMENT_FINALIZED', 'SURVEY_IMPORTED', 'RESULTS_COMPUTED', 'HISTORY_IMPORTED', 'YEAR_PUBLISHED', 'PUBLICATION_CORRECTED');

-- CreateTable
CREATE TABLE "UnitType" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnitType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "slug" TEXT NOT NULL,
    "unitTypeId" TEXT NOT NULL,
    "parentId" TEXT,
    "activeFrom" DATE,
    "activeTo" DATE,
    "isRanked" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgencySuccession" (
    "id" TEXT NOT NULL,
    "predecessorId" TEXT NOT NULL,
    "successorId" TEXT NOT NULL,
    "kind" "SuccessionKind" NOT NULL,
    "effectiveOn" DATE NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgencySuccession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppraiserUnit" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "agencyId" TEXT,
    "isCoordinator" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AppraiserUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "roles" "Role"[],
    "agencyId" TEXT,
    "appraiserUnitId" TEXT,
    "isAppraisalLead" BOOLEAN NOT NULL DEFAULT false,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentYear" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "phase" "YearPhase" NOT NULL DEFAULT 'SETUP',
    "precision" INTEGER NOT NULL DEFAULT 2,
    "isSurveyIncluded" BOOLEAN NOT NULL DEFAULT true,
    "maxBonusPoints" DECIMAL(9,3) NOT NULL DEFAULT 0,
    "maxPenaltyPoints" DECIMAL(9,3) NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssessmentYear_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PhaseDeadline" (
    "id" TEXT NOT NULL,
    "yearId" TEXT NOT NULL,
    "phase" "YearPhase" NOT NULL,
    "startsAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PhaseDeadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GradingBand" (
    "id" TEXT NOT NULL,
    "yearId" TEXT NOT NULL,
    "unitTypeId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "minPercent" DECIMAL(6,3) NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "GradingBand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriteriaSet" (
    "id" TEXT NOT NULL,
    "yearId" TEXT NOT NULL,
    "unitTypeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "totalMaxPoints" DECIMAL(9,3) NOT NULL,
    "frozenAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CriteriaSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Criterion" (
    "id" TEXT NOT NULL,
    "criteriaSetId" TEXT NOT NULL,
    "parentId" TEXT,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "guidance" TEXT,
    "section" "CriterionSection" NOT NULL DEFAULT 'MAIN',
    "maxPoints" DECIMAL(9,3) NOT NULL,
    "method" "ScoringMethod",
    "params" JSONB,
    "isEvidenceRequired" BOOLEAN NOT NULL DEFAULT false,
    "appraiserUnitId" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Criterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "yearId" TEXT NOT NULL,
    "criteriaSetId" TEXT NOT NULL,
    "status" "AssessmentStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "deadlineExtendedTo" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "submittedById" TEXT,
    "finalizedAt" TIMESTAMP(3),
    "finalizedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Score" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "selfInput" JSONB,
    "selfPoints" DECIMAL(9,3),
    "selfNote" TEXT,
    "selfExplanation" TEXT,
    "isToReview" BOOLEAN NOT NULL DEFAULT false,
    "selfUpdatedById" TEXT,
    "selfUpdatedAt" TIMESTAMP(3),
    "round1Input" JSONB,
    "round1Points" DECIMAL(9,3),
    "round1Reason" TEXT,
    "round1ById" TEXT,
    "round1At" TIMESTAMP(3),
    "explanation" TEXT,
    "explanationById" TEXT,
    "explanationAt" TIMESTAMP(3),
    "round2Input" JSONB,
    "round2Points" DECIMAL(9,3),
    "round2Reason" TEXT,
    "round2ById" TEXT,
    "round2At" TIMESTAMP(3),
    "finalPoints" DECIMAL(9,3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Score_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceFile" (
    "id" TEXT NOT NULL,
    "scoreId" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "uploadedById" TEXT,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResult" (
    "id" TEXT NOT NULL,
    "yearId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "points" DECIMAL(9,3) NOT NULL,
    "importedById" TEXT,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Result" (
    "id" TEXT NOT NULL,
    "yearId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "unitTypeId" TEXT NOT NULL,
    "totalPoints" DECIMAL(9,3) NOT NULL,
    "maxPoints" DECIMAL(9,3) NOT NULL,
    "surveyPoints" DECIMAL(9,3),
    "bonusPoints" DECIMAL(9,3) NOT NULL DEFAULT 0,
    "penaltyPoints" DECIMAL(9,3) NOT NULL DEFAULT 0,
    "indexPercent" DECIMAL(7,3) NOT NULL,
    "rank" INTEGER,
    "rankedCount" INTEGER,
    "bandLabel" TEXT,
    "rankChange" INTEGER,
    "domainBreakdown" JSONB,
    "publishedRank" INTEGER,
    "publishedPercent" DECIMAL(7,3),
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Result_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Publication" (
    "id" TEXT NOT NULL,
    "yearId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "issuedOn" DATE NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" TEXT,
    "snapshot" JSONB NOT NULL,
    "supersedesId" TEXT,
    "note" TEXT,

    CONSTRAINT "Publication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "type" "AuditEventType" NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorSnapshot" JSONB,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT,
    "assessmentId" TEXT,
    "yearId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ipAddress" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UnitType_code_key" ON "UnitType"("code");

-- CreateIndex
CREATE UNIQUE INDEX "UnitType_name_key" ON "UnitType"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_slug_key" ON "Agency"("slug");

-- CreateIndex
CREATE INDEX "Agency_unitTypeId_idx" ON "Agency"("unitTypeId");

-- CreateIndex
CREATE INDEX "Agency_parentId_idx" ON "Agency"("parentId");

-- CreateIndex
CREATE INDEX "AgencySuccession_successorId_idx" ON "AgencySuccession"("successorId");

-- CreateIndex
CREATE UNIQUE INDEX "AgencySuccession_predecessorId_successorId_key" ON "AgencySuccession"("predecessorId", "successorId");

-- CreateIndex
CREATE UNIQUE INDEX "AppraiserUnit_name_key" ON "AppraiserUnit"("name");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_agencyId_idx" ON "User"("agencyId");

-- CreateIndex
CREATE INDEX "User_appraiserUnitId_idx" ON "User"("appraiserUnitId");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentYear_year_key" ON "AssessmentYear"("year");

-- CreateIndex
CREATE UNIQUE INDEX "PhaseDeadline_yearId_phase_key" ON "PhaseDeadline"("yearId", "phase");

-- CreateIndex
CREATE UNIQUE INDEX "GradingBand_yearId_unitTypeId_label_key" ON "GradingBand"("yearId", "unitTypeId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "GradingBand_yearId_unitTypeId_minPercent_key" ON "GradingBand"("yearId", "unitTypeId", "minPercent");

-- CreateIndex
CREATE UNIQUE INDEX "CriteriaSet_yearId_unitTypeId_key" ON "CriteriaSet"("yearId", "unitTypeId");

-- CreateIndex
CREATE INDEX "Criterion_parentId_idx" ON "Criterion"("parentId");

-- CreateIndex
CREATE INDEX "Criterion_appraiserUnitId_idx" ON "Criterion"("appraiserUnitId");

-- CreateIndex
CREATE UNIQUE INDEX "Criterion_criteriaSetId_code_key" ON "Criterion"("criteriaSetId", "code");

-- CreateIndex
CREATE INDEX "Assessment_yearId_status_idx" ON "Assessment"("yearId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_agencyId_yearId_key" ON "Assessment"("agencyId", "yearId");

-- CreateIndex
CREATE INDEX "Score_criterionId_idx" ON "Score"("criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "Score_assessmentId_criterionId_key" ON "Score"("assessmentId", "criterionId");

-- CreateIndex
CREATE INDEX "EvidenceFile_sha256_idx" ON "EvidenceFile"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceFile_scoreId_sha256_key" ON "EvidenceFile"("scoreId", "sha256");

-- CreateIndex
CREATE INDEX "SurveyResult_criterionId_idx" ON "SurveyResult"("criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResult_yearId_agencyId_criterionId_key" ON "SurveyResult"("yearId", "agencyId", "criterionId");

-- CreateIndex
CREATE INDEX "Result_yearId_unitTypeId_rank_idx" ON "Result"("yearId", "unitTypeId", "rank");

-- CreateIndex
CREATE UNIQUE INDEX "Result_yearId_agencyId_key" ON "Result"("yearId", "agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "Publication_supersedesId_key" ON "Publication"("supersedesId");

-- CreateIndex
CREATE INDEX "Publication_yearId_publishedAt_idx" ON "Publication"("yearId", "publishedAt");

-- CreateIndex
CREATE INDEX "AuditEvent_subjectType_subjectId_idx" ON "AuditEvent"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "AuditEvent_assessmentId_occurredAt_idx" ON "AuditEvent"("assessmentId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_occurredAt_idx" ON "AuditEvent"("actorId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_type_occurredAt_idx" ON "AuditEvent"("type", "occurredAt");

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_unitTypeId_fkey" FOREIGN KEY ("unitTypeId") REFERENCES "UnitType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencySuccession" ADD CONSTRAINT "AgencySuccession_predecessorId_fkey" FOREIGN KEY ("predecessorId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencySuccession" ADD CONSTRAINT "AgencySuccession_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppraiserUnit" ADD CONSTRAINT "AppraiserUnit_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_appraiserUnitId_fkey" FOREIGN KEY ("appraiserUnitId") REFERENCES "AppraiserUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhaseDeadline" ADD CONSTRAINT "PhaseDeadline_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "AssessmentYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradingBand" ADD CONSTRAINT "GradingBand_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "AssessmentYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradingBand" ADD CONSTRAINT "GradingBand_unitTypeId_fkey" FOREIGN KEY ("unitTypeId") REFERENCES "UnitType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriteriaSet" ADD CONSTRAINT "CriteriaSet_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "AssessmentYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriteriaSet" ADD CONSTRAINT "CriteriaSet_unitTypeId_fkey" FOREIGN KEY ("unitTypeId") REFERENCES "UnitType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_criteriaSetId_fkey" FOREIGN KEY ("criteriaSetId") REFERENCES "CriteriaSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_appraiserUnitId_fkey" FOREIGN KEY ("appraiserUnitId") REFERENCES "AppraiserUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "AssessmentYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_criteriaSetId_fkey" FOREIGN KEY ("criteriaSetId") REFERENCES "CriteriaSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_scoreId_fkey" FOREIGN KEY ("scoreId") REFERENCES "Score"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResult" ADD CONSTRAINT "SurveyResult_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "AssessmentYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResult" ADD CONSTRAINT "SurveyResult_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResult" ADD CONSTRAINT "SurveyResult_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Result" ADD CONSTRAINT "Result_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "AssessmentYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Result" ADD CONSTRAINT "Result_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Result" ADD CONSTRAINT "Result_unitTypeId_fkey" FOREIGN KEY ("unitTypeId") REFERENCES "UnitType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "AssessmentYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "Publication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
