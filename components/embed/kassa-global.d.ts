import type { KassaHandle, KassaOptions } from "./kassa";

/** What /kassa.js puts on `window`, for the demo store, which loads it like any merchant's page. */
declare global {
  interface Window {
    Kassa: {
      mount(element: Element, checkoutUrl: string, options?: KassaOptions): KassaHandle;
      open(checkoutUrl: string, options?: KassaOptions): KassaHandle;
      version: string;
    };
  }
}
