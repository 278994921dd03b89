curl -X POST https://mintro.paywithwallet.net/api/platform/intents \
  -H "X-Client-ID: YOUR_CLIENT_ID" \
  -H "X-Client-Secret: YOUR_CLIENT_SECRET" \
  -H "Idempotency-Key: 2b244b3a-897f-4f3e-ad70-69ea39635b9e" \
  -H "Content-Type: application/json" \
  -d '{
    "amount": 80,
    "currency": "USD",
    "intent_type": "recurring",
    "interval_days": 30,
    "email": "customer@example.com",
    "name": "John Doe",
    "reference_id" : "ORDER-123456",
    "customer_ref_id": "CUST-001",
    "integration_type": "iframe",
    "success_url": "https://example.com/success",
    "cancel_url": "https://example.com/cancel",
    "metadata": {
        "internal_id": "999"
    },
    "order_items": [
        {
            "name": "Product 1",
            "quantity": 1,
            "price": 50.00
        }
    ]
  }'
