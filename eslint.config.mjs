import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", ".data/**", ".bench/**", "playwright-report/**", "test-results/**", "node_modules/**", "lib/db/generated/**", "next-env.d.ts", "tmp/**"],
  },
  {
    // The pure domain layer must not reach for I/O or frameworks (DESIGN.md §3).
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@prisma/*", "**/generated/prisma/**", "next", "next/*", "react", "react-dom", "node:*", "pg"], message: "lib/domain is pure: no Prisma, Next, React or I/O." },
          ],
        },
      ],
    },
  },
];

export default config;
