/** One GraphQL POST, timed, as the cost bench's clients send it: its answer's code (`OK` or the first error's). */
export interface Answer {
  ms: number;
  status: number;
  code: string;
  message?: string;
}

export async function post(url: string, query: string, token?: string): Promise<Answer & { data?: Record<string, unknown> }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as {
    data?: Record<string, unknown>;
    errors?: Array<{ message?: string; extensions?: { code?: string } }>;
  };
  const code = body.errors?.[0]?.extensions?.code ?? (response.status === 200 ? "OK" : `HTTP_${response.status}`);
  return {
    ms: performance.now() - started,
    status: response.status,
    code,
    ...(body.errors?.[0]?.message ? { message: body.errors[0].message } : {}),
    ...(body.data ? { data: body.data } : {}),
  };
}
