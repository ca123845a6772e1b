-- AlterTable
ALTER TABLE "Result" ADD COLUMN     "publishedBandLabel" TEXT;
