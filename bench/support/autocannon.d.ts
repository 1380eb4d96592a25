// The part of autocannon's API the web benchmark uses (the package ships no types).
declare module 'autocannon' {
  interface Histogram { p50: number; p90: number; p99: number; max: number; average: number; total: number }
  interface RequestParams { method?: string; path?: string; headers?: Record<string, string> }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    /** A run at this load before the measured one, its figures left out. */
    warmup?: { connections?: number; duration?: number };
    /** Clients in this many worker threads (functions such as setupRequest cannot be passed to them). */
    workers?: number;
    requests?: { method?: string; headers?: Record<string, string>; setupRequest?: (req: RequestParams) => RequestParams }[];
  }
  interface Result { latency: Histogram; requests: Histogram; non2xx: number; errors: number; timeouts: number }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
