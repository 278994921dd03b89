import { z } from "zod";
import { httpUrl } from "@/lib/validation/common";

/**
 * What a shop's "Connect" button sends the merchant's browser with (the WooCommerce plugin's
 * `/dashboard/connect?return_url&webhook_url&platform&site_name`). The shop's `state` rides inside
 * `return_url` and comes back untouched.
 */
export const connectRequest = z.object({
  return_url: httpUrl,
  webhook_url: httpUrl,
  site_name: z.string({ error: "must be the shop's name" }).trim().min(1, { error: "must be the shop's name" }).max(100, { error: "must be at most 100 characters" }),
  platform: z.string().trim().max(40, { error: "must be at most 40 characters" }).optional(),
});

export type ConnectRequest = z.infer<typeof connectRequest>;
