import Link from "next/link";

/**
 * Says, on every page, which money the user is looking at: test data (nothing real moves), or live
 * mode without an acquirer yet (live keys are refused until one is set).
 */
export function ModeBanner({ mode, acquirerSet, canSetAcquirer }: { mode: "test" | "live"; acquirerSet: boolean; canSetAcquirer: boolean }) {
  if (mode === "test") {
    return (
      <div role="status" className="border-b border-amber-300 bg-amber-100 px-4 py-1 text-xs text-amber-950 sm:py-2 sm:text-sm md:px-8">
        <strong className="font-semibold">Test mode.</strong> <span className="sm:hidden">Test data: no real money moves.</span>
        <span className="hidden sm:inline">You are looking at test data: payments here go to Kassa&apos;s simulation and move no real money.</span>
      </div>
    );
  }
  if (acquirerSet) return null;
  return (
    <div role="status" className="border-b border-rose-200 bg-rose-50 px-4 py-2 text-sm text-rose-950 md:px-8">
      <strong className="font-semibold">Live mode needs an acquirer.</strong> Live keys are refused until this merchant has somewhere for the money
      to go.{" "}
      {canSetAcquirer ? (
        <Link href="/dashboard/settings/acquirer" className="font-medium underline">
          Set the acquirer
        </Link>
      ) : (
        "Ask an owner to set the acquirer."
      )}
    </div>
  );
}
