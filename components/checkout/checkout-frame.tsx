import type { Branding } from "@/lib/checkout/get-checkout";
import { contrastingText } from "@/lib/ui/contrast";

const DEFAULT_BRAND = "#4f46e5";

/** The page around a checkout, in the merchant's colour; tighter when it sits in an iframe. */
export function CheckoutFrame({ branding, embedded, children }: { branding: Branding; embedded: boolean; children: React.ReactNode }) {
  const brand = branding.brandColor ?? DEFAULT_BRAND;
  const style = { "--brand": brand, "--brand-contrast": contrastingText(brand) } as React.CSSProperties;
  return (
    <div style={style} className={embedded ? "min-h-full bg-white" : "min-h-screen bg-slate-50"}>
      <main className={embedded ? "px-4 py-5" : "mx-auto max-w-5xl px-4 py-8 sm:px-6 md:py-16"}>{children}</main>
      {!embedded && (
        <footer className="pb-8 text-center text-xs text-slate-600">
          Powered by Kassa · Your card number is never stored
        </footer>
      )}
    </div>
  );
}
