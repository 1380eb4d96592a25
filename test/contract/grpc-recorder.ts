import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';

/** One unary gRPC call as it crossed the wire from the client: its headers and its length-prefixed message frame. */
export interface RecordedCall {
  path: string;
  encoding: string | undefined;
  /** The first message frame: 1 byte compressed flag, 4 bytes length, then the (possibly compressed) message. */
  frame: Buffer;
}

export interface GrpcRecorder {
  port: number;
  calls: RecordedCall[];
  close(): Promise<void>;
}

/**
 * An HTTP/2 relay in front of the gRPC gateway that records what clients really send (after their channel
 * compressed it), and relays requests and answers unchanged. Unary calls only: it waits for the whole request.
 */
export async function startGrpcRecorder(gatewayPort: number): Promise<GrpcRecorder> {
  const upstream = http2.connect(`http://127.0.0.1:${gatewayPort}`);
  const calls: RecordedCall[] = [];
  const server = http2.createServer();
  server.on('stream', (stream, headers) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const body = Buffer.concat(chunks);
      calls.push({ path: String(headers[':path']), encoding: headers['grpc-encoding'] as string | undefined, frame: body });
      const forwarded = Object.fromEntries(Object.entries(headers).filter(([name]) => name !== ':authority' && name !== ':scheme'));
      const request = upstream.request(forwarded);
      request.on('response', (answer) => stream.respond(answer, { waitForTrailers: true }));
      request.on('data', (chunk: Buffer) => stream.write(chunk));
      let trailers: http2.OutgoingHttpHeaders = {};
      request.on('trailers', (received) => {
        trailers = received;
      });
      request.on('end', () => {
        stream.once('wantTrailers', () => stream.sendTrailers(trailers));
        stream.end();
      });
      request.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    calls,
    close: async () => {
      upstream.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
