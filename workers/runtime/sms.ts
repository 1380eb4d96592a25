export interface SmsSender {
  send(to: string, text: string): Promise<void>;
}

/** POSTs `{to, text}` as JSON to a webhook (an SMS gateway adapter); a non-2xx answer is a failure. */
export function createSmsWebhook(url: string, fetchImpl: typeof fetch = fetch): SmsSender {
  return {
    async send(to, text) {
      const res = await fetchImpl(url, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ to, text }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`SMS webhook answered ${res.status} ${res.statusText}`);
    },
  };
}
