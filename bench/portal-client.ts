/**
 * The floor: plain HTTP to the simulator with a keep-alive agent, no console code in between. Used to
 * obtain tokens the way any client would and to send the same queries the console sends.
 */
import http from 'node:http';

export interface PlainClient {
  /** GET, read the whole body, parse the JSON: what any client has to do with an answer. */
  get(path: string, token: string): Promise<unknown>;
  post(path: string, body: unknown, token?: string): Promise<unknown>;
  close(): void;
}

export function plainClient(baseUrl: string): PlainClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const request = (method: string, path: string, token: string | undefined, body?: unknown) =>
    new Promise<unknown>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string> = { accept: 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      if (payload !== undefined) headers['content-type'] = 'application/json';
      const req = http.request(new URL(path, baseUrl), { method, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if ((res.statusCode ?? 0) >= 300) reject(new Error(`${method} ${path}: ${res.statusCode} ${text.slice(0, 200)}`));
          else resolve(text ? JSON.parse(text) : null);
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  return {
    get: (path, token) => request('GET', path, token),
    post: (path, body, token) => request('POST', path, token, body),
    close: () => agent.destroy(),
  };
}

/** Signs in as the parent admin and opens a CAP session for one customer ("Access CAP"). */
export async function capTokenFor(client: PlainClient, credentials: { username: string; password: string }, customerId: string): Promise<string> {
  const { token } = (await client.post('/pap/v1/sessions', credentials)) as { token: string };
  const { capToken } = (await client.post(`/pap/v1/customers/${encodeURIComponent(customerId)}/cap-sessions`, {}, token)) as { capToken: string };
  return capToken;
}
