export default function Forbidden() {
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-center">
      <p className="text-sm font-semibold text-slate-500">403</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">This payment link is not valid</h1>
      <p className="mt-3 text-slate-600">
        The link is incomplete or has been changed. Go back to the shop and start the payment again.
      </p>
    </main>
  );
}
