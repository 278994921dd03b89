"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { href: "/dashboard", label: "Overview", exact: true },
  { href: "/dashboard/payments", label: "Payments" },
  { href: "/dashboard/payment-links", label: "Payment links" },
  { href: "/dashboard/subscriptions", label: "Subscriptions" },
  { href: "/dashboard/developers", label: "Developers" },
  { href: "/dashboard/settings", label: "Settings" },
];

export function NavLinks() {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap gap-1 md:flex-col md:flex-nowrap">
      {SECTIONS.map((section) => {
        const current = section.exact ? pathname === section.href : pathname.startsWith(section.href);
        return (
          <li key={section.href}>
            <Link
              href={section.href}
              aria-current={current ? "page" : undefined}
              className={`block whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium ${
                current ? "bg-indigo-50 text-indigo-800" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900"
              }`}
            >
              {section.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
