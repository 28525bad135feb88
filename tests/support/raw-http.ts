/**
 * Requests sent to a host byte for byte over `net`, for the tests that try to break it: fetch
 * would normalise or refuse a malformed path, an absolute-form request line or a forged header
 * before it ever reached the server.
 */
import net from 'node:net';

export interface RawResponse {
  readonly status: number;
  readonly headers: string;
  readonly body: string;
}

/** Sends `request` as written to 127.0.0.1:`port` and reads the answer until the server closes. */
export function sendRaw(port: number, request: string): Promise<RawResponse> {
  const firstLine = request.split('\r\n')[0];
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(5000, () => socket.destroy(new Error(`No answer to ${firstLine}`)));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (!match) return reject(new Error(`No status line in answer to ${firstLine}: ${JSON.stringify(text)}`));
      const split = text.indexOf('\r\n\r\n');
      const headers = text.slice(0, split);
      const body = text.slice(split + 4);
      resolve({ status: Number(match[1]), headers, body: /^transfer-encoding: chunked/im.test(headers) ? unchunk(body) : body });
    });
    // Not end(): a half-closed socket may lose an answer that is still streaming.
    socket.write(request);
  });
}

function unchunk(body: string): string {
  let rest = body;
  let out = '';
  for (;;) {
    const lineEnd = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, lineEnd), 16);
    if (!(size > 0)) return out;
    out += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    rest = rest.slice(lineEnd + 2 + size + 2);
  }
}
