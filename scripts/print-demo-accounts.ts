import type { DemoUser } from "@/prisma/seed/demo-province";

/** Prints the demo accounts (demo passwords are public: they are in the README too). */
export function printDemoAccounts(users: readonly DemoUser[]): void {
  console.log("Tài khoản dùng thử (demo accounts):");
  const width = Math.max(...users.map((user) => user.email.length));
  for (const user of users) {
    console.log(`  ${user.email.padEnd(width)}  ${user.password.padEnd(14)}  ${user.purpose}`);
  }
}
