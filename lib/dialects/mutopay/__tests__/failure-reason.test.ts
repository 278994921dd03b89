import { describe, expect, it } from "vitest";
import { sampleIntent } from "@/lib/openapi/samples";
import { mutopayWebhook } from "../webhook";
import { renderPaymentStatus } from "../render";

/** The WooCommerce plugin adds its own full stop after failure_reason in the order note. */
describe("MutoPay's failure_reason", () => {
  const failed = { ...sampleIntent("mutopay"), status: "failed" as const, lastError: { code: "card_declined", declineCode: "51", message: "Your card has insufficient funds." } };

  it("ends without a full stop on the status route", () => {
    expect(renderPaymentStatus(failed, null).failure_reason).toBe("Your card has insufficient funds");
  });

  it("ends without a full stop in the webhook", async () => {
    const body = await mutopayWebhook.render(null as never, {
      id: "evt_1",
      createdAt: new Date(),
      merchantId: failed.merchantId,
      type: "payment.failed",
      actor: { type: "buyer" },
      intent: failed,
      details: { message: "Your card has insufficient funds." },
    });
    expect(body.failure_reason).toBe("Your card has insufficient funds");
  });
});
