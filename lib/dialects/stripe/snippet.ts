import type { DialectDefinition } from "../definition";

/** The dashboard's first request to copy for this dialect: Stripe's own SDK, pointed at Kassa. */
export const stripeSnippet: NonNullable<DialectDefinition["snippet"]> = ({ baseUrl }) => {
  const url = new URL(baseUrl);
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return {
    title: "Create a Checkout Session (Stripe's SDK)",
    language: "ts",
    code: `import Stripe from "stripe";

const stripe = new Stripe(process.env.KASSA_SECRET_KEY!, { host: "${url.hostname}", port: ${port}, protocol: "${url.protocol.replace(":", "")}" });
const session = await stripe.checkout.sessions.create({
  mode: "payment",
  line_items: [{ price_data: { currency: "usd", unit_amount: 2000, product_data: { name: "T-shirt" } }, quantity: 1 }],
  success_url: "https://your-shop.example/thanks?session_id={CHECKOUT_SESSION_ID}",
  cancel_url: "https://your-shop.example/cart",
});
// redirect the buyer to session.url`,
  };
};
