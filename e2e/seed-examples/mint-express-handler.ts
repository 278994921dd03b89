import type { Express } from "express";

/** Seed 000's backend route, as written; the harness supplies `app`. */
export function mountSeedRoute(app: Express): void {
app.post('/api/mint/payments', async (req, res) => {
const response = await fetch(`${process.env.MINT_API_URL}/v1/payments`, {
method: 'POST',
headers: {
'Content-Type': 'application/json',
Accept: 'application/json',
'x-api-key': process.env.MINT_SECRET_KEY!,
},
body: JSON.stringify({
checkout_id: process.env.MINT_CHECKOUT_ID,
currency: 'USD',
amount: 49,
order_id: 'order_123',
customer_id: 'customer_456',
return_url: 'https://your-app.example.com/checkout/complete',
metadata: {
cart_id: 'cart_789',
},
}),
});
const payload = await response.json();
if (!response.ok) {
res.status(response.status).json(payload);
return;
}
res.json(payload.data);
});
}
