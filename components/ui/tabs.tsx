import Link from "next/link";

/** Links between the pages of one section, with the current one marked for assistive technology. */
export function Tabs({ label, tabs }: { label: string; tabs: { href: string; label: string; current: boolean }[] }) {
  return (
    <nav aria-label={label} className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex gap-4 overflow-x-auto">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.current ? "page" : undefined}
              className={`inline-block whitespace-nowrap border-b-2 px-1 pb-3 text-sm font-medium ${
                tab.current ? "border-indigo-600 text-indigo-800" : "border-transparent text-slate-600 hover:text-slate-900"
              }`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function developerTabs(current: "keys" | "webhooks" | "events" | "emails" | "sites" | "snippets" | "clocks") {
  return [
    { href: "/dashboard/developers", label: "API keys", current: current === "keys" },
    { href: "/dashboard/developers/webhooks", label: "Webhooks", current: current === "webhooks" },
    { href: "/dashboard/developers/events", label: "Events", current: current === "events" },
    { href: "/dashboard/developers/emails", label: "Emails", current: current === "emails" },
    { href: "/dashboard/developers/sites", label: "Connected sites", current: current === "sites" },
    { href: "/dashboard/developers/snippets", label: "Code snippets", current: current === "snippets" },
    { href: "/dashboard/developers/test-clocks", label: "Test clocks", current: current === "clocks" },
  ];
}

export function settingsTabs(current: "general" | "checkouts" | "team" | "acquirer" | "wallet") {
  return [
    { href: "/dashboard/settings", label: "General", current: current === "general" },
    { href: "/dashboard/settings/checkouts", label: "Checkouts", current: current === "checkouts" },
    { href: "/dashboard/settings/team", label: "Team", current: current === "team" },
    { href: "/dashboard/settings/acquirer", label: "Live payments", current: current === "acquirer" },
    { href: "/dashboard/settings/wallet", label: "Stablecoin wallet", current: current === "wallet" },
  ];
}
