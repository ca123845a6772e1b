/** Template databases prepared once per run by integration-global-setup.ts. */
export const MIGRATED_TEMPLATE = "par_test_template_migrated";
export const SEEDED_TEMPLATE = "par_test_template_seeded";
