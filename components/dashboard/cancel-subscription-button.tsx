"use client";

import { cancelSubscriptionAction } from "@/app/dashboard/(app)/subscriptions/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";

export function CancelSubscriptionButton({ subscriptionId }: { subscriptionId: string }) {
  return (
    <ConfirmAction
      label="Cancel subscription"
      title="Cancel this subscription"
      description="No further renewals will be charged. Payments already made are not refunded."
      confirmLabel="Cancel subscription"
      variant="danger"
      action={cancelSubscriptionAction}
      hidden={{ subscription_id: subscriptionId }}
    />
  );
}
