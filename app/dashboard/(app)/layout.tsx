import type { Metadata } from "next";
import Link from "next/link";
import { can, dashboardContext } from "@/app/_server/context";
import { ModeBanner } from "@/components/dashboard/mode-banner";
import { ModeSwitch } from "@/components/dashboard/mode-switch";
import { findAcquirer } from "@/lib/accounts/get-acquirer";
import { MerchantSwitcher } from "@/components/dashboard/merchant-switcher";
import { NavLinks } from "@/components/dashboard/nav-links";
import { SignOutButton } from "@/components/dashboard/sign-out-button";
import { MerchantScope } from "@/components/ui/merchant-scope";

export const metadata: Metadata = { title: { default: "Dashboard", template: "%s · Kassa dashboard" } };
export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const context = await dashboardContext();
  const acquirer = context.mode === "live" ? await findAcquirer(context.db, context.merchant.id) : null;
  const merchants = context.merchants.map(({ merchant, role }) => ({ id: merchant.id, name: merchant.displayName || merchant.name, role }));
  return (
    <div className="min-h-screen bg-slate-50 md:grid md:grid-cols-[14rem_1fr]">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <aside className="border-b border-slate-200 bg-white md:min-h-screen md:border-b-0 md:border-r">
        <div className="flex items-center justify-between gap-2 px-4 py-4 md:block">
          <Link href="/dashboard" className="text-lg font-bold tracking-tight text-indigo-700">
            Kassa
          </Link>
          <span
            className={`rounded-full px-2 py-0.5 text-xs font-semibold md:ml-2 ${context.mode === "test" ? "bg-amber-100 text-amber-900" : "bg-emerald-100 text-emerald-900"}`}
          >
            {context.mode === "test" ? "Test mode" : "Live"}
          </span>
        </div>
        <nav aria-label="Dashboard" className="px-2 pb-3 md:pb-0">
          <NavLinks />
        </nav>
      </aside>
      <div className="min-w-0">
        <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-3 md:px-8">
          <MerchantSwitcher current={context.merchant.id} merchants={merchants} />
          <div className="flex flex-wrap items-center gap-3">
            <ModeSwitch mode={context.mode} />
            <span className="hidden text-sm text-slate-600 sm:inline">
              {context.user.email} · {context.role}
            </span>
            <SignOutButton />
          </div>
        </header>
        <ModeBanner mode={context.mode} acquirerSet={acquirer !== null} canSetAcquirer={can(context, "acquirer:manage")} />
        <main id="main" className="mx-auto max-w-6xl px-4 py-4 sm:py-6 md:px-8 md:py-8">
          <MerchantScope merchantId={context.merchant.id} mode={context.mode}>{children}</MerchantScope>
        </main>
      </div>
    </div>
  );
}
