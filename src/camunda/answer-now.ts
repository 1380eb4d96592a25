/**
 * The eventual-consistency option of the SDK's search and get calls, left out: the call answers with what the
 * secondary storage has now, as `waitUpToMs: 0` would, without the SDK re-reading its whole configuration from the
 * environment on every call (it does so to find its polling interval). The SDK's types require the option; at run
 * time it treats an absent one as "answer now", hence the one assertion.
 */
export const ANSWER_NOW = {} as { consistency: never };
