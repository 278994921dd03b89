import type { Metadata } from "next";
import { can, dashboardContext } from "@/app/_server/context";
import { minorToDecimal } from "@/lib/money/decimal";
import { SettingsForm } from "@/components/dashboard/settings-forms";
import { Card, PageHeader } from "@/components/ui/page";
import { settingsTabs, Tabs } from "@/components/ui/tabs";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const context = await dashboardContext();
  const { merchant } = context;
  const canEdit = can(context, "merchant:update");
  return (
    <>
      <PageHeader title="Settings" description={canEdit ? "How your checkout looks and what it accepts." : "Only owners and admins can change these."} />
      <Tabs label="Settings" tabs={settingsTabs("general")} />
      <Card title="Business and checkout">
        <SettingsForm
          canEdit={canEdit}
          values={{
            name: merchant.name,
            displayName: merchant.displayName ?? "",
            brandColor: merchant.brandColor ?? "",
            logoUrl: merchant.logoUrl ?? "",
            allowedOrigins: merchant.allowedOrigins.join("\n"),
            minimumAmounts: Object.entries(merchant.minimumAmounts)
              .map(([currency, minor]) => `${currency} ${minorToDecimal(minor, currency)}`)
              .join("\n"),
            receiptsEnabled: merchant.receiptsEnabled,
          }}
        />
      </Card>
    </>
  );
}
