import { sql } from 'drizzle-orm';
import * as client from 'openid-client';
import type { Config } from '../../config.js';
import { recordAudit, type AuditContext } from '../audit/audit.js';
import { sqlRows, type Db } from '../db/database.js';
import * as repo from './identity.repo.js';
import { randomToken, sha256 } from './secrets.js';
import { openSession } from './session.service.js';

type OidcConfig = NonNullable<Config['oidc']>;

let discovered: { key: string; config: Promise<client.Configuration> } | undefined;

/** The identity provider's configuration, discovered once (plain http only on loopback: tests, development). */
function providerConfig(oidc: OidcConfig): Promise<client.Configuration> {
  const key = `${oidc.issuer}|${oidc.clientId}`;
  if (discovered?.key !== key) {
    const url = new URL(oidc.issuer);
    const loopback = url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    // openid-client marks this option deprecated only to flag it; it is limited to loopback here.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const insecure = client.allowInsecureRequests;
    const config = client.discovery(
      url,
      oidc.clientId,
      oidc.clientSecret,
      undefined,
      loopback ? { execute: [insecure] } : undefined,
    );
    config.catch(() => (discovered = undefined)); // try again next time
    discovered = { key, config };
  }
  return discovered.config;
}

/** The callback address registered with the identity provider. */
export function callbackUrl(config: Config): string {
  return `${config.publicUrl}/api/v1/auth/oidc/callback`;
}

/** Starts a sign-in: stores PKCE verifier, state and nonce, and returns where to send the browser. */
export async function startOidc(db: Db, config: Config, tenantId: string): Promise<{ stateId: string; redirectTo: string }> {
  const oidc = config.oidc;
  if (!oidc) throw new Error('OpenID Connect is not configured');
  const provider = await providerConfig(oidc);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const stateId = randomToken();
  await db.execute(sql`delete from oidc_state where created_at < now() - interval '10 minutes'`);
  await db.execute(
    sql`insert into oidc_state (tenant_id, id, state, nonce, code_verifier) values (${tenantId}, ${sha256(stateId)}, ${state}, ${nonce}, ${codeVerifier})`,
  );
  const url = client.buildAuthorizationUrl(provider, {
    redirect_uri: callbackUrl(config),
    scope: 'openid profile email',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { stateId, redirectTo: url.href };
}

/**
 * Finishes a sign-in: checks state, nonce and PKCE with the provider, finds the user linked to the
 * identity (or links the first sign-in of an existing user by the configured claim; nobody unknown
 * is created), opens a session. Returns null, after auditing why, when the sign-in is refused.
 */
export async function finishOidc(
  db: Db,
  config: Config,
  audit: AuditContext,
  input: { stateId: string | undefined; currentUrl: URL; userAgent: string | undefined },
): Promise<{ token: string } | null> {
  const oidc = config.oidc;
  const refuse = async (reason: string) => {
    await db.transaction((tx) =>
      recordAudit(tx, audit, [{ action: 'auth.oidc_failed', outcome: 'failure', entityType: 'user', reason }]),
    );
    return null;
  };
  if (!oidc || !input.stateId) return refuse('no_state');
  const [saved] = await sqlRows<{ state: string; nonce: string; code_verifier: string }>(
    db,
    sql`delete from oidc_state where id = ${sha256(input.stateId)} and tenant_id = ${audit.tenantId}
        and created_at > now() - interval '10 minutes' returning state, nonce, code_verifier`,
  );
  if (!saved) return refuse('unknown_or_expired_state');
  if (input.currentUrl.searchParams.has('error'))
    return refuse(`provider_error:${input.currentUrl.searchParams.get('error') ?? ''}`.slice(0, 80));
  let claims: client.IDToken | undefined;
  let username: unknown;
  try {
    const provider = await providerConfig(oidc);
    const tokens = await client.authorizationCodeGrant(provider, input.currentUrl, {
      pkceCodeVerifier: saved.code_verifier,
      expectedState: saved.state,
      expectedNonce: saved.nonce,
    });
    claims = tokens.claims();
    username = claims?.[oidc.usernameClaim];
    // Providers that keep profile claims out of the ID token give them at the userinfo endpoint.
    if (claims && username === undefined)
      username = (await client.fetchUserInfo(provider, tokens.access_token, claims.sub))[oidc.usernameClaim];
  } catch {
    return refuse('token_exchange_failed');
  }
  if (!claims) return refuse('no_id_token');
  let user = await repo.findUserByOidc(db, audit.tenantId, claims.iss, claims.sub);
  if (!user) {
    const candidate =
      typeof username === 'string' ? await repo.findUserByUsername(db, audit.tenantId, username.toLowerCase()) : undefined;
    if (!candidate || candidate.oidcSubject) return refuse('unknown_identity');
    await repo.updateUser(db, audit.tenantId, candidate.id, { oidcIssuer: claims.iss, oidcSubject: claims.sub });
    user = candidate;
  }
  if (user.disabledAt) return refuse('disabled');
  const amr = Array.isArray(claims.amr) ? claims.amr.map(String) : [];
  const mfaVerified = amr.includes('mfa') || amr.includes('otp');
  const signedIn = user;
  return db.transaction(async (tx) => {
    const session = await openSession(tx, config, audit.tenantId, signedIn.id, {
      ip: audit.ip ?? '',
      userAgent: input.userAgent,
      mfaVerified,
    });
    await recordAudit(tx, { ...audit, actorUserId: signedIn.id, actorLabel: signedIn.username }, [
      { action: 'auth.oidc_login', entityType: 'user', entityId: signedIn.id, reason: mfaVerified ? 'provider_mfa' : 'provider' },
    ]);
    return { token: session.token };
  });
}
