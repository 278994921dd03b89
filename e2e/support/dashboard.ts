import { expect, type Page } from "@playwright/test";

/** Signs in on the dashboard's own page, as a person would. */
export async function signIn(page: Page, email: string, password: string, target = "/dashboard") {
  await page.goto(target);
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === target);
}
