"use client";

import { useEffect, useState } from "react";

/** Time left to pay; at zero the page reloads and the server sends the buyer back to the merchant. */
export function Countdown({ expiresAt }: { expiresAt: string }) {
  const deadline = Date.parse(expiresAt);
  const [now, setNow] = useState<number | null>(null);

  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= deadline) {
        clearInterval(timer);
        setTimeout(() => window.location.reload(), 1000);
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [deadline]);

  const label = now === null ? expiryTime(deadline) : remaining(deadline - now);
  return <p className="text-sm text-slate-600">{label}</p>;
}

function remaining(ms: number): string {
  if (ms <= 0) return "This payment link has expired.";
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  if (minutes >= 120) return `Expires in ${Math.floor(minutes / 60)} hours`;
  return `Expires in ${minutes}:${String(seconds).padStart(2, "0")}`;
}

/** Before hydration (and without JavaScript): the clock time, which needs no ticking. */
function expiryTime(deadline: number): string {
  return `Expires at ${new Date(deadline).toISOString().slice(11, 16)} UTC`;
}
