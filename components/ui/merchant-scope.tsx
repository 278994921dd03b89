"use client";

import { createContext, useContext, type ReactNode } from "react";

const MerchantScopeContext = createContext<{ merchantId: string; mode: string } | null>(null);

/**
 * The merchant and mode a page was drawn for. Every dashboard form sends them, so an action acts on
 * what the user was looking at, not on whichever merchant or mode another tab has since switched to.
 */
export function MerchantScope({ merchantId, mode, children }: { merchantId: string; mode: string; children: ReactNode }) {
  return <MerchantScopeContext.Provider value={{ merchantId, mode }}>{children}</MerchantScopeContext.Provider>;
}

export function MerchantField() {
  const scope = useContext(MerchantScopeContext);
  if (!scope) return null;
  return (
    <>
      <input type="hidden" name="merchant_id" value={scope.merchantId} />
      <input type="hidden" name="mode" value={scope.mode} />
    </>
  );
}
