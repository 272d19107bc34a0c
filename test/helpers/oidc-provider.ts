import Provider from 'oidc-provider';
import { freePort } from './app.js';

/** A real OpenID Connect provider (oidc-provider) on loopback, with its development login pages. */
export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

/** Starts the provider; any login typed on its page becomes an account with that preferred_username. */
export async function startOidcProvider(redirectUri: string): Promise<TestProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'merimna-test';
  const clientSecret = 'merimna-test-secret-0123456789abcdef';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['preferred_username', 'name'], email: ['email'] },
    async findAccount(_ctx, sub) {
      return {
        accountId: sub,
        async claims() {
          return { sub, preferred_username: sub, name: sub, email: `${sub}@example.invalid` };
        },
      };
    },
    pkce: { required: () => true },
    // The development login and consent pages (on by default in v9): any login is accepted.
    features: { devInteractions: { enabled: true } },
    // Short lives, as a real provider would have them; also silences the notices about defaults.
    ttl: { AuthorizationCode: 60, AccessToken: 300, IdToken: 300, Interaction: 600, Session: 600, Grant: 600 },
  });
  const server = provider.listen(port);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
