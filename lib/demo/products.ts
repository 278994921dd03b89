/** What the demo store sells; prices in cents, as a merchant's own catalogue would keep them. */
export const DEMO_PRODUCTS = [
  { id: "yirgacheffe", name: "Ethiopia Yirgacheffe", detail: "Whole bean, 250 g · floral, bergamot", unitAmount: 1450 },
  { id: "huila", name: "Colombia Huila", detail: "Whole bean, 250 g · caramel, red apple", unitAmount: 1250 },
  { id: "sampler", name: "Roaster's sampler", detail: "Three 100 g bags, rotating origins", unitAmount: 2200 },
] as const;

export const DEMO_SHIPPING = 450;

export type DemoProductId = (typeof DEMO_PRODUCTS)[number]["id"];
