"use client";

import { createContext, useContext, type ReactNode } from "react";

const MerchantScopeContext = createContext<string | null>(null);

/**
 * The merchant a page was drawn for. Every dashboard form sends it, so an action acts on the
 * merchant the user was looking at, not on whichever one another tab has since switched to.
 */
export function MerchantScope({ merchantId, children }: { merchantId: string; children: ReactNode }) {
  return <MerchantScopeContext.Provider value={merchantId}>{children}</MerchantScopeContext.Provider>;
}

export function MerchantField() {
  const merchantId = useContext(MerchantScopeContext);
  return merchantId ? <input type="hidden" name="merchant_id" value={merchantId} /> : null;
}
