type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type CallOptions = {
  path: string;
  method?: string;
  body?: unknown;
  /** Sent as is, for malformed-JSON tests. */
  rawBody?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
};

export type CallResult<T = any> = { status: number; body: T; headers: Headers };

/** Invokes a route handler the way Next.js does, with a real Request, and parses the JSON answer. */
export async function callRoute<T = any>(handler: Handler, options: CallOptions): Promise<CallResult<T>> {
  const method = options.method ?? (options.body !== undefined || options.rawBody !== undefined ? "POST" : "GET");
  const request = new Request(`http://kassa.test${options.path}`, {
    method,
    headers: { "content-type": "application/json", ...options.headers },
    body: options.rawBody ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}
