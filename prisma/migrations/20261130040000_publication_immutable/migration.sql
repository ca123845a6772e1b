-- A publication is the province's announcement as issued (DESIGN.md §2): the database refuses to
-- change or delete one, whatever the application does. A correction is a new row that supersedes
-- the old one (supersedesId on the new row), so no legitimate write ever touches an existing row.
-- Not expressible in schema.prisma, so it lives here, like the audit table's append-only trigger.
CREATE FUNCTION "publication_is_immutable"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'Publication is immutable: % is not allowed; publish a correction instead', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Publication_immutable"
  BEFORE UPDATE OR DELETE ON "Publication"
  FOR EACH ROW EXECUTE FUNCTION "publication_is_immutable"();

-- One first publication per year: every later one is a correction (supersedesId, itself unique,
-- so the corrections form one chain). Two administrators publishing at once cannot both succeed
-- even if a code path forgot to lock the year.
CREATE UNIQUE INDEX "Publication_one_original_per_year" ON "Publication"("yearId") WHERE "supersedesId" IS NULL;
